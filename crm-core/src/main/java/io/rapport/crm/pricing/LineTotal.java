package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.control.Option;
import java.math.BigDecimal;

/**
 * Gives one cart line's amounts without their explanation, as {@link QuoteEngine#totals} returns
 * them: the same numbers as the line's {@link QuoteLine}. Immutable and thread-safe.
 *
 * @param lineId the cart line's id
 * @param baseAmount the unit price times the quantity, exact
 * @param finalAmount the base amount plus the adjustments, exact, before rounding
 * @param roundedAmount the final amount rounded, when the rule set rounds per line; else empty
 */
public record LineTotal(String lineId, BigDecimal baseAmount, BigDecimal finalAmount,
    Option<Money> roundedAmount) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   */
  public LineTotal {
    requireNonNull(lineId, "lineId");
    requireNonNull(baseAmount, "baseAmount");
    requireNonNull(finalAmount, "finalAmount");
    requireNonNull(roundedAmount, "roundedAmount");
    if (roundedAmount.isDefined()) {
      requireNonNull(roundedAmount.get(), "roundedAmount");
    }
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
}
