package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Comparator;

/**
 * Identifies a forecast row by the values of the dimensions it is grouped by. A dimension the
 * forecast does not group by is empty; so is {@code team} for the row of deals without a team,
 * and {@code period} for the row of open deals without an expected close date. Immutable and
 * thread-safe.
 *
 * @param category the forecast category, when grouped by it
 * @param owner the owner, when grouped by owner
 * @param team the team, when grouped by team and the deals have one
 * @param period the period, when grouped by period and the deals have a date
 */
public record ForecastKey(Option<ForecastCategory> category, Option<EmployeeId> owner,
    Option<TeamId> team, Option<ReportPeriod> period) implements Comparable<ForecastKey> {

  /** The key of the grand total: no dimension. */
  public static final ForecastKey TOTAL =
      new ForecastKey(Option.none(), Option.none(), Option.none(), Option.none());

  private static final Comparator<ForecastKey> ORDER =
      Comparator.comparing((ForecastKey key) -> key.category.getOrNull(),
              Comparator.nullsFirst(Comparator.<ForecastCategory>naturalOrder()))
          .thenComparing(key -> key.owner.map(EmployeeId::value).getOrNull(),
              Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .thenComparing(key -> key.team.map(TeamId::value).getOrNull(),
              Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .thenComparing(key -> key.period.getOrNull(),
              Comparator.nullsFirst(Comparator.<ReportPeriod>naturalOrder()));

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   */
  public ForecastKey {
    requireNonNull(category, "category");
    requireNonNull(owner, "owner");
    requireNonNull(team, "team");
    requireNonNull(period, "period");
    category.forEach(value -> requireNonNull(value, "category"));
    owner.forEach(value -> requireNonNull(value, "owner"));
    team.forEach(value -> requireNonNull(value, "team"));
    period.forEach(value -> requireNonNull(value, "period"));
  }

  /**
   * Returns the key of an owner's row in a forecast grouped by owner only.
   *
   * @param owner the owner
   * @return the key
   * @throws NullPointerException if owner is null
   */
  public static ForecastKey ofOwner(EmployeeId owner) {
    return TOTAL.withOwner(owner);
  }

  /**
   * Returns this key with a category.
   *
   * @param value the category
   * @return the new key
   * @throws NullPointerException if value is null
   */
  public ForecastKey withCategory(ForecastCategory value) {
    return new ForecastKey(Option.some(requireNonNull(value, "value")), owner, team, period);
  }

  /**
   * Returns this key with an owner.
   *
   * @param value the owner
   * @return the new key
   * @throws NullPointerException if value is null
   */
  public ForecastKey withOwner(EmployeeId value) {
    return new ForecastKey(category, Option.some(requireNonNull(value, "value")), team, period);
  }

  /**
   * Returns this key with a team.
   *
   * @param value the team
   * @return the new key
   * @throws NullPointerException if value is null
   */
  public ForecastKey withTeam(TeamId value) {
    return new ForecastKey(category, owner, Option.some(requireNonNull(value, "value")), period);
  }

  /**
   * Returns this key with a period.
   *
   * @param value the period
   * @return the new key
   * @throws NullPointerException if value is null
   */
  public ForecastKey withPeriod(ReportPeriod value) {
    return new ForecastKey(category, owner, team, Option.some(requireNonNull(value, "value")));
  }

  /** Orders keys by category, owner, team and period, an empty value first. */
  @Override
  public int compareTo(ForecastKey other) {
    return ORDER.compare(this, requireNonNull(other, "other"));
  }

  /** Returns the present values, such as {@code COMMIT/E-li/2026-11}, or {@code total}. */
  @Override
  public String toString() {
    String text = List.of(category, owner, team, period).flatMap(value -> value)
        .mkString("/");
    return text.isEmpty() ? "total" : text;
  }
}
