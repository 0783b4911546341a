package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Holds the win rate, deal size, sales cycle and sales velocity of a group of deals (all of them,
 * an owner's or a team's), as {@link SalesMetrics} defines them. Empty values mean "not defined":
 * no deal to divide by. Immutable and thread-safe.
 *
 * @param owner the owner, in a row per owner
 * @param team the team, in a row per team of deals with one
 * @param won how many deals were won in the period
 * @param lost how many deals were lost in the period
 * @param open how many deals are open now
 * @param wonAmount the amount won, converted
 * @param lostAmount the amount lost, converted
 * @param winRateByCount won / (won + lost), as a percentage with 2 decimals
 * @param winRateByAmount won amount / (won + lost amount), as a percentage with 2 decimals
 * @param averageWonDeal won amount / won deals
 * @param meanCycle the mean time from opening to winning, over the won deals
 * @param medianCycle the median time from opening to winning
 * @param meanCycleDays the mean cycle in days, 2 decimals
 * @param medianCycleDays the median cycle in days, 2 decimals
 * @param velocityPerDay open × win rate × average won deal / mean cycle in days: the amount the
 *     open pipeline is expected to turn into per day
 */
public record SalesMetricsRow(Option<EmployeeId> owner, Option<TeamId> team, int won, int lost,
    int open, Money wonAmount, Money lostAmount, Option<Percentage> winRateByCount,
    Option<Percentage> winRateByAmount, Option<Money> averageWonDeal, Option<Duration> meanCycle,
    Option<Duration> medianCycle, Option<BigDecimal> meanCycleDays,
    Option<BigDecimal> medianCycleDays, Option<Money> velocityPerDay) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   * @throws InvalidValueException if a count is negative ({@code metrics.count.negative})
   */
  public SalesMetricsRow {
    requireNonNull(owner, "owner");
    requireNonNull(team, "team");
    requireNonNull(wonAmount, "wonAmount");
    requireNonNull(lostAmount, "lostAmount");
    requireNonNull(winRateByCount, "winRateByCount");
    requireNonNull(winRateByAmount, "winRateByAmount");
    requireNonNull(averageWonDeal, "averageWonDeal");
    requireNonNull(meanCycle, "meanCycle");
    requireNonNull(medianCycle, "medianCycle");
    requireNonNull(meanCycleDays, "meanCycleDays");
    requireNonNull(medianCycleDays, "medianCycleDays");
    requireNonNull(velocityPerDay, "velocityPerDay");
    if (won < 0 || lost < 0 || open < 0) {
      throw new InvalidValueException(List.of(Violation.of("metrics.count.negative", "won",
          "Counts are not negative, but got " + won + ", " + lost + ", " + open)));
    }
  }

  /** Returns how many deals closed in the period: won plus lost. */
  public int closed() {
    return won + lost;
  }
}
