package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * Gives one cart line's amounts without their explanation, as {@link QuoteEngine#totals} returns
 * them: the same numbers as the line's {@link QuoteLine}. Behaves as a record of its four
 * amounts (equality, hash code and text are those of the values the accessors return); the
 * engine may keep the amounts as whole numbers of their last decimal and make the decimals when
 * they are read. Immutable and thread-safe.
 */
public final class LineTotal {

  private final String lineId;
  /* Either the decimals (from the constructor), or their unscaled values and scales. */
  private final BigDecimal baseAmount;
  private final BigDecimal finalAmount;
  private final Option<Money> roundedAmount;
  private final long baseUnscaled;
  private final int baseScale;
  private final long finalUnscaled;
  private final int finalScale;
  private final long roundedMinor;
  /* The currency of the rounded amount, null when the line is not rounded. */
  private final Currency currency;

  /**
   * Returns a line's amounts.
   *
   * @param lineId the cart line's id
   * @param baseAmount the unit price times the quantity, exact
   * @param finalAmount the base amount plus the adjustments, exact, before rounding
   * @param roundedAmount the final amount rounded, when the rule set rounds per line; else empty
   * @throws NullPointerException if an argument or the optional value is null
   */
  public LineTotal(String lineId, BigDecimal baseAmount, BigDecimal finalAmount,
      Option<Money> roundedAmount) {
    this.lineId = requireNonNull(lineId, "lineId");
    this.baseAmount = requireNonNull(baseAmount, "baseAmount");
    this.finalAmount = requireNonNull(finalAmount, "finalAmount");
    this.roundedAmount = requireNonNull(roundedAmount, "roundedAmount");
    if (roundedAmount.isDefined()) {
      requireNonNull(roundedAmount.get(), "roundedAmount");
    }
    this.baseUnscaled = 0;
    this.baseScale = 0;
    this.finalUnscaled = 0;
    this.finalScale = 0;
    this.roundedMinor = 0;
    this.currency = null;
  }

  private LineTotal(String lineId, long baseUnscaled, int baseScale, long finalUnscaled,
      int finalScale, long roundedMinor, Currency currency) {
    this.lineId = lineId;
    this.baseAmount = null;
    this.finalAmount = null;
    this.roundedAmount = null;
    this.baseUnscaled = baseUnscaled;
    this.baseScale = baseScale;
    this.finalUnscaled = finalUnscaled;
    this.finalScale = finalScale;
    this.roundedMinor = roundedMinor;
    this.currency = currency;
  }

  /**
   * Returns a line's amounts given as unscaled values and scales, the rounded amount in minor
   * units of a currency with a minor unit (none when {@code currency} is null).
   */
  static LineTotal ofUnscaled(String lineId, long baseUnscaled, int baseScale,
      long finalUnscaled, int finalScale, long roundedMinor, Currency currency) {
    return new LineTotal(lineId, baseUnscaled, baseScale, finalUnscaled, finalScale,
        roundedMinor, currency);
  }

  /**
   * Returns a quoted line's amounts.
   *
   * @param line the quoted line
   * @return its totals
   * @throws NullPointerException if line is null
   */
  public static LineTotal of(QuoteLine line) {
    requireNonNull(line, "line");
    return new LineTotal(line.lineId(), line.baseAmount(), line.finalAmount(),
        line.roundedAmount());
  }

  /**
   * Returns the cart line's id.
   *
   * @return the line id
   */
  public String lineId() {
    return lineId;
  }

  /**
   * Returns the unit price times the quantity, exact.
   *
   * @return the base amount
   */
  public BigDecimal baseAmount() {
    return baseAmount != null ? baseAmount : BigDecimal.valueOf(baseUnscaled, baseScale);
  }

  /**
   * Returns the base amount plus the adjustments, exact, before rounding.
   *
   * @return the final amount
   */
  public BigDecimal finalAmount() {
    return finalAmount != null ? finalAmount : BigDecimal.valueOf(finalUnscaled, finalScale);
  }

  /**
   * Returns the final amount rounded, when the rule set rounds per line.
   *
   * @return the rounded amount, or empty when the rule set rounds the order's total only
   */
  public Option<Money> roundedAmount() {
    if (roundedAmount != null) {
      return roundedAmount;
    }
    return currency == null ? Option.none() : Option.some(Money.of(
        BigDecimal.valueOf(roundedMinor, currency.getDefaultFractionDigits()), currency));
  }

  /**
   * Tells whether another object is a line total of equal components (amounts compared as
   * {@link BigDecimal#equals} does, scale included).
   *
   * @param other the object to compare with
   * @return true if equal
   */
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof LineTotal that && lineId.equals(that.lineId)
        && baseAmount().equals(that.baseAmount()) && finalAmount().equals(that.finalAmount())
        && roundedAmount().equals(that.roundedAmount());
  }

  /**
   * Returns a hash code of the components.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(lineId, baseAmount(), finalAmount(), roundedAmount());
  }

  /**
   * Returns the components as a record would print them.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "LineTotal[lineId=" + lineId + ", baseAmount=" + baseAmount() + ", finalAmount="
        + finalAmount() + ", roundedAmount=" + roundedAmount() + "]";
  }
}
