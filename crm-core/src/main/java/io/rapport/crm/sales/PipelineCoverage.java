package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ExchangeRates;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;

/**
 * Compares the open pipeline expected to close in a period with a sales target: the pipeline,
 * plain and weighted by probability, the coverage ratios and the gaps. A pure calculation.
 * Immutable and thread-safe.
 *
 * <p>Definitions: the pipeline is every deal open now, not in category
 * {@link ForecastCategory#OMITTED}, whose expected close date lies in the period (first and last
 * day included). Amounts are converted at the rates of the rate date into the target's currency,
 * summed exactly and rounded once, half-even, to the minor unit. Coverage = exact pipeline /
 * target, 2 decimals half-even (3.00 means three times the target). Gap = target − pipeline,
 * zero when the pipeline covers the target. Deals without an amount count with zero; deals whose
 * currency has no rate are left out and listed.
 *
 * @param target the target, positive
 * @param period the days the deals are expected to close in
 * @param deals how many open deals are expected to close in the period
 * @param withoutAmount how many of them have no amount
 * @param pipeline the sum of their amounts
 * @param weighted the sum of their amounts times their probabilities
 * @param coverage pipeline / target, 2 decimals
 * @param weightedCoverage weighted pipeline / target, 2 decimals
 * @param gap what the pipeline lacks to reach the target, zero or more
 * @param weightedGap what the weighted pipeline lacks to reach the target, zero or more
 * @param unconverted the deals left out because their amount could not be converted
 */
public record PipelineCoverage(Money target, ReportPeriodRange period, int deals,
    int withoutAmount, Money pipeline, Money weighted, BigDecimal coverage,
    BigDecimal weightedCoverage, Money gap, Money weightedGap,
    Seq<UnconvertedOpportunity> unconverted) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public PipelineCoverage {
    requireNonNull(target, "target");
    requireNonNull(period, "period");
    requireNonNull(pipeline, "pipeline");
    requireNonNull(weighted, "weighted");
    requireNonNull(coverage, "coverage");
    requireNonNull(weightedCoverage, "weightedCoverage");
    requireNonNull(gap, "gap");
    requireNonNull(weightedGap, "weightedGap");
    requireNonNull(unconverted, "unconverted");
    unconverted.forEach(entry -> requireNonNull(entry, "unconverted element"));
  }

  /**
   * Measures the coverage of a target by the open pipeline.
   *
   * @param opportunities the deals, open and closed
   * @param target the target, positive; its currency is the report currency
   * @param periodStart the first day of the period
   * @param periodEnd the last day of the period
   * @param rates the rate table
   * @param rateDate the day whose rates convert every amount
   * @return the coverage
   * @throws NullPointerException if an argument or a deal is null
   * @throws InvalidValueException with every problem: a target that is zero or negative
   *     ({@code coverage.target.not_positive}), a period ending before it starts
   *     ({@code report.range.empty})
   */
  public static PipelineCoverage of(Iterable<Opportunity> opportunities, Money target,
      LocalDate periodStart, LocalDate periodEnd, ExchangeRates rates, LocalDate rateDate) {
    requireNonNull(opportunities, "opportunities");
    requireNonNull(target, "target");
    requireNonNull(periodStart, "periodStart");
    requireNonNull(periodEnd, "periodEnd");
    requireNonNull(rates, "rates");
    requireNonNull(rateDate, "rateDate");
    Seq<Violation> problems = List.empty();
    if (!target.isPositive()) {
      problems = problems.append(Violation.of("coverage.target.not_positive", "target",
          "A target is positive, but got " + target));
    }
    if (periodEnd.isBefore(periodStart)) {
      problems = problems.append(ReportPeriodRange.empty(periodStart, periodEnd, "periodEnd"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    ReportPeriodRange period = ReportPeriodRange.of(periodStart, periodEnd);
    Currency currency = target.currency();
    ForecastMath.Rates cache = new ForecastMath.Rates(rates, currency, rateDate);
    BigDecimal pipeline = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;
    int deals = 0;
    int withoutAmount = 0;
    java.util.List<UnconvertedOpportunity> unconverted = new ArrayList<>();
    for (Opportunity deal : opportunities) {
      requireNonNull(deal, "opportunities element");
      if (deal.isClosed() || deal.category() == ForecastCategory.OMITTED
          || deal.expectedClose().isEmpty() || !period.contains(deal.expectedClose().get())) {
        continue;
      }
      if (deal.amount().isEmpty()) {
        deals++;
        withoutAmount++;
        continue;
      }
      BigDecimal amount = cache.convertExactly(deal.amount().get());
      if (amount == null) {
        int index = cache.indexOf(deal.amount().get().currency());
        unconverted.add(new UnconvertedOpportunity(deal.id(), cache.problem(index)));
        continue;
      }
      deals++;
      pipeline = pipeline.add(amount);
      weighted = weighted.add(amount.multiply(deal.probability().fraction()));
    }
    BigDecimal goal = target.amount();
    return new PipelineCoverage(target, period, deals, withoutAmount,
        ForecastMath.round(pipeline, currency), ForecastMath.round(weighted, currency),
        pipeline.divide(goal, 2, RoundingMode.HALF_EVEN),
        weighted.divide(goal, 2, RoundingMode.HALF_EVEN),
        ForecastMath.round(goal.subtract(pipeline).max(BigDecimal.ZERO), currency),
        ForecastMath.round(goal.subtract(weighted).max(BigDecimal.ZERO), currency),
        Array.ofAll(unconverted));
  }
}
