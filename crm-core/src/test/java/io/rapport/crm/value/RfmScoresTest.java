package io.rapport.crm.value;

import static io.rapport.crm.value.SegmentPropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RfmScoresTest {

  /** Builds a table where only total spend varies (one purchase each, same age). */
  static SummaryTable spends(double... totals) {
    SummaryTable.Builder b = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int i = 0; i < totals.length; i++) {
      b.add("c" + i, 0, 0, 10, 0, totals[i]);
    }
    return b.build();
  }

  static int[] monetary(RfmScores s) {
    return IntStream.range(0, s.size()).map(s::monetary).toArray();
  }

  @Test
  void tenDistinctValuesFallTwoPerQuintile() {
    RfmScores s = RfmScores.of(spends(5, 3, 9, 1, 7, 2, 10, 4, 8, 6));
    // sorted 1..10: scores 1,1,2,2,3,3,4,4,5,5
    assertThat(monetary(s)).containsExactly(3, 2, 5, 1, 4, 1, 5, 2, 4, 3);
    assertThat(s.bins()).isEqualTo(5);
  }

  @Test
  void sevenValuesFollowTheFloorRule() {
    // below = 0..6 → 1 + floor(5·below/7) = 1,1,2,3,3,4,5
    RfmScores s = RfmScores.of(spends(10, 20, 30, 40, 50, 60, 70));
    assertThat(monetary(s)).containsExactly(1, 1, 2, 3, 3, 4, 5);
  }

  @Test
  void tiesOnACutOffShareTheLowestScoreOfTheirBlock() {
    RfmScores s = RfmScores.of(spends(10, 10, 10, 20, 30));
    assertThat(monetary(s)).containsExactly(1, 1, 1, 4, 5);
    RfmScores same = RfmScores.of(spends(7, 7, 7, 7));
    assertThat(monetary(same)).containsOnly(1);
  }

  @Test
  void moreRecentPurchasesScoreHigher() {
    SummaryTable t = SummaryTable.builder(PeriodUnit.WEEKS)
        .add("old", 1, 2, 40, 5, 10) // 38 weeks since the last purchase
        .add("recent", 1, 39, 40, 5, 10) // 1 week
        .add("middle", 1, 20, 40, 5, 10) // 20 weeks
        .add("fresh", 0, 0, 0.5, 0, 5) // 0.5 week
        .add("twin", 1, 20, 40, 5, 10) // 20 weeks, tie with middle
        .build();
    RfmScores s = RfmScores.of(t);
    // larger-is-better values: -38, -1, -20, -0.5, -20 → below 0, 3, 1, 4, 1
    assertThat(IntStream.range(0, 5).map(s::recency).toArray()).containsExactly(1, 4, 2, 5, 2);
  }

  @Test
  void frequencyCountsPurchasesAndOneTimeBuyersStayLow() {
    SummaryTable.Builder b = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int i = 0; i < 6; i++) {
      b.add("once" + i, 0, 0, 30, 0, 10);
    }
    b.add("twice", 1, 5, 30, 10, 20).add("five", 4, 25, 30, 10, 50)
        .add("nine", 8, 28, 30, 10, 90).add("twice-too", 1, 3, 30, 10, 20);
    RfmScores s = RfmScores.of(b.build());
    assertThat(IntStream.range(0, 6).map(s::frequency)).containsOnly(1);
    // below: twice 6, five 8, nine 9, twice-too 6 → 1 + floor(5·b/10)
    assertThat(IntStream.range(6, 10).map(s::frequency).toArray()).containsExactly(4, 5, 5, 4);
  }

  @Test
  void otherBinCountsSplitEvenly() {
    RfmScores s = RfmScores.of(spends(1, 2, 3, 4, 5, 6, 7, 8), 4);
    assertThat(monetary(s)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4);
    assertThat(s.row(7)).isEqualTo(new RfmScore("c7", 1, 1, 4));
    assertThat(s.row(7).cell()).isEqualTo("114");
  }

  @Test
  void binsOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> RfmScores.of(spends(1, 2), 1))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(v -> v.code()).containsExactly("value.rfm.bins_invalid"));
    assertThatThrownBy(() -> RfmScores.of(spends(1, 2), 101))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void anEmptyPopulationHasNoScores() {
    assertThat(RfmScores.of(spends()).rows()).isEmpty();
  }

  @Test
  void aScoreBelowOneIsRefusedWithEveryField() {
    assertThatThrownBy(() -> new RfmScore("c", 0, 1, -1))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field()).containsExactly("recency", "monetary"));
  }

  @Test
  void onCdnowEveryOneTimeBuyerHasTheLowestFrequencyScore() throws IOException {
    SummaryTable table = cdnow();
    RfmScores s = RfmScores.of(table);
    assertThat(table.size()).isEqualTo(2357);
    int oneTimers = 0;
    for (int i = 0; i < table.size(); i++) {
      if (table.frequency(i) == 0) {
        oneTimers++;
        assertThat(s.frequency(i)).isEqualTo(1);
      } else {
        assertThat(s.frequency(i)).isGreaterThan(1);
      }
    }
    // 1 411 of the 2 357 never came back (Fader, Hardie and Lee 2005): they fill almost three
    // quintiles, and still all share score 1
    assertThat(oneTimers).isEqualTo(1411);
  }

  static SummaryTable cdnow() throws IOException {
    try (InputStream in = RfmScoresTest.class.getResourceAsStream(
        "/value/cdnow/cdnow_customers_summary.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
      SummaryTable.Builder b = SummaryTable.builder(PeriodUnit.WEEKS);
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].split(",");
        if (f.length == 4) {
          int x = Integer.parseInt(f[1]);
          b.add(f[0], x, Double.parseDouble(f[2]), Double.parseDouble(f[3]), 0, x + 1);
        }
      }
      return b.build();
    }
  }

  @Test
  void scoresStayInRangeAndIgnoreTheOrderOfRows() {
    qt().forAll(lists().of(integers().between(0, 40)).ofSizeBetween(1, 60),
            integers().between(2, 10), longs().all())
        .checkAssert((values, bins, seed) -> {
          List<Integer> order = new ArrayList<>(IntStream.range(0, values.size()).boxed()
              .toList());
          Collections.shuffle(order, new Random(seed));
          SummaryTable table = table(values, IntStream.range(0, values.size()).boxed().toList());
          SummaryTable shuffled = table(values, order);
          assertThat(byCustomer(RfmScores.of(table, bins)))
              .isEqualTo(byCustomer(RfmScores.of(shuffled, bins)));
          RfmScores s = RfmScores.of(table, bins);
          for (int i = 0; i < s.size(); i++) {
            assertThat(s.recency(i)).isBetween(1, bins);
            assertThat(s.frequency(i)).isBetween(1, bins);
            assertThat(s.monetary(i)).isBetween(1, bins);
          }
        });
  }

  @Test
  void scoresFollowTheBelowCountRuleCountedByBruteForce() {
    qt().forAll(lists().of(integers().between(0, 12)).ofSizeBetween(1, 50),
            integers().between(2, 9))
        .checkAssert((values, bins) -> {
          double[] totals = values.stream().mapToDouble(v -> v).toArray();
          RfmScores s = RfmScores.of(spends(totals), bins);
          int n = totals.length;
          for (int i = 0; i < n; i++) {
            int below = 0;
            for (double other : totals) {
              below += other < totals[i] ? 1 : 0;
            }
            assertThat(s.monetary(i)).isEqualTo(1 + bins * below / n);
          }
        });
  }

  /** Row k is made from values[order[k]]; the value drives all three columns differently. */
  static SummaryTable table(List<Integer> values, List<Integer> order) {
    SummaryTable.Builder b = SummaryTable.builder(PeriodUnit.DAYS);
    for (int k : order) {
      int v = values.get(k);
      int x = v % 7;
      double tx = x == 0 ? 0 : v % 5 + 1;
      b.add("c" + k, x, tx, 10, x == 0 ? 0 : v, v * 3 % 11);
    }
    return b.build();
  }

  static Map<String, RfmScore> byCustomer(RfmScores s) {
    return HashMap.ofEntries(s.rows().map(r -> io.vavr.Tuple.of(r.customer(), r)));
  }
}
