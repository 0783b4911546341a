package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.pick;

import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.PurchaseHistory;
import io.rapport.crm.value.RfmRule;
import io.rapport.crm.value.RfmSegments;
import io.rapport.crm.value.ScoreRange;
import io.rapport.crm.value.SummaryTable;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.LocalDate;
import java.util.ArrayList;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates segment inputs for property tests: summary tables with many ties (most customers
 * bought once, spends and ages on a coarse grid, as in real data), purchase histories around
 * {@link #AS_OF} (prospects, new, active, lapsed and returning customers, same-day repeats,
 * purchases after the as-of day), and valid RFM segment maps of one to six rules and a
 * catch-all.
 */
public final class SegmentGenerators {

  /** The as-of day of generated histories. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

  private SegmentGenerators() {}

  /**
   * Returns summary tables of 1 to 200 customers with distinct keys, in weeks.
   *
   * @return the generator
   */
  public static Gen<SummaryTable> summaryTables() {
    return summaryTables(200);
  }

  /**
   * Returns summary tables of 1 to {@code maxCustomers} customers with distinct keys, in weeks.
   *
   * @param maxCustomers the most customers in a table, ≥ 1
   * @return the generator
   */
  public static Gen<SummaryTable> summaryTables(int maxCustomers) {
    return in -> table(in, 1 + pick(in, maxCustomers));
  }

  private static SummaryTable table(RandomnessSource in, int size) {
    SummaryTable.Builder b = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int i = 0; i < size; i++) {
      double age = pick(in, 53) + (chance(in, 30) ? pick(in, 7) / 7.0 : 0);
      int x = chance(in, 55) || age == 0 ? 0 : 1 + pick(in, chance(in, 80) ? 5 : 60);
      double recency = x == 0 ? 0 : Math.min(age, age * (1 + pick(in, 10)) / 10.0);
      double average = x == 0 ? 0 : 5 * (1 + pick(in, 40));
      double first = 5 * (1 + pick(in, 20));
      b.add("customer-" + i, x, recency, age, average, first + x * average);
    }
    return b.build();
  }

  /**
   * Returns the histories of 0 to 40 distinct customers, as known on {@link #AS_OF} or later.
   *
   * @return the generator
   */
  public static Gen<Seq<PurchaseHistory>> histories() {
    return in -> {
      int size = pick(in, 41);
      ArrayList<PurchaseHistory> out = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        out.add(history(in, "customer-" + i));
      }
      return List.ofAll(out);
    };
  }

  private static PurchaseHistory history(RandomnessSource in, String customer) {
    int purchases = chance(in, 10) ? 0 : 1 + pick(in, chance(in, 70) ? 3 : 12);
    int span = oneOfSpans(in);
    ArrayList<LocalDate> days = new ArrayList<>();
    LocalDate last = AS_OF.plusDays(30 - pick(in, span));
    for (int k = 0; k < purchases; k++) {
      days.add(last);
      last = last.minusDays(chance(in, 10) ? 0 : 1 + pick(in, 200));
    }
    return new PurchaseHistory(customer, List.ofAll(days));
  }

  private static int oneOfSpans(RandomnessSource in) {
    int[] spans = {60, 200, 400, 1200};
    return spans[pick(in, spans.length)];
  }

  /**
   * Returns valid segment maps on {@code bins} bins: one to six rules on random ranges, then a
   * catch-all named {@code "others"}.
   *
   * @param bins the number of bins, 2..100
   * @return the generator
   */
  public static Gen<RfmSegments> segmentMaps(int bins) {
    return in -> {
      int rules = 1 + pick(in, 6);
      ArrayList<RfmRule> out = new ArrayList<>();
      for (int k = 0; k < rules; k++) {
        out.add(new RfmRule("segment-" + k, range(in, bins), range(in, bins),
            chance(in, 50) ? ScoreRange.of(1, bins) : range(in, bins)));
      }
      out.add(RfmRule.catchAll("others", bins));
      return RfmSegments.of(bins, List.ofAll(out));
    };
  }

  private static ScoreRange range(RandomnessSource in, int bins) {
    int low = 1 + pick(in, bins);
    int high = low + pick(in, bins - low + 1);
    // a rule covering everything would be a second catch-all; keep it one score short
    return low == 1 && high == bins ? ScoreRange.of(1, bins - 1) : ScoreRange.of(low, high);
  }
}
