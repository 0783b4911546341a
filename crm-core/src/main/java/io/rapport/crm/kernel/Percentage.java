package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact percentage, such as {@code 12.5%}, made from a percent value or from basis points
 * (1 bp = 0.01 %). Immutable and thread-safe.
 *
 * <p>Percentages may be negative or above 100 % (a margin can be negative, growth can exceed
 * 100 %); rules that need a range check it themselves. The value is normalised, so {@code 12.50%}
 * equals {@code 12.5%}. Applying a percentage to money names its rounding.
 */
public final class Percentage implements Comparable<Percentage> {

  /** Zero percent. */
  public static final Percentage ZERO = new Percentage(BigDecimal.ZERO);
  /** One hundred percent. */
  public static final Percentage ONE_HUNDRED = new Percentage(BigDecimal.valueOf(100));

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final BigDecimal percent;

  private Percentage(BigDecimal percent) {
    this.percent = percent;
  }

  /**
   * Returns a percentage from its percent value: {@code ofPercent(new BigDecimal("12.5"))} is
   * 12.5 %.
   *
   * @param percent the percent value
   * @return the percentage
   * @throws NullPointerException if percent is null
   */
  public static Percentage ofPercent(BigDecimal percent) {
    return new Percentage(Checks.normalise(requireNonNull(percent, "percent")));
  }

  /**
   * Returns a whole-number percentage: {@code ofPercent(15)} is 15 %.
   *
   * @param percent the percent value
   * @return the percentage
   */
  public static Percentage ofPercent(long percent) {
    return ofPercent(BigDecimal.valueOf(percent));
  }

  /**
   * Returns a percentage from basis points: {@code ofBasisPoints(1250)} is 12.5 %.
   *
   * @param basisPoints the value in hundredths of a percent
   * @return the percentage
   */
  public static Percentage ofBasisPoints(long basisPoints) {
    return ofPercent(BigDecimal.valueOf(basisPoints, 2));
  }

  /**
   * Returns a percentage from a fraction: {@code ofFraction(new BigDecimal("0.125"))} is 12.5 %.
   *
   * @param fraction the fraction, where 1 is 100 %
   * @return the percentage
   * @throws NullPointerException if fraction is null
   */
  public static Percentage ofFraction(BigDecimal fraction) {
    return ofPercent(requireNonNull(fraction, "fraction").movePointRight(2));
  }

  /**
   * Parses what {@link #toString()} prints: a plain decimal followed by {@code %}, such as
   * {@code "12.5%"}.
   *
   * @param text the text to parse
   * @return the percentage
   * @throws NullPointerException if text is null
   * @throws InvalidValueException if the text is not of that form ({@code percentage.malformed})
   */
  public static Percentage parse(String text) {
    requireNonNull(text, "text");
    return Checks.orThrow(validated(text, "percentage"));
  }

  /**
   * Validates outside input such as {@code "12.5%"} or {@code "12.5"} into a percentage.
   *
   * @param text the percent value, with or without a trailing {@code %}
   * @param field the field name to report a violation under
   * @return the percentage, or a violation {@code percentage.malformed}
   */
  public static Validation<Seq<Violation>, Percentage> validated(String text, String field) {
    requireNonNull(field, "field");
    String number = text != null && text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    if (number == null || number.isEmpty() || number.length() > Checks.MAX_DECIMAL_TEXT
        || !Checks.isPlainDecimal(number)) {
      return Checks.invalid("percentage.malformed", field,
          "Expected a percentage such as '12.5%', but got " + Checks.quote(text));
    }
    return Validation.valid(ofPercent(new BigDecimal(number)));
  }

  /** Returns the percent value: 12.5 for 12.5 %. */
  public BigDecimal percent() {
    return percent;
  }

  /** Returns the fraction: 0.125 for 12.5 %. */
  public BigDecimal fraction() {
    return percent.movePointLeft(2);
  }

  /**
   * Returns the value in basis points: 1250 for 12.5 %.
   *
   * @return the basis points
   * @throws ArithmeticException if the value is not a whole number of basis points or too large
   */
  public long basisPoints() {
    return percent.movePointRight(2).longValueExact();
  }

  /**
   * Returns this percentage of an amount, rounded to the minor unit as the caller says:
   * 12.5 % of {@code EUR 10.00} is {@code EUR 1.25}.
   *
   * @param money the amount
   * @param rounding how to round to the minor unit
   * @return the part of the amount
   * @throws NullPointerException if an argument is null
   */
  public Money of(Money money, RoundingMode rounding) {
    requireNonNull(money, "money");
    return money.times(fraction(), rounding);
  }

  /** Returns 100 % minus this percentage: the complement of a 15 % discount is 85 %. */
  public Percentage complement() {
    return new Percentage(Checks.normalise(HUNDRED.subtract(percent)));
  }

  /**
   * Returns the sum of two percentages.
   *
   * @param other the percentage to add
   * @return the sum
   * @throws NullPointerException if other is null
   */
  public Percentage plus(Percentage other) {
    return new Percentage(Checks.normalise(percent.add(requireNonNull(other, "other").percent)));
  }

  /** Returns whether this is zero percent. */
  public boolean isZero() {
    return percent.signum() == 0;
  }

  /** Returns whether this is below zero percent. */
  public boolean isNegative() {
    return percent.signum() < 0;
  }

  /** Orders percentages by value. */
  @Override
  public int compareTo(Percentage other) {
    return percent.compareTo(requireNonNull(other, "other").percent);
  }

  /** Returns whether the other object is the same percentage. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Percentage && percent.equals(((Percentage) other).percent);
  }

  @Override
  public int hashCode() {
    return percent.hashCode();
  }

  /** Returns the plain percent value and a percent sign, such as {@code "12.5%"}. */
  @Override
  public String toString() {
    return percent.toPlainString() + "%";
  }
}
