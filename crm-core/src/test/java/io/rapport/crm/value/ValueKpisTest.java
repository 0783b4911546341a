package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ValueKpisTest {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final TimeWindow Q1 = TimeWindow.of(Instant.parse("2026-01-01T00:00:00Z"),
      Instant.parse("2026-04-01T00:00:00Z"));
  private static final TimeWindow Q2 = TimeWindow.of(Instant.parse("2026-04-01T00:00:00Z"),
      Instant.parse("2026-07-01T00:00:00Z"));

  private static CustomerOrder order(String customer, String at, String amount) {
    return new CustomerOrder(customer, Instant.parse(at), Money.of(amount, CNY));
  }

  private static final List<CustomerOrder> ORDERS = List.of(
      order("wang", "2026-01-05T03:00:00Z", "12800.00"),
      order("wang", "2026-05-05T03:00:00Z", "3200.00"),
      order("li", "2026-02-10T03:00:00Z", "88000.00"),
      order("zhao", "2026-03-31T23:59:59Z", "560.00"),
      order("zhao", "2026-04-01T00:00:00Z", "560.00"),
      order("chen", "2026-03-01T03:00:00Z", "999.99"),
      order("sun", "2026-06-30T03:00:00Z", "1500.00"));

  @Test
  void retainsTheCustomersActiveInBothPeriods() {
    // Active in Q1: wang, li, zhao, chen (4). Again in Q2: wang, zhao (the window is half-open,
    // so zhao's order at 1 April 00:00 is in Q2). sun is new in Q2 and does not count.
    KpiRate retention = ValueKpis.retention(ORDERS, Q1, Q2);
    KpiRate churn = ValueKpis.churn(ORDERS, Q1, Q2);

    assertThat(retention).isEqualTo(new KpiRate(2, 4));
    assertThat(retention.value()).isEqualTo(0.5);
    assertThat(churn).isEqualTo(new KpiRate(2, 4));
    assertThat(ValueKpis.retention(ORDERS.reverse(), Q1, Q2)).isEqualTo(retention);
  }

  @Test
  void refusesRetentionWithoutActiveCustomers() {
    TimeWindow empty = TimeWindow.of(Instant.parse("2020-01-01T00:00:00Z"),
        Instant.parse("2020-02-01T00:00:00Z"));
    assertThatThrownBy(() -> ValueKpis.retention(ORDERS, empty, Q1))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().head().code()).isEqualTo("value.kpi.no_customers"));
  }

  @Test
  void averagesOrdersExactlyAndRoundsOnce() {
    // Sum 107619.99 over 7 orders = 15374.284285… → 15374.28 (HALF_EVEN), 15374.29 (UP).
    assertThat(ValueKpis.averageOrderValue(ORDERS, RoundingMode.HALF_EVEN))
        .isEqualTo(Money.of("15374.28", CNY));
    assertThat(ValueKpis.averageOrderValue(ORDERS, RoundingMode.UP))
        .isEqualTo(Money.of("15374.29", CNY));
    assertThatThrownBy(() -> ValueKpis.averageOrderValue(List.empty(), RoundingMode.HALF_EVEN))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().head().code()).isEqualTo("value.kpi.no_orders"));
    List<CustomerOrder> mixed = ORDERS.append(new CustomerOrder("x",
        Instant.parse("2026-01-01T00:00:00Z"), Money.of("1.00", EUR)));
    assertThatThrownBy(() -> ValueKpis.averageOrderValue(mixed, RoundingMode.HALF_EVEN))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().head().field()).isEqualTo("orders[7].amount"));
  }

  @Test
  void countsRepeatCustomersOfASummary() {
    SummaryTable table = SummaryTable.of(PeriodUnit.WEEKS, List.of(
        new CustomerSummary("a", 0, 0, 10, 0, 5),
        new CustomerSummary("b", 2, 4, 10, 3, 11),
        new CustomerSummary("c", 1, 9, 10, 7, 14)));

    assertThat(ValueKpis.repeatPurchaseRate(table)).isEqualTo(new KpiRate(2, 3));
  }

  @Test
  void tracesTheClvTrendWithItsChanges() {
    Seq<ClvTrendPoint> trend = ValueKpis.clvTrend(List.of(
        new ClvPeriod(LocalDate.of(2026, 4, 1), Money.of("1200000.00", CNY)),
        new ClvPeriod(LocalDate.of(2026, 1, 1), Money.of("1000000.00", CNY)),
        new ClvPeriod(LocalDate.of(2026, 7, 1), Money.of("900000.00", CNY))));

    assertThat(trend.map(ClvTrendPoint::periodStart)).containsExactly(LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));
    assertThat(trend.head().change()).isEqualTo(Option.none());
    assertThat(trend.get(1).change()).isEqualTo(Option.some(Money.of("200000.00", CNY)));
    assertThat(trend.get(1).relativeChange().get()).isCloseTo(0.2, within(1e-12));
    assertThat(trend.get(2).change()).isEqualTo(Option.some(Money.of("-300000.00", CNY)));
    assertThat(trend.get(2).relativeChange().get()).isCloseTo(-0.25, within(1e-12));
  }

  @Test
  void reportsEveryProblemOfATrend() {
    assertThatThrownBy(() -> ValueKpis.clvTrend(List.of(
        new ClvPeriod(LocalDate.of(2026, 1, 1), Money.of("1.00", CNY)),
        new ClvPeriod(LocalDate.of(2026, 1, 1), Money.of("1.00", EUR)))))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::code)).containsExactly("value.kpi.currency_mismatch",
                "value.kpi.period_duplicate"));
  }

  @Test
  void computesCrmRoiAndRefusesAZeroCost() {
    // (CNY 250 000 gain − CNY 200 000 cost) / 200 000 = 0.25.
    assertThat(ValueKpis.roi(Money.of("250000.00", CNY), Money.of("200000.00", CNY)))
        .isCloseTo(0.25, within(1e-15));
    assertThat(ValueKpis.roi(Money.of("100000.00", CNY), Money.of("200000.00", CNY)))
        .isCloseTo(-0.5, within(1e-15));
    assertThatThrownBy(() -> ValueKpis.roi(Money.of("1.00", EUR), Money.zero(CNY)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::code)).containsExactly("value.kpi.roi.cost_zero",
                "value.kpi.currency_mismatch"));
    assertThatThrownBy(() -> ValueKpis.roi(Money.zero(CNY), Money.of("-1.00", CNY)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().head().code()).isEqualTo("value.kpi.roi.cost_negative"));
  }
}
