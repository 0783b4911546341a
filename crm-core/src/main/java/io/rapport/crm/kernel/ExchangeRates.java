package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds the exchange rates a business uses, each valid over a range of days, and converts money
 * at the rate valid on a given day: a rate table, never "today's rate". Immutable and thread-safe.
 *
 * <p>For any pair of currencies, at most one rate applies on any day: two rates of the same
 * ordered pair (say EUR/CNY) whose validities share a day are refused ({@code rates.overlap}). A
 * rate of the opposite pair (CNY/EUR) may apply on the same day; the direct rate is then used.
 *
 * <p>{@link #rateOn} answers 1 between a currency and itself; otherwise the direct rate valid on
 * the day; otherwise the inverse of the opposite pair's rate valid on the day, computed as
 * {@code 1 / rate} with {@link MathContext#DECIMAL128} (34 significant digits, half-even);
 * otherwise nothing. There is no triangulation through a third currency: a table that should
 * convert CNY to JPY holds a CNY/JPY (or JPY/CNY) rate.
 */
public final class ExchangeRates {

  private static final ExchangeRates EMPTY = new ExchangeRates(List.empty());

  private static final Comparator<ExchangeRate> ORDER =
      Comparator.comparing((ExchangeRate rate) -> rate.from().getCurrencyCode())
          .thenComparing(rate -> rate.to().getCurrencyCode())
          .thenComparing(ExchangeRate::validFrom);

  private final Seq<ExchangeRate> rates;
  private final Map<Pair, ExchangeRate[]> byPair;

  private ExchangeRates(Seq<ExchangeRate> sorted) {
    this.rates = sorted;
    Map<Pair, ExchangeRate[]> index = new HashMap<>();
    sorted.groupBy(rate -> new Pair(rate.from(), rate.to()))
        .forEach((pair, group) -> index.put(pair, group.toJavaArray(ExchangeRate[]::new)));
    this.byPair = index;
  }

  /**
   * Describes one rate as outside input gives it, such as a line of a rate file; any component
   * may be null (missing). Immutable and thread-safe.
   *
   * @param from the ISO 4217 code converted from
   * @param to the ISO 4217 code converted to
   * @param rate the rate as a plain decimal
   * @param validFrom the first day it applies
   * @param validUntil the first day it no longer applies, or null for no end
   */
  public record Row(String from, String to, String rate, LocalDate validFrom,
      LocalDate validUntil) {}

  /** Returns a table without rates: it converts only a currency to itself. */
  public static ExchangeRates empty() {
    return EMPTY;
  }

  /**
   * Returns a table of rates.
   *
   * @param rates the rates, in any order
   * @return the table
   * @throws NullPointerException if rates or a rate is null
   * @throws InvalidValueException if two rates of the same pair apply on a common day
   *     ({@code rates.overlap}, one violation per clash)
   */
  public static ExchangeRates of(Iterable<ExchangeRate> rates) {
    return InvalidValueException.valueOrThrow(validated(rates));
  }

  /**
   * Validates a set of rates into a table, reporting every clash at once.
   *
   * @param rates the rates, in any order
   * @return the table, or one {@code rates.overlap} violation per rate (field
   *     {@code rates[i]}, by position) that shares a day with an earlier-starting rate of its pair
   * @throws NullPointerException if rates or a rate is null
   */
  public static Validation<Seq<Violation>, ExchangeRates> validated(Iterable<ExchangeRate> rates) {
    requireNonNull(rates, "rates");
    Seq<ExchangeRate> given = Array.ofAll(rates);
    given.forEach(rate -> requireNonNull(rate, "rates element"));
    Seq<Violation> overlaps = overlaps(given, List.range(0, given.size()));
    return overlaps.isEmpty()
        ? Validation.valid(given.isEmpty() ? EMPTY : new ExchangeRates(given.sorted(ORDER)))
        : Validation.invalid(overlaps);
  }

  /**
   * Validates outside input into a table, reporting every problem of every row and every clash
   * between rows at once.
   *
   * @param rows the rows, in any order
   * @return the table, or the violations of {@link ExchangeRate#validated} under
   *     {@code rates[i]} (such as {@code rates.same_currency} and
   *     {@code rates.rate.not_positive}) and {@code rates.overlap} between valid rows
   * @throws NullPointerException if rows or a row is null
   */
  public static Validation<Seq<Violation>, ExchangeRates> validatedRows(Iterable<Row> rows) {
    requireNonNull(rows, "rows");
    Seq<Violation> problems = List.empty();
    Seq<ExchangeRate> valid = List.empty();
    Seq<Integer> positions = List.empty();
    int position = 0;
    for (Row row : rows) {
      requireNonNull(row, "rows element");
      Validation<Seq<Violation>, ExchangeRate> rate = ExchangeRate.validated(row.from(), row.to(),
          row.rate(), row.validFrom(), row.validUntil());
      if (rate.isValid()) {
        valid = valid.append(rate.get());
        positions = positions.append(position);
      } else {
        String field = "rates[" + position + "]";
        problems = problems.appendAll(rate.getError().map(violation -> violation.under(field)));
      }
      position++;
    }
    problems = problems.appendAll(overlaps(valid, positions));
    return problems.isEmpty()
        ? Validation.valid(valid.isEmpty() ? EMPTY : new ExchangeRates(valid.sorted(ORDER)))
        : Validation.invalid(problems);
  }

  /** Returns the rates, ordered by currency pair and first valid day. */
  public Seq<ExchangeRate> rates() {
    return rates;
  }

  /**
   * Returns this table with more rates.
   *
   * @param more the rates to add
   * @return the larger table
   * @throws NullPointerException if more or a rate is null
   * @throws InvalidValueException if a rate clashes with another ({@code rates.overlap})
   */
  public ExchangeRates plus(Iterable<ExchangeRate> more) {
    requireNonNull(more, "more");
    return of(rates.appendAll(more));
  }

  /**
   * Finds how many units of {@code to} one unit of {@code from} buys on a day: 1 for the same
   * currency, else the direct rate, else the inverse of the opposite pair's rate (computed with
   * {@link MathContext#DECIMAL128}), else nothing.
   *
   * @param from the currency converted from
   * @param to the currency converted to
   * @param day the day the rate must apply on
   * @return the rate, or empty when none applies
   * @throws NullPointerException if an argument is null
   */
  public Option<BigDecimal> rateOn(Currency from, Currency to, LocalDate day) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(day, "day");
    if (from.equals(to)) {
      return Option.some(BigDecimal.ONE);
    }
    ExchangeRate direct = find(from, to, day);
    if (direct != null) {
      return Option.some(direct.rate());
    }
    ExchangeRate opposite = find(to, from, day);
    return opposite == null ? Option.none()
        : Option.some(BigDecimal.ONE.divide(opposite.rate(), MathContext.DECIMAL128));
  }

  /**
   * Converts an amount into another currency at the rate {@link #rateOn} finds for the day,
   * rounding the exact product once to the target's minor unit.
   *
   * @param amount the amount to convert
   * @param target the currency wanted
   * @param day the day whose rate applies
   * @param rounding how to round to the target's minor unit
   * @return the converted amount (the amount itself for its own currency), or
   *     {@code rates.missing} naming the pair and the day
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the target has no minor unit
   *     ({@code money.currency.no_minor_unit})
   * @throws ArithmeticException if the rounding is {@code UNNECESSARY} and the product has more
   *     decimals than the target's minor unit
   */
  public Either<ConversionProblem, Money> convert(Money amount, Currency target, LocalDate day,
      RoundingMode rounding) {
    requireNonNull(amount, "amount");
    requireNonNull(rounding, "rounding");
    int digits = Money.zero(target).amount().scale();
    Option<BigDecimal> rate = rateOn(amount.currency(), target, day);
    if (rate.isEmpty()) {
      return Either.left(new ConversionProblem(amount.currency(), target, day));
    }
    if (amount.currency().equals(target)) {
      return Either.right(amount);
    }
    return Either.right(
        Money.of(amount.amount().multiply(rate.get()).setScale(digits, rounding), target));
  }

  /** Returns whether the other object is a table of the same rates. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ExchangeRates && rates.equals(((ExchangeRates) other).rates);
  }

  @Override
  public int hashCode() {
    return rates.hashCode();
  }

  /** Returns the rates, such as {@code ExchangeRates[EUR/CNY 7.8 [2026-01-01, )]}. */
  @Override
  public String toString() {
    return rates.mkString("ExchangeRates[", ", ", "]");
  }

  private ExchangeRate find(Currency from, Currency to, LocalDate day) {
    ExchangeRate[] candidates = byPair.get(new Pair(from, to));
    if (candidates == null) {
      return null;
    }
    int low = 0;
    int high = candidates.length - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (candidates[middle].validFrom().isAfter(day)) {
        high = middle - 1;
      } else {
        found = middle;
        low = middle + 1;
      }
    }
    return found >= 0 && candidates[found].isValidOn(day) ? candidates[found] : null;
  }

  /** Reports every rate that shares a day with an earlier-starting rate of the same pair. */
  private static Seq<Violation> overlaps(Seq<ExchangeRate> given, Seq<Integer> givenPositions) {
    Array<ExchangeRate> rates = Array.ofAll(given);
    Array<Integer> positions = Array.ofAll(givenPositions);
    Seq<Violation> found = List.empty();
    Comparator<Integer> byPairThenStart =
        Comparator.comparing((Integer i) -> rates.get(i).from().getCurrencyCode())
            .thenComparing(i -> rates.get(i).to().getCurrencyCode())
            .thenComparing(i -> rates.get(i).validFrom())
            .thenComparing(i -> i);
    Seq<Integer> order = List.range(0, rates.size()).sorted(byPairThenStart);
    int furthest = -1;
    for (int i : order) {
      ExchangeRate rate = rates.get(i);
      if (furthest >= 0) {
        ExchangeRate reach = rates.get(furthest);
        if (!reach.from().equals(rate.from()) || !reach.to().equals(rate.to())) {
          furthest = -1;
        } else if (reach.overlaps(rate)) {
          found = found.append(Violation.of("rates.overlap", "rates[" + positions.get(i) + "]",
              "Rates " + reach + " (rates[" + positions.get(furthest) + "]) and " + rate
                  + " both apply on " + rate.validFrom()));
        }
      }
      if (furthest < 0 || endsLater(rate, rates.get(furthest))) {
        furthest = i;
      }
    }
    return found;
  }

  private static boolean endsLater(ExchangeRate rate, ExchangeRate than) {
    return than.validUntil().isDefined()
        && (rate.validUntil().isEmpty()
            || rate.validUntil().get().isAfter(than.validUntil().get()));
  }

  private record Pair(Currency from, Currency to) {}
}
