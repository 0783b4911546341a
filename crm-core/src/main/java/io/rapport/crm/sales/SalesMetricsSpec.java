package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ExchangeRates;
import io.rapport.crm.kernel.InvalidValueException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * Says how to compute {@link SalesMetrics}: the report currency and the rate table with the one
 * day whose rates convert every amount, the days deals must have closed in (read in a zone), and
 * whether to group by owner or team. Immutable and thread-safe.
 *
 * @param currency the report currency
 * @param rates the rate table
 * @param rateDate the day whose rates convert every amount
 * @param closedIn the days a deal's closing day must lie in to count as won or lost
 * @param zone the zone whose calendar turns a closing instant into a day
 * @param grouping whether to add rows per owner or per team
 */
public record SalesMetricsSpec(Currency currency, ExchangeRates rates, LocalDate rateDate,
    ReportPeriodRange closedIn, ZoneId zone, Grouping grouping) {

  /** Names how metrics are grouped besides the total. */
  public enum Grouping {
    /** The total only. */
    NONE,
    /** A row per owner. */
    OWNER,
    /** A row per team, and one for deals without a team. */
    TEAM
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the currency has no minor unit
   *     ({@code metrics.currency.no_minor_unit})
   */
  public SalesMetricsSpec {
    requireNonNull(currency, "currency");
    requireNonNull(rates, "rates");
    requireNonNull(rateDate, "rateDate");
    requireNonNull(closedIn, "closedIn");
    requireNonNull(zone, "zone");
    requireNonNull(grouping, "grouping");
    ForecastMath.requireMinorUnit(currency, "metrics.currency.no_minor_unit", "currency");
  }

  /**
   * Returns a spec for the total only, closing days in UTC.
   *
   * @param currency the report currency
   * @param rates the rate table
   * @param rateDate the day whose rates convert every amount
   * @param closedIn the days deals must have closed in
   * @return the spec
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the currency has no minor unit
   */
  public static SalesMetricsSpec of(Currency currency, ExchangeRates rates, LocalDate rateDate,
      ReportPeriodRange closedIn) {
    return new SalesMetricsSpec(currency, rates, rateDate, closedIn, ZoneOffset.UTC,
        Grouping.NONE);
  }

  /**
   * Returns this spec with another grouping.
   *
   * @param newGrouping the grouping
   * @return the new spec
   * @throws NullPointerException if newGrouping is null
   */
  public SalesMetricsSpec groupedBy(Grouping newGrouping) {
    return new SalesMetricsSpec(currency, rates, rateDate, closedIn, zone, newGrouping);
  }

  /**
   * Returns this spec reading closing days in another zone.
   *
   * @param newZone the zone
   * @return the new spec
   * @throws NullPointerException if newZone is null
   */
  public SalesMetricsSpec inZone(ZoneId newZone) {
    return new SalesMetricsSpec(currency, rates, rateDate, closedIn, newZone, grouping);
  }
}
