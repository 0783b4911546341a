package io.rapport.crm.value;

import static io.rapport.crm.value.SegmentPropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LifecycleSegmentsTest {

  static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  static final LifecycleSegments STANDARD = LifecycleSegments.standard();

  static LifecycleSegment segment(String... days) {
    return STANDARD.segmentOf(PurchaseHistory.of("c",
        List.of(days).map(LocalDate::parse).toJavaArray(LocalDate[]::new)), AS_OF);
  }

  @Test
  void aCustomerWithoutPurchasesIsAProspect() {
    assertThat(segment()).isEqualTo(LifecycleSegment.PROSPECT);
    // a purchase after the as-of day is not known yet
    assertThat(segment("2026-12-01")).isEqualTo(LifecycleSegment.PROSPECT);
  }

  @Test
  void aFirstPurchaseWithinSixMonthsIsNewAndTheBoundaryDayIsNot() {
    assertThat(segment("2026-05-24")).isEqualTo(LifecycleSegment.NEW);
    // exactly 6 months before: no purchase for 6 months, so inactive
    assertThat(segment("2026-05-23")).isEqualTo(LifecycleSegment.INACTIVE);
    // a new customer who already bought twice stays new (new before active)
    assertThat(segment("2026-07-01", "2026-10-01")).isEqualTo(LifecycleSegment.NEW);
  }

  @Test
  void twoPurchasesInTwelveMonthsMakeActive() {
    assertThat(segment("2025-01-10", "2025-12-01", "2026-09-01"))
        .isEqualTo(LifecycleSegment.ACTIVE);
    // only one purchase within the 12 months, the other on the boundary day: occasional
    assertThat(segment("2025-11-23", "2026-09-01")).isEqualTo(LifecycleSegment.OCCASIONAL);
    assertThat(segment("2025-11-24", "2026-09-01")).isEqualTo(LifecycleSegment.ACTIVE);
  }

  @Test
  void recencySpeaksBeforeActivity() {
    // two purchases in the last 12 months, but none for more than 6: inactive
    assertThat(segment("2026-01-10", "2026-03-01")).isEqualTo(LifecycleSegment.INACTIVE);
    assertThat(segment("2019-03-01")).isEqualTo(LifecycleSegment.INACTIVE);
  }

  @Test
  void thresholdsAreConfigurable() {
    LifecycleSegments quick = new LifecycleSegments(Period.ofDays(30), Period.ofDays(90), 3,
        Period.ofDays(60));
    PurchaseHistory h = PurchaseHistory.of("c", LocalDate.parse("2026-09-01"),
        LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"));
    assertThat(quick.segmentOf(h, AS_OF)).isEqualTo(LifecycleSegment.ACTIVE);
    assertThat(STANDARD.segmentOf(h, AS_OF)).isEqualTo(LifecycleSegment.NEW);
    assertThat(quick.segmentOf(h, LocalDate.parse("2027-01-01")))
        .isEqualTo(LifecycleSegment.INACTIVE);
  }

  @Test
  void invalidThresholdsAreReportedTogether() {
    assertThat(LifecycleSegments.validated(Period.ZERO, Period.ofMonths(-1), 0, null).getError())
        .extracting(Violation::code, Violation::field).containsExactly(
            org.assertj.core.groups.Tuple.tuple("value.lifecycle.window_invalid", "newWithin"),
            org.assertj.core.groups.Tuple.tuple("value.lifecycle.window_invalid",
                "activeWindow"),
            org.assertj.core.groups.Tuple.tuple("value.lifecycle.window_invalid",
                "inactiveAfter"),
            org.assertj.core.groups.Tuple.tuple("value.lifecycle.minimum_invalid",
                "activeMinimum"));
    assertThatThrownBy(() -> new LifecycleSegments(Period.ofDays(1), Period.ofDays(1), 0,
        Period.ofDays(1))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void historiesAreCheckedAndSorted() {
    assertThatThrownBy(() -> PurchaseHistory.of(" "))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("value.history.customer_blank"));
    PurchaseHistory h = PurchaseHistory.of("c", LocalDate.parse("2026-02-01"),
        LocalDate.parse("2025-02-01"));
    assertThat(h.days().head()).isEqualTo(LocalDate.parse("2025-02-01"));
    assertThat(h).isEqualTo(PurchaseHistory.of("c", LocalDate.parse("2025-02-01"),
        LocalDate.parse("2026-02-01")));
  }

  @Test
  void aCustomerListedTwiceIsRefused() {
    assertThatThrownBy(() -> STANDARD.assign(List.of(PurchaseHistory.of("a"),
        PurchaseHistory.of("b"), PurchaseHistory.of("a")), AS_OF))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("value.lifecycle.customer_duplicate"));
  }

  @Test
  void assignmentIsTotalAndStableUnderReordering() {
    qt().forAll(lists().of(lists().of(integers().between(0, 900)).ofSizeBetween(0, 8))
            .ofSizeBetween(0, 30), longs().all())
        .checkAssert((offsets, seed) -> {
          java.util.List<PurchaseHistory> histories = new ArrayList<>();
          for (int i = 0; i < offsets.size(); i++) {
            histories.add(new PurchaseHistory("c" + i, List.ofAll(offsets.get(i))
                .map(d -> AS_OF.minusDays(d - 30))));
          }
          SortedMap<String, LifecycleSegment> first = STANDARD.assign(List.ofAll(histories),
              AS_OF);
          Collections.shuffle(histories, new Random(seed));
          assertThat(first.keySet()).hasSize(offsets.size());
          assertThat(STANDARD.assign(List.ofAll(histories), AS_OF)).isEqualTo(first);
        });
  }
}
