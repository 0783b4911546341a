package io.rapport.crm.testkit.generators;

import static java.util.Objects.requireNonNull;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.IdKind;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.kernel.WorkingHours;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.TreeSet;
import org.quicktheories.core.Gen;

/**
 * Generates every kernel value for property tests: money, quantities, unit prices, percentages,
 * ids, instants, time zones and business calendars. Each generator yields only valid values, mixes
 * edge cases (zero, one minor unit, huge amounts, DST zones) with ordinary ones, and shrinks
 * towards simple values.
 *
 * <p>Use them in your own laws: {@code Theories.qt().forAll(KernelGenerators.money()).check(…)}.
 */
public final class KernelGenerators {

  /** Currencies with 0, 2, 3 and 4 minor-unit digits, including the ones Rapport's demo uses. */
  static final List<Currency> CURRENCIES = List.of("EUR", "USD", "CNY", "JPY", "GBP", "CHF",
      "KRW", "BHD", "KWD", "CLF", "INR", "BRL").stream().map(Currency::getInstance).toList();

  /** Zones with and without daylight saving, including a 30-minute shift and a date-line zone. */
  static final List<ZoneId> ZONES = List.of("UTC", "Asia/Shanghai", "Europe/Berlin",
      "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kolkata",
      "Pacific/Apia", "Europe/London", "America/Los_Angeles").stream().map(ZoneId::of).toList();

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private KernelGenerators() {}

  /** Returns real ISO 4217 currencies with 0, 2, 3 or 4 minor-unit digits. */
  public static Gen<Currency> currencies() {
    return arbitrary().pick(CURRENCIES);
  }

  /** Returns positive, zero and negative money of any generated currency. */
  public static Gen<Money> money() {
    return currencies().flatMap(KernelGenerators::money);
  }

  /**
   * Returns positive, zero and negative money of one currency, from one minor unit to amounts
   * beyond a long's range of minor units.
   *
   * @param currency the currency
   * @return the generator
   */
  public static Gen<Money> money(Currency currency) {
    requireNonNull(currency, "currency");
    Gen<Long> ordinary = longs().between(-1_000_000_000L, 1_000_000_000L);
    Gen<Long> small = longs().between(-100, 100);
    Gen<Money> usual = ordinary.mix(small, 30).map(units -> Money.ofMinor(units, currency));
    Gen<Money> huge = longs().between(-1_000_000, 1_000_000).map(units -> Money.of(
        new BigDecimal(BigInteger.valueOf(units).multiply(BigInteger.TEN.pow(18)),
            currency.getDefaultFractionDigits()), currency));
    return usual.mix(huge, 5);
  }

  /**
   * Returns money of one currency between two bounds, inclusive.
   *
   * @param min the smallest amount
   * @param max the largest amount, of the same currency
   * @return the generator
   */
  public static Gen<Money> moneyBetween(Money min, Money max) {
    requireNonNull(min, "min");
    requireNonNull(max, "max");
    if (!min.currency().equals(max.currency()) || min.isGreaterThan(max)) {
      throw new IllegalArgumentException("Expected min <= max of one currency: " + min + ", " + max);
    }
    return longs().between(min.toMinorUnits(), max.toMinorUnits())
        .map(units -> Money.ofMinor(units, min.currency()));
  }

  /**
   * Returns allocation ratios: 1 to 40 non-negative ratios, at least one positive, often with
   * zeros and ties.
   */
  public static Gen<long[]> allocationRatios() {
    return lists().of(longs().between(0, 1000).mix(longs().between(0, 3), 30)).ofSizeBetween(1, 40)
        .assuming(ratios -> ratios.stream().anyMatch(r -> r > 0))
        .map(ratios -> ratios.stream().mapToLong(Long::longValue).toArray());
  }

  /** Returns every quantity unit. */
  public static Gen<QuantityUnit> quantityUnits() {
    return arbitrary().enumValues(QuantityUnit.class);
  }

