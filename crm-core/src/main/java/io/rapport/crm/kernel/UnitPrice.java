package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * A price per unit of goods, such as {@code CNY 1280.00/jin} for rosewood sold by weight (按斤论价)
 * or {@code EUR 4.99/pc}. Immutable and thread-safe.
 *
 * <p>A unit price may carry up to {@value #EXTRA_DECIMALS} more decimals than its currency's minor
 * unit, as per-gram prices often do; {@link #priceOf(Quantity, RoundingMode)} turns it into
 * {@link Money} with one rounding step, at the end, named by the caller. Quantities in any unit of
 * the price's dimension are converted exactly before that step, so {@code 1 kg} at a price per jin
 * costs exactly two jin.
 */
public final class UnitPrice {

  /** How many decimals beyond the currency's minor unit a unit price may carry. */
  public static final int EXTRA_DECIMALS = 6;

  private final BigDecimal amount;
  private final Currency currency;
  private final QuantityUnit unit;

  private UnitPrice(BigDecimal amount, Currency currency, QuantityUnit unit) {
    this.amount = amount;
    this.currency = currency;
    this.unit = unit;
  }

  /**
   * Returns the price of one unit.
   *
   * @param price the price of one unit, zero or positive
   * @param unit the unit priced
   * @return the unit price
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the price is negative ({@code unit_price.amount.negative})
   */
  public static UnitPrice of(Money price, QuantityUnit unit) {
    requireNonNull(price, "price");
    requireNonNull(unit, "unit");
    return Checks.orThrow(checked(price.amount(), price.currency(), unit));
  }

  /**
   * Returns the price of one unit, with up to {@value #EXTRA_DECIMALS} decimals beyond the minor
   * unit.
   *
   * @param amount the price of one unit, zero or positive
   * @param currency the currency
   * @param unit the unit priced
   * @return the unit price
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the amount is negative, has too many decimals
   *     ({@code unit_price.amount.too_many_decimals}) or the currency has no minor unit
   */
  public static UnitPrice of(BigDecimal amount, Currency currency, QuantityUnit unit) {
    requireNonNull(amount, "amount");
    requireNonNull(currency, "currency");
    requireNonNull(unit, "unit");
    return Checks.orThrow(checked(amount, currency, unit));
  }

  /**
   * Parses what {@link #toString()} prints: a currency code, a space, a plain decimal, a slash
   * and a unit symbol, such as {@code "CNY 1280.00/jin"}.
   *
   * @param text the text to parse
   * @return the unit price
   * @throws NullPointerException if the text is null
   * @throws InvalidValueException if the text is not of that form ({@code unit_price.malformed})
   *     or any part is invalid
   */
  public static UnitPrice parse(String text) {
    requireNonNull(text, "text");
    int space = text.indexOf(' ');
    int slash = text.lastIndexOf('/');
    if (space != 3 || slash < space + 2) {
      throw new InvalidValueException(List.of(Violation.of("unit_price.malformed", "unitPrice",
          "Expected a currency, an amount, a slash and a unit, such as 'CNY 1280.00/jin', but got "
              + Checks.quote(text))));
    }
    return Checks.orThrow(validated(text.substring(space + 1, slash), text.substring(0, space),
        text.substring(slash + 1)));
  }

  /**
   * Validates outside input into a unit price, reporting every problem at once.
   *
   * @param amount the price of one unit as a plain decimal (field {@code amount})
   * @param currencyCode the ISO 4217 code (field {@code currency})
   * @param unitSymbol the unit symbol (field {@code unit})
   * @return the unit price, or the violations
   */
  public static Validation<Seq<Violation>, UnitPrice> validated(
      String amount, String currencyCode, String unitSymbol) {
    Validation<Seq<Violation>, BigDecimal> parsedAmount =
        amount != null && !amount.isEmpty() && amount.length() <= Checks.MAX_DECIMAL_TEXT && Checks.isPlainDecimal(amount)
            ? Validation.valid(new BigDecimal(amount))
            : Checks.invalid("unit_price.amount.malformed", "amount",
                "Expected a plain decimal such as '1280.00', but got " + Checks.quote(amount));
    Validation<Seq<Violation>, Currency> currency = Money.currencyOf(currencyCode, "currency");
    Validation<Seq<Violation>, QuantityUnit> unit = QuantityUnit.fromSymbol(unitSymbol, "unit");
    if (parsedAmount.isInvalid() || currency.isInvalid() || unit.isInvalid()) {
      return Validation.invalid(Checks.errors(parsedAmount)
          .appendAll(Checks.errors(currency)).appendAll(Checks.errors(unit)));
    }
    return checked(parsedAmount.get(), currency.get(), unit.get());
  }

  /** Returns the price of one unit, with at least the currency's minor-unit decimals. */
  public BigDecimal amount() {
    return amount;
  }

  /** Returns the currency. */
  public Currency currency() {
    return currency;
  }

  /** Returns the unit priced. */
  public QuantityUnit unit() {
    return unit;
  }

  /**
   * Returns the price of a quantity: this price times the quantity converted exactly into the
   * priced unit, rounded once to the currency's minor unit.
   *
   * @param quantity the quantity, in any unit of the same dimension
   * @param rounding how to round to the minor unit
   * @return the price of the quantity
   * @throws NullPointerException if an argument is null
   * @throws UnitMismatchException if the quantity measures another dimension
   * @throws ArithmeticException if the rounding is {@code UNNECESSARY} and rounding is needed
   */
  public Money priceOf(Quantity quantity, RoundingMode rounding) {
    requireNonNull(quantity, "quantity");
    requireNonNull(rounding, "rounding");
    if (!unit.isConvertibleTo(quantity.unit())) {
      throw new UnitMismatchException(unit, quantity.unit());
    }
    int scale = currency.getDefaultFractionDigits();
    BigDecimal total = quantity.unit() == unit
        ? amount.multiply(quantity.amount()).setScale(scale, rounding)
        : amount.multiply(quantity.inBase()).divide(unit.sizeInBaseUnit(), scale, rounding);
    return Money.of(total, currency);
  }

  /** Returns whether the other object is a unit price with the same amount, currency and unit. */
  @Override
  public boolean equals(Object other) {
    return other instanceof UnitPrice
        && unit == ((UnitPrice) other).unit
        && currency.equals(((UnitPrice) other).currency)
        && amount.equals(((UnitPrice) other).amount);
  }

  @Override
  public int hashCode() {
    return (currency.hashCode() * 31 + amount.hashCode()) * 31 + unit.hashCode();
  }

  /** Returns the price and unit, such as {@code "CNY 1280.00/jin"}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString() + "/" + unit.symbol();
  }

  private static Validation<Seq<Violation>, UnitPrice> checked(
      BigDecimal amount, Currency currency, QuantityUnit unit) {
    int minor = currency.getDefaultFractionDigits();
    if (minor < 0) {
      return Checks.invalid("money.currency.no_minor_unit", "currency",
          currency.getCurrencyCode() + " has no minor unit and cannot be used for money");
    }
    if (amount.signum() < 0) {
      return Checks.invalid("unit_price.amount.negative", "amount",
          "A unit price cannot be negative, but got " + Checks.quote(amount.toPlainString()));
    }
    BigDecimal normal = Checks.normalise(amount);
    if (normal.precision() > Checks.MAX_DIGITS) {
      return Checks.invalid("unit_price.amount.too_large", "amount",
          "A unit price has at most " + Checks.MAX_DIGITS + " digits");
    }
    if (normal.scale() > minor + EXTRA_DECIMALS) {
      return Checks.invalid("unit_price.amount.too_many_decimals", "amount",
          "A " + currency.getCurrencyCode() + " unit price has at most " + (minor + EXTRA_DECIMALS)
              + " decimals, but got " + Checks.quote(amount.toPlainString()));
    }
    return Validation.valid(new UnitPrice(normal.setScale(Math.max(minor, normal.scale())),
        currency, unit));
  }
}
