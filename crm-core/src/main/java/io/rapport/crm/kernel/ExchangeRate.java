package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * States how many units of one currency one unit of another buys over a range of days, such as
 * "1 EUR = 7.8125 CNY from 2026-01-01 until 2026-04-01". Immutable and thread-safe.
 *
 * <p>The validity is half-open: the rate applies on {@code validFrom} and on every later day
 * before {@code validUntil}; an empty {@code validUntil} means no end. The rate is normalised
 * (trailing zeros stripped), so {@code 7.80} and {@code 7.8} make equal rates.
 *
 * @param from the currency converted from
 * @param to the currency converted to, not {@code from}
 * @param rate how many units of {@code to} one unit of {@code from} buys, positive
 * @param validFrom the first day the rate applies
 * @param validUntil the first day it no longer applies, after {@code validFrom}; empty for no end
 */
public record ExchangeRate(Currency from, Currency to, BigDecimal rate, LocalDate validFrom,
    Option<LocalDate> validUntil) {

  /**
   * Checks the components and normalises the rate.
   *
   * @throws NullPointerException if a component or the end date is null
   * @throws InvalidValueException with every problem: both currencies the same
   *     ({@code rates.same_currency}), a rate that is zero or negative
   *     ({@code rates.rate.not_positive}), an end not after the start
   *     ({@code rates.validity.empty})
   */
  public ExchangeRate {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(rate, "rate");
    requireNonNull(validFrom, "validFrom");
    requireNonNull(validUntil, "validUntil");
    validUntil.forEach(until -> requireNonNull(until, "validUntil"));
    Seq<Violation> problems = problems(from, to, rate, validFrom, validUntil);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    rate = Checks.normalise(rate);
  }

  /**
   * Returns a rate that applies from a day on, without end.
   *
   * @param from the currency converted from
   * @param to the currency converted to
   * @param rate how many units of {@code to} one unit of {@code from} buys
   * @param validFrom the first day it applies
   * @return the rate
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the currencies are the same or the rate is not positive
   */
  public static ExchangeRate of(Currency from, Currency to, BigDecimal rate, LocalDate validFrom) {
    return new ExchangeRate(from, to, rate, validFrom, Option.none());
  }

  /**
   * Returns a rate that applies from one day up to, not including, another.
   *
   * @param from the currency converted from
   * @param to the currency converted to
   * @param rate how many units of {@code to} one unit of {@code from} buys
   * @param validFrom the first day it applies
   * @param validUntil the first day it no longer applies
   * @return the rate
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the currencies are the same, the rate is not positive or
   *     the end is not after the start
   */
  public static ExchangeRate of(Currency from, Currency to, BigDecimal rate, LocalDate validFrom,
      LocalDate validUntil) {
    return new ExchangeRate(from, to, rate, validFrom,
        Option.some(requireNonNull(validUntil, "validUntil")));
  }

  /**
   * Validates outside input, such as a line of a rate file, reporting every problem at once.
   *
   * @param from the ISO 4217 code converted from, such as {@code "EUR"}
   * @param to the ISO 4217 code converted to
   * @param rate the rate as a plain decimal, such as {@code "7.8125"}
   * @param validFrom the first day it applies
   * @param validUntil the first day it no longer applies, or null for no end
   * @return the rate, or violations with the codes of {@link Money#validated} for the currencies
   *     (fields {@code from}, {@code to}), {@code rates.rate.missing},
   *     {@code rates.rate.malformed},
   *     {@code rates.rate.not_positive}, {@code rates.valid_from.missing},
   *     {@code rates.same_currency} and {@code rates.validity.empty}
   */
  public static Validation<Seq<Violation>, ExchangeRate> validated(String from, String to,
      String rate, LocalDate validFrom, LocalDate validUntil) {
    Validation<Seq<Violation>, Currency> fromCurrency = Money.currencyOf(from, "from");
    Validation<Seq<Violation>, Currency> toCurrency = Money.currencyOf(to, "to");
    Validation<Seq<Violation>, BigDecimal> parsedRate = rate == null
        ? Checks.invalid("rates.rate.missing", "rate", "A rate is required")
        : rate.isEmpty() || rate.length() > Checks.MAX_DECIMAL_TEXT || !Checks.isPlainDecimal(rate)
            ? Checks.invalid("rates.rate.malformed", "rate",
                "Expected a plain decimal rate such as '7.8125', but got " + Checks.quote(rate))
            : Validation.valid(new BigDecimal(rate));
    Validation<Seq<Violation>, LocalDate> start = validFrom == null
        ? Checks.invalid("rates.valid_from.missing", "validFrom", "A first valid day is required")
        : Validation.valid(validFrom);
    Seq<Violation> found = Checks.errors(fromCurrency).appendAll(Checks.errors(toCurrency))
        .appendAll(Checks.errors(parsedRate)).appendAll(Checks.errors(start));
    if (fromCurrency.isValid() && toCurrency.isValid()
        && fromCurrency.get().equals(toCurrency.get())) {
      found = found.append(sameCurrency(fromCurrency.get()));
    }
    if (parsedRate.isValid() && parsedRate.get().signum() <= 0) {
      found = found.append(notPositive(parsedRate.get()));
    }
    if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
      found = found.append(emptyValidity(validFrom, validUntil));
    }
    return found.isEmpty()
        ? Validation.valid(new ExchangeRate(fromCurrency.get(), toCurrency.get(), parsedRate.get(),
            validFrom, Option.of(validUntil)))
        : Validation.invalid(found);
  }

  /**
   * Tells whether the rate applies on a day: on or after {@code validFrom} and before
   * {@code validUntil}.
   *
   * @param day the day
   * @return true if it applies
   * @throws NullPointerException if day is null
   */
  public boolean isValidOn(LocalDate day) {
    requireNonNull(day, "day");
    return !day.isBefore(validFrom) && (validUntil.isEmpty() || day.isBefore(validUntil.get()));
  }

  /**
   * Tells whether this and another rate have at least one day in common, whatever their
   * currencies.
   *
   * @param other the other rate
   * @return true if their validities overlap
   * @throws NullPointerException if other is null
   */
  public boolean overlaps(ExchangeRate other) {
    requireNonNull(other, "other");
    boolean otherStartsBeforeThisEnds =
        validUntil.isEmpty() || other.validFrom.isBefore(validUntil.get());
    boolean thisStartsBeforeOtherEnds =
        other.validUntil.isEmpty() || validFrom.isBefore(other.validUntil.get());
    return otherStartsBeforeThisEnds && thisStartsBeforeOtherEnds;
  }

  /** Returns {@code EUR/CNY 7.8125 [2026-01-01, 2026-04-01)}, the end open when there is none. */
  @Override
  public String toString() {
    return from.getCurrencyCode() + "/" + to.getCurrencyCode() + " " + rate.toPlainString() + " ["
        + validFrom + ", " + validUntil.map(LocalDate::toString).getOrElse("") + ")";
  }

  private static Seq<Violation> problems(Currency from, Currency to, BigDecimal rate,
      LocalDate validFrom, Option<LocalDate> validUntil) {
    Seq<Violation> problems = List.empty();
    if (from.equals(to)) {
      problems = problems.append(sameCurrency(from));
    }
    if (rate.signum() <= 0) {
      problems = problems.append(notPositive(rate));
    }
    if (validUntil.exists(until -> !until.isAfter(validFrom))) {
      problems = problems.append(emptyValidity(validFrom, validUntil.get()));
    }
    return problems;
  }

  private static Violation sameCurrency(Currency currency) {
    return Violation.of("rates.same_currency", "to",
        "A rate converts between two currencies, but both are " + currency.getCurrencyCode());
  }

  private static Violation emptyValidity(LocalDate validFrom, LocalDate validUntil) {
    return Violation.of("rates.validity.empty", "validUntil",
        "A rate must end after it starts (" + validFrom + "), but ends " + validUntil);
  }

  private static Violation notPositive(BigDecimal rate) {
    return Violation.of("rates.rate.not_positive", "rate",
        "A rate is positive, but got " + rate.toPlainString());
  }
}