  /** Returns the weight units: gram, kilogram, jin, liang and pound. */
  public static Gen<QuantityUnit> weightUnits() {
    return arbitrary().pick(QuantityUnit.GRAM, QuantityUnit.KILOGRAM, QuantityUnit.JIN,
        QuantityUnit.LIANG, QuantityUnit.POUND);
  }

  /** Returns quantities of any unit: whole counts and weights with up to six decimals. */
  public static Gen<Quantity> quantities() {
    return quantityUnits().flatMap(KernelGenerators::quantities);
  }

  /**
   * Returns quantities of one unit: whole numbers for counted units, up to six decimals for
   * weights, zero included.
   *
   * @param unit the unit
   * @return the generator
   */
  public static Gen<Quantity> quantities(QuantityUnit unit) {
    requireNonNull(unit, "unit");
    if (unit.dimension() == QuantityUnit.Dimension.COUNT) {
      return longs().between(0, 10_000).map(n -> Quantity.of(n, unit));
    }
    return longs().between(0, 100_000_000).zip(integers().between(0, 6),
        (digits, scale) -> Quantity.of(BigDecimal.valueOf(digits, scale), unit));
  }

  /** Returns unit prices of any generated currency and unit, up to six extra decimals. */
  public static Gen<UnitPrice> unitPrices() {
    return currencies().zip(quantityUnits(), (currency, unit) -> unitPrices(currency, unit))
        .flatMap(gen -> gen);
  }

  /**
   * Returns unit prices of one currency and unit.
   *
   * @param currency the currency
   * @param unit the unit priced
   * @return the generator
   */
  public static Gen<UnitPrice> unitPrices(Currency currency, QuantityUnit unit) {
    requireNonNull(currency, "currency");
    requireNonNull(unit, "unit");
    int scale = currency.getDefaultFractionDigits();
    return longs().between(0, 10_000_000).zip(integers().between(0, UnitPrice.EXTRA_DECIMALS),
        (digits, extra) -> UnitPrice.of(BigDecimal.valueOf(digits, scale + extra), currency, unit));
  }

  /** Returns percentages from -100 % to 1000 %, to the basis point. */
  public static Gen<Percentage> percentages() {
    return longs().between(-10_000, 100_000).map(Percentage::ofBasisPoints);
  }

  /** Returns percentages from 0 % to 100 % inclusive, to the basis point: discounts, rates. */
  public static Gen<Percentage> discounts() {
    return longs().between(0, 10_000).mix(arbitrary().pick(0L, 10_000L), 10)
        .map(Percentage::ofBasisPoints);
  }

  /**
   * Returns valid ids of one kind, 1 to 64 characters of letters, digits and {@code - _ . :}.
   *
   * @param kind the kind, such as {@code CustomerId.KIND}
   * @param <I> the id type
   * @return the generator
   */
  public static <I extends TypedId> Gen<I> ids(IdKind<I> kind) {
    requireNonNull(kind, "kind");
    return strings().betweenCodePoints('-', 'z').ofLengthBetween(1, IdKind.MAX_LENGTH)
        .map(text -> kind.parse(text.replaceAll("[^A-Za-z0-9._:-]", "_")));
  }

  /** Returns instants between 2000 and 2100, to the second, with nanoseconds now and then. */
  public static Gen<Instant> instants() {
    return instantsBetween(EARLIEST, LATEST);
  }

