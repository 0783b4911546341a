package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures how a sales team closes: win rate, average won deal, sales-cycle length and sales
 * velocity, over the deals closed in a range of days, in total and optionally per owner or team.
 * A pure calculation. Immutable and thread-safe.
 *
 * <p>Definitions:
 * <ul>
 *   <li>A deal counts as won (lost) when it is won (lost) now and its closing day, in the spec's
 *       zone, lies in the spec's range. Open deals are the deals open now, whatever their
 *       date.</li>
 *   <li>Win rate by count = won / (won + lost); by amount = won amount / (won + lost amount).
 *       Both are percentages rounded half-even to 2 decimals. A deal without an amount counts
 *       in the counts with a zero amount.</li>
 *   <li>Amounts are converted at the rates of the rate date, summed exactly, and rounded once,
 *       half-even, to the report currency's minor unit. A closed deal whose currency has no rate
 *       is left out of every figure and listed in {@link #unconverted()}.</li>
 *   <li>Average won deal = won amount / won deals.</li>
 *   <li>Sales cycle = from opening ({@code createdAt}) to closing ({@code closedAt}), over the
 *       won deals: mean and median as durations and in days (2 decimals, half-even); the median
 *       of an even number of cycles is the mean of the middle two.</li>
 *   <li>Sales velocity = open deals × win rate by count × average won deal / mean cycle in days,
 *       computed exactly (to {@link MathContext#DECIMAL128}) and rounded once: the amount per
 *       day the open pipeline is expected to bring in. Empty when nothing was won.</li>
 * </ul>
 *
 * @param spec how it was computed
 * @param total the metrics of every deal
 * @param groups a row per owner or team, ordered by id (the row without a team first); empty
 *     without grouping
 * @param unconverted the closed deals left out because their amount could not be converted
 */
public record SalesMetrics(SalesMetricsSpec spec, SalesMetricsRow total,
    Seq<SalesMetricsRow> groups, Seq<UnconvertedOpportunity> unconverted) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public SalesMetrics {
    requireNonNull(spec, "spec");
    requireNonNull(total, "total");
    requireNonNull(groups, "groups");
    requireNonNull(unconverted, "unconverted");
    groups.forEach(row -> requireNonNull(row, "groups element"));
    unconverted.forEach(entry -> requireNonNull(entry, "unconverted element"));
  }

  /**
   * Computes the metrics.
   *
   * @param opportunities the deals, open and closed
   * @param spec how to compute them
   * @return the metrics
   * @throws NullPointerException if an argument or a deal is null
   */
  public static SalesMetrics of(Iterable<Opportunity> opportunities, SalesMetricsSpec spec) {
    requireNonNull(opportunities, "opportunities");
    requireNonNull(spec, "spec");
    ForecastMath.Rates rates =
        new ForecastMath.Rates(spec.rates(), spec.currency(), spec.rateDate());
    Tally all = new Tally(Option.none(), Option.none());
    Map<Object, Tally> groups = new HashMap<>();
    java.util.List<UnconvertedOpportunity> unconverted = new ArrayList<>();
    for (Opportunity deal : opportunities) {
      requireNonNull(deal, "opportunities element");
      Tally group = groupOf(deal, spec.grouping(), groups);
      if (deal.status() == OpportunityStatus.OPEN) {
        all.open++;
        if (group != null) {
          group.open++;
        }
        continue;
      }
      LocalDate closedOn = LocalDate.ofInstant(deal.closedAt().get(), spec.zone());
      if (!spec.closedIn().contains(closedOn)) {
        continue;
      }
      BigDecimal amount = BigDecimal.ZERO;
      if (deal.amount().isDefined()) {
        amount = rates.convertExactly(deal.amount().get());
        if (amount == null) {
          int index = rates.indexOf(deal.amount().get().currency());
          unconverted.add(new UnconvertedOpportunity(deal.id(), rates.problem(index)));
          continue;
        }
      }
      Duration cycle = Duration.between(deal.createdAt(), deal.closedAt().get());
      all.close(deal.status() == OpportunityStatus.WON, amount, cycle);
      if (group != null) {
        group.close(deal.status() == OpportunityStatus.WON, amount, cycle);
      }
    }
    Currency currency = spec.currency();
    Seq<SalesMetricsRow> rows = Array.ofAll(groups.values())
        .map(tally -> tally.toRow(currency))
        .sortBy(row -> row.owner().map(EmployeeId::value)
            .orElse(row.team().map(TeamId::value)).getOrElse(""));
    return new SalesMetrics(spec, all.toRow(currency), rows, Array.ofAll(unconverted));
  }

  private static Tally groupOf(Opportunity deal, SalesMetricsSpec.Grouping grouping,
      Map<Object, Tally> groups) {
    if (grouping == SalesMetricsSpec.Grouping.OWNER) {
      return groups.computeIfAbsent(deal.owner(),
          owner -> new Tally(Option.some(deal.owner()), Option.none()));
    }
    if (grouping == SalesMetricsSpec.Grouping.TEAM) {
      return groups.computeIfAbsent(deal.team(), team -> new Tally(Option.none(), deal.team()));
    }
    return null;
  }

  /** The counts and exact sums of one group while computing. */
  private static final class Tally {
    private final Option<EmployeeId> owner;
    private final Option<TeamId> team;
    private int won;
    private int lost;
    private int open;
    private BigDecimal wonAmount = BigDecimal.ZERO;
    private BigDecimal lostAmount = BigDecimal.ZERO;
    private Duration totalCycle = Duration.ZERO;
    private Duration[] cycles = new Duration[8];

    Tally(Option<EmployeeId> owner, Option<TeamId> team) {
      this.owner = owner;
      this.team = team;
    }

    void close(boolean isWon, BigDecimal amount, Duration cycle) {
      if (!isWon) {
        lost++;
        lostAmount = lostAmount.add(amount);
        return;
      }
      if (won == cycles.length) {
        cycles = Arrays.copyOf(cycles, won * 2);
      }
      cycles[won++] = cycle;
      wonAmount = wonAmount.add(amount);
      totalCycle = totalCycle.plus(cycle);
    }

    SalesMetricsRow toRow(Currency currency) {
      int closed = won + lost;
      BigDecimal closedAmount = wonAmount.add(lostAmount);
      Option<Duration> meanCycle =
          won == 0 ? Option.none() : Option.some(totalCycle.dividedBy(won));
      Option<Duration> medianCycle =
          won == 0 ? Option.none() : Option.some(ForecastMath.median(cycles, won));
      BigDecimal totalDays = ForecastMath.days(totalCycle);
      Option<Money> velocity = won == 0 || totalDays.signum() == 0 ? Option.none()
          : Option.some(ForecastMath.round(BigDecimal.valueOf(open).multiply(wonAmount)
              .multiply(BigDecimal.valueOf(won))
              .divide(BigDecimal.valueOf(closed).multiply(totalDays), MathContext.DECIMAL128),
              currency));
      return new SalesMetricsRow(owner, team, won, lost, open,
          ForecastMath.round(wonAmount, currency), ForecastMath.round(lostAmount, currency),
          closed == 0 ? Option.none()
              : Option.some(
                  ForecastMath.percent(BigDecimal.valueOf(won), BigDecimal.valueOf(closed))),
          closedAmount.signum() == 0 ? Option.none()
              : Option.some(ForecastMath.percent(wonAmount, closedAmount)),
          won == 0 ? Option.none() : Option.some(ForecastMath.round(
              wonAmount.divide(BigDecimal.valueOf(won), MathContext.DECIMAL128), currency)),
          meanCycle, medianCycle,
          meanCycle.map(cycle -> ForecastMath.days(cycle).setScale(2, RoundingMode.HALF_EVEN)),
          medianCycle.map(cycle -> ForecastMath.days(cycle).setScale(2, RoundingMode.HALF_EVEN)),
          velocity);
    }
  }
}
