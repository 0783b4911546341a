package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * Computes the customer-value KPIs a CRM report shows: retention and churn between two periods,
 * the repeat-purchase rate, the average order value, the CLV trend and the return on CRM
 * investment. Pure functions of their inputs; immutable and thread-safe.
 *
 * <p>Definitions (also in docs/guides/value-kpis.md): a customer is <em>active</em> in a period
 * when they placed at least one order in it (half-open window); <em>retention</em> is the share
 * of customers active in the previous period who are active again in the current one;
 * <em>churn</em> is its complement over the same base; the <em>repeat-purchase rate</em> is the
 * share of customers with at least one repeat purchase ({@code frequency ≥ 1}); the <em>average
 * order value</em> is the sum of the amounts over their number, rounded once to the currency's
 * minor unit by the caller's rounding mode; <em>CRM ROI</em> is {@code (gain − cost) / cost}.
 */
public final class ValueKpis {

  private ValueKpis() {}

  /**
   * Returns the retention rate: of the customers with an order in {@code previous}, the share
   * with an order in {@code current}.
   *
   * @param orders the orders (any order of rows; others outside both windows are ignored)
   * @param previous the earlier period
   * @param current the later period
   * @return retained customers over customers active in the previous period
   * @throws InvalidValueException if no customer was active in the previous period
   *     ({@code value.kpi.no_customers}, field {@code previous})
   */
  public static KpiRate retention(Iterable<CustomerOrder> orders, TimeWindow previous,
      TimeWindow current) {
    requireNonNull(orders, "orders");
    requireNonNull(previous, "previous");
    requireNonNull(current, "current");
    Set<String> before = new HashSet<>();
    Set<String> after = new HashSet<>();
    for (CustomerOrder order : orders) {
      requireNonNull(order, "order");
      if (previous.contains(order.at())) {
        before.add(order.customer());
      }
      if (current.contains(order.at())) {
        after.add(order.customer());
      }
    }
    if (before.isEmpty()) {
      throw fail("value.kpi.no_customers", "previous",
          "Retention needs customers active in the previous period " + previous
              + ", but there is none");
    }
    int retained = 0;
    for (String customer : before) {
      if (after.contains(customer)) {
        retained++;
      }
    }
    return new KpiRate(retained, before.size());
  }

  /**
   * Returns the churn rate: of the customers with an order in {@code previous}, the share
   * without one in {@code current}; the complement of {@link #retention}.
   *
   * @param orders the orders
   * @param previous the earlier period
   * @param current the later period
   * @return lost customers over customers active in the previous period
   * @throws InvalidValueException if no customer was active in the previous period
   *     ({@code value.kpi.no_customers}, field {@code previous})
   */
  public static KpiRate churn(Iterable<CustomerOrder> orders, TimeWindow previous,
      TimeWindow current) {
    return retention(orders, previous, current).complement();
  }

  /**
   * Returns the repeat-purchase rate of summarised customers: those with at least one repeat
   * purchase over all.
   *
   * @param summaries the customer summaries
   * @return repeat customers over customers
   * @throws InvalidValueException if the table is empty ({@code value.kpi.no_customers}, field
   *     {@code summaries})
   */
  public static KpiRate repeatPurchaseRate(SummaryTable summaries) {
    requireNonNull(summaries, "summaries");
    if (summaries.size() == 0) {
      throw fail("value.kpi.no_customers", "summaries",
          "A repeat-purchase rate needs at least one customer");
    }
    int repeat = 0;
    for (int x : summaries.frequencies()) {
      if (x > 0) {
        repeat++;
      }
    }
    return new KpiRate(repeat, summaries.size());
  }

  /**
   * Returns the average order value: the exact sum of the orders' amounts divided by their
   * number, rounded once to the currency's minor unit.
   *
   * @param orders the orders, all in one currency
   * @param rounding how to round the quotient, such as {@link RoundingMode#HALF_EVEN}
   * @return the average amount
   * @throws InvalidValueException if there is no order ({@code value.kpi.no_orders}, field
   *     {@code orders}) or the currencies differ ({@code value.kpi.currency_mismatch}, field
   *     {@code orders[i].amount})
   */
  public static Money averageOrderValue(Iterable<CustomerOrder> orders, RoundingMode rounding) {
    requireNonNull(orders, "orders");
    requireNonNull(rounding, "rounding");
    BigDecimal sum = BigDecimal.ZERO;
    java.util.Currency currency = null;
    int count = 0;
    for (CustomerOrder order : orders) {
      requireNonNull(order, "order");
      Money amount = order.amount();
      if (currency == null) {
        currency = amount.currency();
      } else if (!currency.equals(amount.currency())) {
        throw fail("value.kpi.currency_mismatch", "orders[" + count + "].amount",
            "Every order is in " + currency + ", but got " + amount);
      }
      sum = sum.add(amount.amount());
      count++;
    }
    if (count == 0) {
      throw fail("value.kpi.no_orders", "orders", "An average order value needs an order");
    }
    BigDecimal average = sum.divide(BigDecimal.valueOf(count),
        currency.getDefaultFractionDigits(), rounding);
    return Money.of(average, currency);
  }

