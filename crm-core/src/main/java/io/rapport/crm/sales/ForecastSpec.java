package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ExchangeRates;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * Says how to compute a {@link Forecast}: the report currency and the rate table with the one day
 * whose rates convert every amount, what to group by, the period grain, an optional range of
 * period days to keep, an optional past instant to look back to, and the zone whose calendar
 * gives a closed deal's closing day. Immutable and thread-safe.
 *
 * @param currency the report currency; every figure is in it
 * @param rates the rate table
 * @param rateDate the day whose rates convert every amount, the same for all deals
 * @param dimensions what rows are grouped by, each at most once; none gives a single row
 * @param grain the length of the periods of {@link ForecastDimension#PERIOD}
 * @param range the days a deal's period day must lie in, or empty to keep every deal
 * @param asOf the instant to take every deal as it stood at (from its history), or empty for now
 * @param zone the zone whose calendar turns a closing instant into a day
 */
public record ForecastSpec(Currency currency, ExchangeRates rates, LocalDate rateDate,
    Seq<ForecastDimension> dimensions, ReportPeriod.Grain grain, Option<ReportPeriodRange> range,
    Option<Instant> asOf, ZoneId zone) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, a dimension or an optional value is null
   * @throws InvalidValueException if the currency has no minor unit
   *     ({@code forecast.currency.no_minor_unit}) or a dimension is named twice
   *     ({@code forecast.dimension.duplicate})
   */
  public ForecastSpec {
    requireNonNull(currency, "currency");
    requireNonNull(rates, "rates");
    requireNonNull(rateDate, "rateDate");
    requireNonNull(dimensions, "dimensions");
    requireNonNull(grain, "grain");
    requireNonNull(range, "range");
    requireNonNull(asOf, "asOf");
    requireNonNull(zone, "zone");
    dimensions.forEach(dimension -> requireNonNull(dimension, "dimensions element"));
    range.forEach(value -> requireNonNull(value, "range"));
    asOf.forEach(value -> requireNonNull(value, "asOf"));
    ForecastMath.requireMinorUnit(currency, "forecast.currency.no_minor_unit", "currency");
    if (dimensions.distinct().size() != dimensions.size()) {
      throw new InvalidValueException(List.of(Violation.of("forecast.dimension.duplicate",
          "dimensions",
          "Group by each dimension at most once, but got " + dimensions.mkString(", "))));
    }
  }

  /**
   * Returns a spec for one row over every deal as it stands now, by month, closing days in UTC.
   *
   * @param currency the report currency
   * @param rates the rate table
   * @param rateDate the day whose rates convert every amount
   * @return the spec
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the currency has no minor unit
   */
  public static ForecastSpec of(Currency currency, ExchangeRates rates, LocalDate rateDate) {
    return new ForecastSpec(currency, rates, rateDate, List.empty(), ReportPeriod.Grain.MONTH,
        Option.none(), Option.none(), ZoneOffset.UTC);
  }

  /**
   * Returns this spec grouping by the given dimensions, in that order.
   *
   * @param grouping the dimensions
   * @return the new spec
   * @throws NullPointerException if grouping or a dimension is null
   * @throws InvalidValueException if a dimension is named twice
   */
  public ForecastSpec by(ForecastDimension... grouping) {
    requireNonNull(grouping, "grouping");
    return new ForecastSpec(currency, rates, rateDate, List.of(grouping), grain, range, asOf, zone);
  }

  /**
   * Returns this spec with another period grain.
   *
   * @param newGrain month, quarter or year
   * @return the new spec
   * @throws NullPointerException if newGrain is null
   */
  public ForecastSpec withGrain(ReportPeriod.Grain newGrain) {
    return new ForecastSpec(currency, rates, rateDate, dimensions, newGrain, range, asOf, zone);
  }

  /**
   * Returns this spec keeping only deals whose period day lies in a range.
   *
   * @param days the range
   * @return the new spec
   * @throws NullPointerException if days is null
   */
  public ForecastSpec within(ReportPeriodRange days) {
    return new ForecastSpec(currency, rates, rateDate, dimensions, grain,
        Option.some(requireNonNull(days, "days")), asOf, zone);
  }

  /**
   * Returns this spec taking every deal as it stood at an instant.
   *
   * @param instant the instant
   * @return the new spec
   * @throws NullPointerException if instant is null
   */
  public ForecastSpec lookingBackTo(Instant instant) {
    return new ForecastSpec(currency, rates, rateDate, dimensions, grain, range,
        Option.some(requireNonNull(instant, "instant")), zone);
  }

  /**
   * Returns this spec turning closing instants into days in another zone.
   *
   * @param newZone the zone
   * @return the new spec
   * @throws NullPointerException if newZone is null
   */
  public ForecastSpec inZone(ZoneId newZone) {
    return new ForecastSpec(currency, rates, rateDate, dimensions, grain, range, asOf, newZone);
  }
}
