package io.rapport.crm.persistence.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.persistence.IndexEntry;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * The sort keys of the sales indexes order as their meaning does: dates by date (undated last),
 * and (customer, time) by customer id as a string, then by time, even when one id is a prefix of
 * another.
 */
class SalesIndexKeysProperties {

  private static final Gen<LocalDate> DATES = longs()
      .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
      .mix(longs().between(-400_000, 400_000), 60).map(day -> LocalDate.ofEpochDay(day));
  private static final Gen<String> IDS = strings().betweenCodePoints('-', 'z')
      .ofLengthBetween(1, 6).map(text -> text.replaceAll("[^A-Za-z0-9._:-]", "_"));
  private static final Gen<Instant> TIMES = longs().between(0, 4_000_000_000L)
      .mix(arbitrary().pick(0L, 1L, 86_400L), 20).map(second -> Instant.ofEpochSecond(second));

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(Long.getLong("rapport.seed", 20261123L))
        .withExamples(2000);
  }

  @Test
  void dateKeysOrderAsTheDatesAndUndatedComesLast() {
    qt().forAll(DATES, DATES).checkAssert((a, b) -> {
      assertThat(Integer.signum(SalesIndexKeys.dateKey(a).compareTo(SalesIndexKeys.dateKey(b))))
          .isEqualTo(Integer.signum(a.compareTo(b)));
      assertThat(SalesIndexKeys.dateKey(a).length())
          .isLessThanOrEqualTo(IndexEntry.MAX_SORT_KEY_LENGTH);
      assertThat(SalesIndexKeys.dateKeyOrLast(Option.of(a)))
          .isLessThan(SalesIndexKeys.dateKeyOrLast(Option.none()));
    });
  }

  @Test
  void customerTimeKeysOrderByCustomerThenTime() {
    Gen<String> related = IDS.zip(IDS, arbitrary().pick(0, 1, 2), (a, b, how) ->
        how == 0 ? a : how == 1 ? a + b : b);
    qt().forAll(IDS, related, TIMES, TIMES).checkAssert((c1, c2, t1, t2) -> {
      int expected = c1.equals(c2) ? t1.compareTo(t2) : c1.compareTo(c2);
      assertThat(Integer.signum(SalesIndexKeys.customerTimeKey(c1, t1)
          .compareTo(SalesIndexKeys.customerTimeKey(c2, t2))))
          .isEqualTo(Integer.signum(expected));
    });
  }

  @Test
  void customerTimeKeysFitTheLongestCustomerId() {
    String longest = "C".repeat(64);
    assertThat(SalesIndexKeys.customerTimeKey(longest, Instant.MAX).length())
        .isLessThanOrEqualTo(IndexEntry.MAX_SORT_KEY_LENGTH);
    assertThat(SalesIndexKeys.customerTimeKey("C-1", Instant.EPOCH))
        .isLessThan(SalesIndexKeys.customerTimeKey("C-1.5", Instant.EPOCH))
        .isLessThan(SalesIndexKeys.customerTimeKey("C-10", Instant.EPOCH));
  }
}