  /**
   * Returns the CLV trend: the periods in time order, each with its change from the one before.
   *
   * @param periods the CLV totals per period, in any order, one currency, distinct starts
   * @return the trend, earliest first
   * @throws InvalidValueException with every problem: {@code value.kpi.no_periods} (periods),
   *     {@code value.kpi.currency_mismatch} and {@code value.kpi.period_duplicate}
   *     ({@code periods[i].total} / {@code periods[i].periodStart}, index in the input)
   */
  public static Seq<ClvTrendPoint> clvTrend(Seq<ClvPeriod> periods) {
    requireNonNull(periods, "periods");
    if (periods.isEmpty()) {
      throw fail("value.kpi.no_periods", "periods", "A CLV trend needs at least one period");
    }
    List<Violation> problems = List.empty();
    java.util.Currency currency = periods.head().total().currency();
    Set<java.time.LocalDate> starts = new HashSet<>();
    for (int i = 0; i < periods.size(); i++) {
      ClvPeriod period = requireNonNull(periods.get(i), "period");
      if (!period.total().currency().equals(currency)) {
        problems = problems.append(Violation.of("value.kpi.currency_mismatch",
            "periods[" + i + "].total", "Every total is in " + currency + ", but got "
                + period.total()));
      }
      if (!starts.add(period.periodStart())) {
        problems = problems.append(Violation.of("value.kpi.period_duplicate",
            "periods[" + i + "].periodStart", "Each period appears once, but "
                + period.periodStart() + " repeats"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    Seq<ClvPeriod> sorted = periods.sortBy(ClvPeriod::periodStart);
    List<ClvTrendPoint> points = List.empty();
    ClvPeriod before = null;
    for (ClvPeriod period : sorted) {
      if (before == null) {
        points = points.prepend(new ClvTrendPoint(period.periodStart(), period.total(),
            Option.none(), Option.none()));
      } else {
        Money change = period.total().minus(before.total());
        Option<Double> relative = before.total().isZero() ? Option.none()
            : Option.some(change.amount().divide(before.total().amount(), MathContext.DECIMAL64)
                .doubleValue());
        points = points.prepend(new ClvTrendPoint(period.periodStart(), period.total(),
            Option.some(change), relative));
      }
      before = period;
    }
    return points.reverse();
  }

  /**
   * Returns the return on CRM investment over a period: {@code (gain − cost) / cost}, where the
   * gain is the value the CRM effort brought (incremental margin, as the caller measures it) and
   * the cost what it cost in the same period.
   *
   * @param gain the gain, any sign
   * @param cost the cost, positive
   * @return the ratio; 0.25 means 25 % return
   * @throws InvalidValueException with every problem: {@code value.kpi.roi.cost_zero},
   *     {@code value.kpi.roi.cost_negative} (cost), {@code value.kpi.currency_mismatch} (gain)
   */
  public static double roi(Money gain, Money cost) {
    requireNonNull(gain, "gain");
    requireNonNull(cost, "cost");
    List<Violation> problems = List.empty();
    if (cost.isZero()) {
      problems = problems.append(Violation.of("value.kpi.roi.cost_zero", "cost",
          "A return on investment needs a cost above zero, but got " + cost));
    } else if (cost.isNegative()) {
      problems = problems.append(Violation.of("value.kpi.roi.cost_negative", "cost",
          "A cost is above zero, but got " + cost));
    }
    if (!gain.currency().equals(cost.currency())) {
      problems = problems.append(Violation.of("value.kpi.currency_mismatch", "gain",
          "The gain is in the cost's currency " + cost.currency() + ", but got " + gain));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    return gain.amount().subtract(cost.amount())
        .divide(cost.amount(), MathContext.DECIMAL64).doubleValue();
  }

  private static InvalidValueException fail(String code, String field, String message) {
    return new InvalidValueException(List.of(Violation.of(code, field, message)));
  }
}