  /**
   * Returns instants in a half-open range, to the second with occasional nanoseconds.
   *
   * @param from the earliest instant
   * @param until the end of the range, after from
   * @return the generator
   */
  public static Gen<Instant> instantsBetween(Instant from, Instant until) {
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException("Expected from < until: " + from + ", " + until);
    }
    Gen<Long> seconds = longs().between(from.getEpochSecond(), until.getEpochSecond() - 1);
    Gen<Integer> nanos = integers().between(0, 999_999_999).mix(arbitrary().constant(0), 80);
    return seconds.zip(nanos, Instant::ofEpochSecond)
        .assuming(i -> !i.isBefore(from) && i.isBefore(until));
  }

  /** Returns durations from zero to a bound, to the second. */
  public static Gen<Duration> durationsUpTo(Duration max) {
    requireNonNull(max, "max");
    return longs().between(0, max.getSeconds()).map(seconds -> Duration.ofSeconds(seconds));
  }

  /** Returns time zones with and without daylight saving, including a 30-minute shift. */
  public static Gen<ZoneId> zones() {
    return arbitrary().pick(ZONES);
  }

  /** Returns valid working hours at quarter-hour boundaries, including ones ending at midnight. */
  public static Gen<WorkingHours> workingHours() {
    return integers().between(0, 95).zip(integers().between(1, 96), (a, b) -> {
      int start = Math.min(a, b);
      int end = Math.max(a, b) == start ? start + 1 : Math.max(a, b);
      return WorkingHours.of(quarter(start), quarter(end));
    });
  }

  /**
   * Returns one day's non-overlapping working hours, 1 to 3 intervals at quarter-hour boundaries,
   * sometimes touching, sometimes ending at midnight.
   */
  public static Gen<List<WorkingHours>> dayHours() {
    return lists().of(integers().between(0, 96)).ofSizeBetween(2, 6).map(points -> {
      TreeSet<Integer> distinct = new TreeSet<>(points);
      List<Integer> sorted = new ArrayList<>(distinct);
      List<WorkingHours> hours = new ArrayList<>();
      for (int i = 0; i + 1 < sorted.size(); i += 2) {
        hours.add(WorkingHours.of(quarter(sorted.get(i)), quarter(sorted.get(i + 1))));
      }
      if (hours.isEmpty()) {
        hours.add(WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(17, 0)));
      }
      return List.copyOf(hours);
    });
  }

  /**
   * Returns valid business calendars: a zone with or without daylight saving, working hours on
   * 1 to 7 weekdays, up to 20 holidays and a few special days between 2025 and 2027.
   */
  public static Gen<BusinessCalendar> businessCalendars() {
    Gen<List<List<WorkingHours>>> week = lists().of(dayHours().mix(arbitrary().constant(List.of()), 35))
        .ofSize(7).assuming(days -> days.stream().anyMatch(hours -> !hours.isEmpty()));
    Gen<List<Integer>> dates = lists().of(integers().between(0, 3 * 365)).ofSizeBetween(0, 24);
    Gen<List<List<WorkingHours>>> specials = lists().of(dayHours()).ofSize(4);
    return zones().zip(week, dates, specials, (zone, days, offsets, special) -> {
      BusinessCalendar.Builder builder = BusinessCalendar.builder(zone);
      for (DayOfWeek day : DayOfWeek.values()) {
        for (WorkingHours hours : days.get(day.ordinal())) {
          builder.workingHours(day, hours.start(), hours.end());
        }
      }
      List<LocalDate> distinct = new TreeSet<>(offsets).stream()
          .map(offset -> FIRST_CALENDAR_DAY.plusDays(offset)).toList();
      int specialCount = Math.min(special.size(), distinct.size() / 5);
      for (int i = 0; i < distinct.size(); i++) {
        if (i < specialCount) {
          builder.specialDay(distinct.get(i), special.get(i).toArray(new WorkingHours[0]));
        } else {
          builder.holiday(distinct.get(i), "Holiday " + i);
        }
      }
      return builder.build();
    });
  }

  /** Returns violations with stable-looking codes and field paths. */
  public static Gen<Violation> violations() {
    Gen<String> words = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12);
    return words.zip(words, words, (context, field, detail) ->
        Violation.of(context + "." + detail, field, "The " + field + " is wrong: " + detail));
  }

  private static final LocalDate FIRST_CALENDAR_DAY = LocalDate.of(2025, 1, 1);

  private static LocalTime quarter(int quarterOfDay) {
    return quarterOfDay >= 96 ? LocalTime.MIDNIGHT : LocalTime.of(quarterOfDay / 4, quarterOfDay % 4 * 15);
  }
}
