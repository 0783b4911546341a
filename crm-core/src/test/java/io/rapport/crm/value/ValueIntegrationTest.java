package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The value parts working together: log → histories → lifecycle; summary → BG/NBD → churn. */
class ValueIntegrationTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void historiesCountOnePurchasePerDayAndNoRefunds() {
    TransactionLog log = TransactionLog.builder(EUR, ZoneOffset.UTC)
        .add("b", LocalDate.of(2026, 3, 5), 1_000, 1)
        .add("a", LocalDate.of(2026, 3, 7), 500, 1)
        .add("b", LocalDate.of(2026, 3, 1), 700, 1)
        .add("b", LocalDate.of(2026, 3, 5), 300, 1)
        .add("b", LocalDate.of(2026, 3, 9), -300, 0)
        .add("c", LocalDate.of(2026, 3, 9), -100, 0)
        .add("a", LocalDate.of(2026, 3, 7), 0, 1)
        .build();

    Seq<PurchaseHistory> histories = log.histories();

    assertThat(histories.map(PurchaseHistory::customer)).containsExactly("b", "a", "c");
    assertThat(histories.get(0).days())
        .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5));
    assertThat(histories.get(1).days()).containsExactly(LocalDate.of(2026, 3, 7));
    assertThat(histories.get(2).days()).as("refunds only: no purchase").isEmpty();
  }

  @Test
  void cdnowCustomersWithoutAPurchaseForSixMonthsAreInactiveAtTheEndOfCalibration() {
    TransactionLog log = CdnowData.sampleLog();
    LocalDate asOf = CdnowData.CALIBRATION_END;
    LocalDate sixMonthsBefore = asOf.minusMonths(6);
    java.util.Map<String, LocalDate> last = new java.util.HashMap<>();
    for (int row = 0; row < log.size(); row++) {
      if (!log.day(row).isAfter(asOf)) {
        last.merge(log.customer(row), log.day(row), (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    long inactive = last.values().stream().filter(day -> !day.isAfter(sixMonthsBefore)).count();

    SortedMap<String, LifecycleSegment> segments =
        LifecycleSegments.standard().assign(log.histories(), asOf);

    assertThat(segments.size()).isEqualTo(2_357);
    assertThat(segments.values().count(s -> s == LifecycleSegment.INACTIVE)).isEqualTo((int) inactive);
    assertThat(segments.values().count(s -> s == LifecycleSegment.NEW))
        .as("every CDNOW customer's first purchase is in the first quarter of 1997").isZero();
  }

  @Test
  void churnWarningsFromTheFittedBgNbdNameOnlyRepeatCustomersForLowProbabilityAlive() {
    SummaryTable table = CdnowWeeks.summary();
    BgNbd model = BgNbd.fit(table).get().model();

    Seq<ChurnWarning> warnings = ChurnWarnings.standard().warn(table, model);

    java.util.Map<String, CustomerSummary> byKey = new java.util.HashMap<>();
    for (int i = 0; i < table.size(); i++) {
      byKey.put(table.customer(i), table.row(i));
    }
    assertThat(warnings).isNotEmpty();
    for (ChurnWarning warning : warnings) {
      CustomerSummary customer = byKey.get(warning.customer());
      if (warning.reasons().contains(ChurnReason.LOW_PROBABILITY_ALIVE)) {
        assertThat(customer.frequency()).as("BG/NBD keeps one-time buyers alive").isPositive();
        assertThat(model.probabilityAlive(customer.frequency(), customer.recency(),
            customer.age())).isLessThan(0.5);
      }
    }
  }
}
