package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact, non-negative amount of goods in a unit, such as {@code 3 pc} or {@code 38.6 jin}.
 * Immutable and thread-safe.
 *
 * <p>Counts are whole numbers; weights may have decimals. Weights convert exactly between units
 * ({@code 1 kg} is {@code 2 jin}); a conversion whose result would need infinitely many decimals
 * (grams into pounds, say) is refused by {@link #to(QuantityUnit)} and must name its rounding
 * through {@link #to(QuantityUnit, int, RoundingMode)}.
 *
 * <p>The amount is normalised (no trailing zeros), so {@code 1.50 kg} equals {@code 1.5 kg};
 * quantities in different units are not {@code equals} even when they weigh the same
 * ({@code 1 kg} and {@code 1000 g}): use {@link #isEquivalentTo(Quantity)} for that.
 */
public final class Quantity implements Comparable<Quantity> {

  private final BigDecimal amount;
  private final QuantityUnit unit;

  private Quantity(BigDecimal amount, QuantityUnit unit) {
    this.amount = amount;
    this.unit = unit;
  }

  /**
   * Returns a quantity.
   *
   * @param amount the amount, zero or positive; whole for counted units
   * @param unit the unit
   * @return the quantity
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the amount is negative ({@code quantity.amount.negative}) or
   *     a count has decimals ({@code quantity.amount.fractional_count})
   */
  public static Quantity of(BigDecimal amount, QuantityUnit unit) {
    requireNonNull(amount, "amount");
    requireNonNull(unit, "unit");
    return Checks.orThrow(checked(amount, unit));
  }

  /**
   * Returns a quantity from a plain decimal, such as {@code Quantity.of("38.6", JIN)}.
   *
   * @param amount the amount as a plain decimal
   * @param unit the unit
   * @return the quantity
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the amount is malformed ({@code quantity.amount.malformed}),
   *     negative, or a count with decimals
   */
  public static Quantity of(String amount, QuantityUnit unit) {
    requireNonNull(amount, "amount");
    requireNonNull(unit, "unit");
    return Checks.orThrow(parseAmount(amount).flatMap(value -> checked(value, unit)));
  }

  /**
   * Returns a whole quantity, such as {@code Quantity.of(3, PIECE)}.
   *
   * @param amount the amount, zero or positive
   * @param unit the unit
   * @return the quantity
   * @throws NullPointerException if the unit is null
   * @throws InvalidValueException if the amount is negative
   */
  public static Quantity of(long amount, QuantityUnit unit) {
    return of(BigDecimal.valueOf(amount), unit);
  }

  /**
   * Returns a count of pieces.
   *
   * @param count the number of pieces, zero or positive
   * @return the quantity
   * @throws InvalidValueException if the count is negative
   */
  public static Quantity pieces(long count) {
    return of(count, QuantityUnit.PIECE);
  }

  /**
   * Parses what {@link #toString()} prints: a plain decimal, one space and a unit symbol, such as
   * {@code "38.6 jin"}.
   *
   * @param text the text to parse
   * @return the quantity
   * @throws NullPointerException if the text is null
   * @throws InvalidValueException if the text is not of that form ({@code quantity.malformed}),
   *     the unit is unknown, or the amount is malformed, negative or a fractional count
   */
  public static Quantity parse(String text) {
    requireNonNull(text, "text");
    int space = text.indexOf(' ');
    if (space < 1 || space != text.lastIndexOf(' ')) {
      throw new InvalidValueException(List.of(Violation.of("quantity.malformed", "quantity",
          "Expected an amount, a space and a unit, such as '38.6 jin', but got "
              + Checks.quote(text))));
    }
    return Checks.orThrow(validated(text.substring(0, space), text.substring(space + 1)));
  }

  /**
   * Validates outside input into a quantity, reporting every problem at once.
   *
   * @param amount the amount as a plain decimal (field {@code amount})
   * @param unitSymbol the unit symbol such as {@code "kg"} (field {@code unit})
   * @return the quantity, or the violations with codes {@code quantity.amount.missing},
   *     {@code quantity.amount.malformed}, {@code quantity.amount.negative},
   *     {@code quantity.amount.fractional_count} and {@code quantity.unit.unknown}
   */
  public static Validation<Seq<Violation>, Quantity> validated(String amount, String unitSymbol) {
    Validation<Seq<Violation>, BigDecimal> parsedAmount = amount == null
        ? Checks.invalid("quantity.amount.missing", "amount", "An amount is required")
        : parseAmount(amount);
    Validation<Seq<Violation>, QuantityUnit> parsedUnit = QuantityUnit.fromSymbol(unitSymbol, "unit");
    if (parsedAmount.isInvalid() || parsedUnit.isInvalid()) {
      return Validation.invalid(Checks.errors(parsedAmount).appendAll(Checks.errors(parsedUnit)));
    }
    return checked(parsedAmount.get(), parsedUnit.get());
  }

  /** Returns the amount, without trailing zeros. */
  public BigDecimal amount() {
    return amount;
  }

  /** Returns the unit. */
  public QuantityUnit unit() {
    return unit;
  }

  /** Returns whether this quantity is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * Returns this quantity in another unit of the same dimension, exactly.
   *
   * @param target the unit to convert into
   * @return the same quantity in the target unit
   * @throws NullPointerException if target is null
   * @throws UnitMismatchException if the target measures another dimension
   * @throws ArithmeticException if the result has no exact decimal form (grams into pounds)
   */
  public Quantity to(QuantityUnit target) {
    requireConvertible(target);
    if (target == unit) {
      return this;
    }
    BigDecimal grams = amount.multiply(unit.sizeInBaseUnit());
    try {
      return new Quantity(Checks.normalise(grams.divide(target.sizeInBaseUnit())), target);
    } catch (ArithmeticException inexact) {
      throw new ArithmeticException(this + " has no exact decimal form in " + target.symbol()
          + "; name a scale and rounding");
    }
  }

  /**
   * Returns this quantity in another unit of the same dimension, rounded to a number of decimals.
   *
   * @param target the unit to convert into
   * @param scale the number of decimals to keep (0 for counts)
   * @param rounding how to round
   * @return the converted, rounded quantity
   * @throws NullPointerException if an argument is null
   * @throws UnitMismatchException if the target measures another dimension
   * @throws InvalidValueException if rounding a count leaves decimals
   */
  public Quantity to(QuantityUnit target, int scale, RoundingMode rounding) {
    requireConvertible(target);
    requireNonNull(rounding, "rounding");
    BigDecimal grams = amount.multiply(unit.sizeInBaseUnit());
    return of(grams.divide(target.sizeInBaseUnit(), scale, rounding), target);
  }

  /**
   * Returns the sum of two quantities of one dimension. In the same unit the sum keeps it;
   * otherwise it is given in the dimension's base unit (grams), where every weight is exact.
   *
   * @param other the quantity to add
   * @return the exact sum
   * @throws NullPointerException if other is null
   * @throws UnitMismatchException if the dimensions differ
   */
  public Quantity plus(Quantity other) {
    requireConvertible(requireNonNull(other, "other").unit);
    if (other.unit == unit) {
      return new Quantity(Checks.normalise(amount.add(other.amount)), unit);
    }
    return new Quantity(Checks.normalise(inBase().add(other.inBase())), unit.baseUnit());
  }

  /**
   * Returns this quantity less another of the same dimension, in this unit if both share it,
   * otherwise in the base unit.
   *
   * @param other the quantity to subtract, not more than this
   * @return the exact difference
   * @throws NullPointerException if other is null
   * @throws UnitMismatchException if the dimensions differ
   * @throws InvalidValueException if the result would be negative
   */
  public Quantity minus(Quantity other) {
    requireConvertible(requireNonNull(other, "other").unit);
    if (other.unit == unit) {
      return of(amount.subtract(other.amount), unit);
    }
    return of(inBase().subtract(other.inBase()), unit.baseUnit());
  }

  /**
   * Returns this quantity multiplied by a whole number, such as the weight of several identical
   * items.
   *
   * @param multiplier the multiplier, zero or positive
   * @return the product, in this unit
   * @throws InvalidValueException if the multiplier is negative
   */
  public Quantity times(long multiplier) {
    return of(amount.multiply(BigDecimal.valueOf(multiplier)), unit);
  }

  /**
   * Returns whether both quantities measure exactly the same amount, in whatever units.
   *
   * @param other the quantity to compare with
   * @return true if they are the same amount of the same dimension
   * @throws NullPointerException if other is null
   */
  public boolean isEquivalentTo(Quantity other) {
    requireNonNull(other, "other");
    return unit.isConvertibleTo(other.unit) && inBase().compareTo(other.inBase()) == 0;
  }

  /**
   * Orders quantities of one dimension by amount; equivalent quantities in different units are
   * ordered by unit, so that the order agrees with {@code equals}.
   *
   * @throws NullPointerException if other is null
   * @throws UnitMismatchException if the dimensions differ
   */
  @Override
  public int compareTo(Quantity other) {
    requireConvertible(requireNonNull(other, "other").unit);
    int byAmount = inBase().compareTo(other.inBase());
    return byAmount != 0 ? byAmount : unit.compareTo(other.unit);
  }

  /** Returns whether the other object is a quantity with the same amount and unit. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Quantity
        && unit == ((Quantity) other).unit
        && amount.equals(((Quantity) other).amount);
  }

  @Override
  public int hashCode() {
    return unit.hashCode() * 31 + amount.hashCode();
  }

  /** Returns the plain amount, a space and the unit symbol, such as {@code "38.6 jin"}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + unit.symbol();
  }

  /** Returns the amount in the base unit (pieces or grams), exactly. */
  BigDecimal inBase() {
    return amount.multiply(unit.sizeInBaseUnit());
  }

  private void requireConvertible(QuantityUnit target) {
    requireNonNull(target, "target");
    if (!unit.isConvertibleTo(target)) {
      throw new UnitMismatchException(unit, target);
    }
  }

  private static Validation<Seq<Violation>, Quantity> checked(BigDecimal amount, QuantityUnit unit) {
    if (amount.signum() < 0) {
      return Checks.invalid("quantity.amount.negative", "amount",
          "A quantity cannot be negative, but got " + Checks.quote(amount.toPlainString()));
    }
    BigDecimal normal = Checks.normalise(amount);
    if (normal.precision() > Checks.MAX_DIGITS) {
      return Checks.invalid("quantity.amount.too_large", "amount",
          "A quantity has at most " + Checks.MAX_DIGITS + " digits");
    }
    if (unit.dimension() == QuantityUnit.Dimension.COUNT && normal.scale() > 0) {
      return Checks.invalid("quantity.amount.fractional_count", "amount",
          "Counted goods come in whole " + unit.symbol() + ", but got "
              + Checks.quote(amount.toPlainString()));
    }
    return Validation.valid(new Quantity(normal, unit));
  }

  private static Validation<Seq<Violation>, BigDecimal> parseAmount(String text) {
    if (text.isEmpty() || text.length() > Checks.MAX_DECIMAL_TEXT || !Checks.isPlainDecimal(text)) {
      return Checks.invalid("quantity.amount.malformed", "amount",
          "Expected a plain decimal such as '38.6', but got " + Checks.quote(text));
    }
    return Validation.valid(new BigDecimal(text));
  }
}
