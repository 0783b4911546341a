package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of one currency at the currency's minor-unit scale, such as {@code EUR 12.50} or
 * {@code JPY 1200}. Immutable and thread-safe.
 *
 * <p>The amount always has exactly as many decimals as the currency's minor unit (2 for EUR and
 * CNY, 0 for JPY, 3 for BHD), so {@code equals}, {@code hashCode} and {@code compareTo} agree.
 * Operations that cannot lose precision ({@link #plus}, {@link #minus}, {@link #times(long)}) are
 * exact; the one that can ({@link #times(BigDecimal, RoundingMode)}) makes the caller name the
 * rounding. {@link #allocate(long...)} and {@link #split(int)} divide an amount into parts that
 * always add back to it, to the minor unit. There is no double anywhere.
 *
 * <p>Amounts of different currencies never mix: combining them throws
 * {@link CurrencyMismatchException}. Currencies without a minor unit (gold {@code XAU}, the
 * testing code {@code XXX}) are not money here and are refused.
 */
public final class Money implements Comparable<Money> {

  private final BigDecimal amount;
  private final Currency currency;

  private Money(BigDecimal amount, Currency currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /**
   * Returns an amount of a currency. Trailing zeros beyond the minor unit are accepted
   * ({@code 1.500} EUR is {@code EUR 1.50}); significant digits beyond it are not.
   *
   * @param amount the amount, positive, zero or negative
   * @param currency the currency
   * @return the money
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the currency has no minor unit
   *     ({@code money.currency.no_minor_unit}) or the amount has more significant decimals than
   *     the currency's minor unit ({@code money.amount.too_many_decimals})
   */
  public static Money of(BigDecimal amount, Currency currency) {
    requireNonNull(amount, "amount");
    requireNonNull(currency, "currency");
    int minor = currency.getDefaultFractionDigits();
    if (minor >= 0 && amount.scale() == minor
        && amount.precision() <= Checks.MAX_DIGITS) {
      return new Money(amount, currency);
    }
    return Checks.orThrow(checked(amount, currency));
  }

  /**
   * Returns an amount of a currency, parsing the amount as a plain decimal ({@code "12.50"}).
   *
   * @param amount the amount as a plain decimal, such as {@code "-3.5"}
   * @param currency the currency
   * @return the money
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the amount is not a plain decimal
   *     ({@code money.amount.malformed}), has too many decimals or the currency has no minor unit
   */
  public static Money of(String amount, Currency currency) {
    requireNonNull(amount, "amount");
    requireNonNull(currency, "currency");
    return Checks.orThrow(parseAmount(amount).flatMap(value -> checked(value, currency)));
  }

  /**
   * Returns an amount given in minor units, such as 1250 cents for {@code EUR 12.50}.
   *
   * @param minorUnits the amount in the currency's minor unit
   * @param currency the currency
   * @return the money
   * @throws NullPointerException if the currency is null
   * @throws InvalidValueException if the currency has no minor unit
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    requireNonNull(currency, "currency");
    int scale = Checks.orThrow(minorUnitOf(currency, "currency"));
    return new Money(BigDecimal.valueOf(minorUnits, scale), currency);
  }

  /**
   * Returns zero of a currency.
   *
   * @param currency the currency
   * @return zero at the currency's minor-unit scale
   * @throws NullPointerException if the currency is null
   * @throws InvalidValueException if the currency has no minor unit
   */
  public static Money zero(Currency currency) {
    return ofMinor(0, currency);
  }

  /**
   * Parses what {@link #toString()} prints: the ISO 4217 code, one space, and a plain decimal
   * amount with at most the currency's minor-unit decimals, such as {@code "CNY 1280.00"}.
   *
   * @param text the text to parse
   * @return the money
   * @throws NullPointerException if the text is null
   * @throws InvalidValueException if the text is not of that form
   *     ({@code money.malformed}), the currency is unknown ({@code money.currency.unknown}) or the
   *     amount is malformed or has too many decimals
   */
  public static Money parse(String text) {
    requireNonNull(text, "text");
    int space = text.indexOf(' ');
    if (space != 3 || text.length() < 5) {
      throw new InvalidValueException(List.of(Violation.of("money.malformed", "money",
          "Expected a currency code, a space and an amount, such as 'EUR 12.50', but got "
              + Checks.quote(text))));
    }
    return Checks.orThrow(validated(text.substring(space + 1), text.substring(0, space)));
  }

  /**
   * Validates outside input into money, reporting every problem at once: an unknown currency
   * code (field {@code currency}) and a malformed amount (field {@code amount}) are both reported.
   *
   * @param amount the amount as a plain decimal, such as {@code "12.50"}
   * @param currencyCode the ISO 4217 code, such as {@code "EUR"}
   * @return the money, or the violations with codes {@code money.amount.missing},
   *     {@code money.amount.malformed}, {@code money.amount.too_many_decimals},
   *     {@code money.currency.missing}, {@code money.currency.unknown} and
   *     {@code money.currency.no_minor_unit}
   */
  public static Validation<Seq<Violation>, Money> validated(String amount, String currencyCode) {
    Validation<Seq<Violation>, BigDecimal> parsedAmount = amount == null
        ? Checks.invalid("money.amount.missing", "amount", "An amount is required")
        : parseAmount(amount);
    Validation<Seq<Violation>, Currency> parsedCurrency = currencyOf(currencyCode, "currency");
    if (parsedAmount.isInvalid() || parsedCurrency.isInvalid()) {
      return Validation.invalid(
          Checks.errors(parsedAmount).appendAll(Checks.errors(parsedCurrency)));
    }
    return checked(parsedAmount.get(), parsedCurrency.get());
  }

  /**
   * Returns the sum of amounts of one currency; zero if there are none.
   *
   * @param currency the currency of the sum
   * @param amounts the amounts, each of that currency
   * @return the exact sum
   * @throws NullPointerException if an argument or amount is null
   * @throws CurrencyMismatchException if an amount has another currency
   */
  public static Money sum(Currency currency, Iterable<Money> amounts) {
    requireNonNull(amounts, "amounts");
    Money total = zero(currency);
    for (Money each : amounts) {
      total = total.plus(requireNonNull(each, "amounts element"));
    }
    return total;
  }

  /** Returns the amount, with exactly the currency's minor-unit scale. */
  public BigDecimal amount() {
    return amount;
  }

  /** Returns the currency. */
  public Currency currency() {
    return currency;
  }

  /**
   * Returns the amount in minor units, such as 1250 for {@code EUR 12.50}.
   *
   * @return the amount in minor units
   * @throws ArithmeticException if it does not fit in a long
   */
  public long toMinorUnits() {
    return amount.unscaledValue().longValueExact();
  }

  /**
   * Returns this plus another amount of the same currency, exactly.
   *
   * @param other the amount to add
   * @return the sum
   * @throws NullPointerException if other is null
   * @throws CurrencyMismatchException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Returns this minus another amount of the same currency, exactly.
   *
   * @param other the amount to subtract
   * @return the difference, possibly negative
   * @throws NullPointerException if other is null
   * @throws CurrencyMismatchException if the currencies differ
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** Returns this amount with the opposite sign. */
  public Money negated() {
    return new Money(amount.negate(), currency);
  }

  /** Returns the absolute value of this amount. */
  public Money abs() {
    return amount.signum() < 0 ? negated() : this;
  }

  /**
   * Returns this amount times a whole number, exactly.
   *
   * @param multiplier the multiplier
   * @return the product
   */
  public Money times(long multiplier) {
    return new Money(amount.multiply(BigDecimal.valueOf(multiplier)), currency);
  }

  /**
   * Returns this amount times a factor, rounded to the minor unit as the caller says.
   *
   * @param factor the factor, such as {@code 0.85} for 85 %
   * @param rounding how to round to the currency's minor unit
   * @return the rounded product
   * @throws NullPointerException if an argument is null
   * @throws ArithmeticException if the rounding is {@code UNNECESSARY} and the product has more
   *     decimals than the minor unit
   */
  public Money times(BigDecimal factor, RoundingMode rounding) {
    requireNonNull(factor, "factor");
    requireNonNull(rounding, "rounding");
    return new Money(amount.multiply(factor).setScale(amount.scale(), rounding), currency);
  }

  /**
   * Divides this amount into parts proportional to the ratios, so that the parts add back to
   * exactly this amount. Each part first gets the proportional amount rounded towards zero; the
   * minor units left over go one each to the parts that lost the most in that rounding (the
   * largest-remainder method), earlier parts first on ties. A part with ratio 0 gets zero.
   * Negative amounts are divided like their absolute value, then negated.
   *
   * <p>Example: {@code EUR 100.00} by {@code 1, 1, 1} gives {@code 33.34, 33.33, 33.33}.
   *
   * @param ratios the non-negative ratios, at least one, not all zero
   * @return the parts, in the order of the ratios
   * @throws NullPointerException if ratios is null
   * @throws IllegalArgumentException if there are no ratios, a ratio is negative or all are zero
   */
  public Seq<Money> allocate(long... ratios) {
    requireNonNull(ratios, "ratios");
    if (ratios.length == 0) {
      throw new IllegalArgumentException("Allocation needs at least one ratio");
    }
    long total = 0;
    for (long ratio : ratios) {
      if (ratio < 0) {
        throw new IllegalArgumentException("Allocation ratios must not be negative: " + ratio);
      }
      total = Math.addExact(total, ratio);
    }
    if (total == 0) {
      throw new IllegalArgumentException("Allocation ratios must not all be zero");
    }
    BigInteger units = amount.unscaledValue();
    long[] parts = units.bitLength() < 63 ? allocateLong(units.longValue(), ratios, total) : null;
    return parts != null ? toMoney(parts) : allocateBig(units, ratios, total);
  }

  /**
   * Divides this amount into equal parts that add back to exactly this amount; the left-over
   * minor units go one each to the first parts. {@code EUR 10.00} split in 3 gives
   * {@code 3.34, 3.33, 3.33}.
   *
   * @param parts how many parts, at least 1
   * @return the parts
   * @throws IllegalArgumentException if parts is less than 1
   */
  public Seq<Money> split(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("Cannot split into " + parts + " parts");
    }
    BigInteger units = amount.unscaledValue();
    BigInteger[] quotientAndRemainder = units.abs().divideAndRemainder(BigInteger.valueOf(parts));
    int leftOver = quotientAndRemainder[1].intValue();
    int sign = units.signum();
    BigDecimal base = new BigDecimal(quotientAndRemainder[0].multiply(BigInteger.valueOf(sign)),
        amount.scale());
    BigDecimal onePlus = base.add(BigDecimal.valueOf(sign, amount.scale()));
    Money[] result = new Money[parts];
    Money plain = new Money(base, currency);
    Money more = new Money(onePlus, currency);
    for (int i = 0; i < parts; i++) {
      result[i] = i < leftOver ? more : plain;
    }
    return Array.of(result);
  }

  /** Returns whether the amount is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Returns whether the amount is greater than zero. */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** Returns whether the amount is less than zero. */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Returns whether this amount is greater than another of the same currency.
   *
   * @param other the amount to compare with
   * @return true if this is greater
   * @throws CurrencyMismatchException if the currencies differ
   */
  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  /**
   * Returns whether this amount is less than another of the same currency.
   *
   * @param other the amount to compare with
   * @return true if this is less
   * @throws CurrencyMismatchException if the currencies differ
   */
  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  /**
   * Compares amounts of the same currency by value.
   *
   * @throws NullPointerException if other is null
   * @throws CurrencyMismatchException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  /** Returns whether the other object is money of the same currency and amount. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Money
        && currency.equals(((Money) other).currency)
        && amount.equals(((Money) other).amount);
  }

  @Override
  public int hashCode() {
    return currency.hashCode() * 31 + amount.hashCode();
  }

  /** Returns the currency code, a space and the plain amount, such as {@code "EUR -12.50"}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }

  private void requireSameCurrency(Money other) {
    requireNonNull(other, "other");
    if (currency != other.currency && !currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
  }

  private Seq<Money> toMoney(long[] minorUnits) {
    Money[] result = new Money[minorUnits.length];
    for (int i = 0; i < minorUnits.length; i++) {
      result[i] = new Money(BigDecimal.valueOf(minorUnits[i], amount.scale()), currency);
    }
    return Array.of(result);
  }

  /** Largest-remainder allocation in longs; null if an intermediate product overflows. */
  private static long[] allocateLong(long units, long[] ratios, long total) {
    long magnitude = Math.abs(units);
    long[] parts = new long[ratios.length];
    long[] remainders = new long[ratios.length];
    long given = 0;
    for (int i = 0; i < ratios.length; i++) {
      long high = Math.multiplyHigh(magnitude, ratios[i]);
      long product = magnitude * ratios[i];
      if (high != 0 || product < 0) {
        return null;
      }
      parts[i] = product / total;
      remainders[i] = product % total;
      given += parts[i];
    }
    distributeLeftOver(parts, remainders, magnitude - given);
    if (units < 0) {
      for (int i = 0; i < parts.length; i++) {
        parts[i] = -parts[i];
      }
    }
    return parts;
  }

  private Seq<Money> allocateBig(BigInteger units, long[] ratios, long total) {
    BigInteger magnitude = units.abs();
    BigInteger divisor = BigInteger.valueOf(total);
    BigInteger[] parts = new BigInteger[ratios.length];
    long[] remainders = new long[ratios.length];
    BigInteger given = BigInteger.ZERO;
    for (int i = 0; i < ratios.length; i++) {
      BigInteger[] qr = magnitude.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(divisor);
      parts[i] = qr[0];
      remainders[i] = qr[1].longValueExact();
      given = given.add(qr[0]);
    }
    long[] extra = new long[ratios.length];
    distributeLeftOver(extra, remainders, magnitude.subtract(given).longValueExact());
    Money[] result = new Money[ratios.length];
    for (int i = 0; i < ratios.length; i++) {
      BigInteger part = parts[i].add(BigInteger.valueOf(extra[i]));
      result[i] = new Money(new BigDecimal(units.signum() < 0 ? part.negate() : part,
          amount.scale()), currency);
    }
    return Array.of(result);
  }

  /**
   * Gives the left-over units one each to the parts with the largest remainders, earlier first.
   * There are always fewer left-over units than parts with a positive remainder.
   */
  private static void distributeLeftOver(long[] parts, long[] remainders, long leftOver) {
    if (leftOver == 0) {
      return;
    }
    if (parts.length <= 64) {
      long taken = 0;
      for (long round = 0; round < leftOver; round++) {
        int best = -1;
        for (int i = 0; i < parts.length; i++) {
          if ((taken & (1L << i)) == 0 && (best < 0 || remainders[i] > remainders[best])) {
            best = i;
          }
        }
        taken |= 1L << best;
        parts[best]++;
      }
      return;
    }
    Integer[] order = new Integer[parts.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> remainders[x] != remainders[y]
        ? Long.compare(remainders[y], remainders[x]) : Integer.compare(x, y));
    for (int i = 0; i < leftOver; i++) {
      parts[order[i]]++;
    }
  }

  private static Validation<Seq<Violation>, Money> checked(BigDecimal amount, Currency currency) {
    Validation<Seq<Violation>, Integer> scale = minorUnitOf(currency, "currency");
    if (scale.isInvalid()) {
      return Validation.invalid(scale.getError());
    }
    int minor = scale.get();
    if (amount.precision() - amount.scale() + minor > Checks.MAX_DIGITS) {
      return Checks.invalid("money.amount.too_large", "amount",
          "An amount has at most " + Checks.MAX_DIGITS + " digits");
    }
    if (amount.scale() == minor) {
      return Validation.valid(new Money(amount, currency));
    }
    if (amount.scale() < minor || amount.stripTrailingZeros().scale() <= minor) {
      return Validation.valid(new Money(amount.setScale(minor, RoundingMode.UNNECESSARY), currency));
    }
    return Checks.invalid("money.amount.too_many_decimals", "amount",
        currency.getCurrencyCode() + " has " + minor + " decimal(s), but the amount "
            + Checks.quote(amount.toPlainString()) + " has more");
  }

  private static Validation<Seq<Violation>, BigDecimal> parseAmount(String text) {
    if (text.isEmpty() || text.length() > Checks.MAX_DECIMAL_TEXT || !Checks.isPlainDecimal(text)) {
      return Checks.invalid("money.amount.malformed", "amount",
          "Expected a plain decimal amount such as '12.50', but got " + Checks.quote(text));
    }
    return Validation.valid(new BigDecimal(text));
  }

  /** Looks up a currency by ISO 4217 code, for outside input. */
  static Validation<Seq<Violation>, Currency> currencyOf(String code, String field) {
    if (code == null || code.isEmpty()) {
      return Checks.invalid("money.currency.missing", field, "A currency code is required");
    }
    if (code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      try {
        Currency currency = Currency.getInstance(code);
        return minorUnitOf(currency, field).map(scale -> currency);
      } catch (IllegalArgumentException unknown) {
        // reported below
      }
    }
    return Checks.invalid("money.currency.unknown", field,
        "Expected an ISO 4217 currency code such as 'EUR', but got " + Checks.quote(code));
  }

  private static Validation<Seq<Violation>, Integer> minorUnitOf(Currency currency, String field) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      return Checks.invalid("money.currency.no_minor_unit", field,
          currency.getCurrencyCode() + " has no minor unit and cannot be used for money");
    }
    return Validation.valid(digits);
  }
}
