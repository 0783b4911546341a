package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;

/**
 * Explains the price of one cart line: the selected base price, the base amount (unit price
 * times quantity, exact), every adjustment applied with its rule and reason, the floor no
 * discount goes below, the exact final amount ({@code baseAmount} plus the adjustments, exactly),
 * the rounded amount when the rule set rounds per line, and every rule considered for the line
 * but not applied. Exact amounts are in the quote's currency. Immutable and thread-safe.
 *
 * @param lineId the cart line's id
 * @param product the product
 * @param quantity the quantity
 * @param base the price selected, with its explanation
 * @param baseAmount the unit price times the quantity, exact
 * @param floorAmount the least the line may cost after discounts, exact (zero, the entry's floor
 *     times the quantity, or the cost plus the minimum margin times the quantity, whichever is
 *     highest, but never above the base amount)
 * @param adjustments the adjustments, in the order they were applied
 * @param finalAmount the base amount plus the adjustments, exact, before rounding
 * @param roundedAmount the final amount rounded, when the rule set rounds per line; else empty
 * @param notApplied the rules considered for this line but not applied, with why
 */
public record QuoteLine(String lineId, ProductId product, Quantity quantity,
    PriceSelection base, BigDecimal baseAmount, BigDecimal floorAmount,
    Seq<QuoteAdjustment> adjustments, BigDecimal finalAmount, Option<Money> roundedAmount,
    Seq<RuleNotApplied> notApplied) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public QuoteLine {
    requireNonNull(lineId, "lineId");
    requireNonNull(product, "product");
    requireNonNull(quantity, "quantity");
    requireNonNull(base, "base");
    requireNonNull(baseAmount, "baseAmount");
    requireNonNull(floorAmount, "floorAmount");
    requireNonNull(adjustments, "adjustments");
    requireNonNull(finalAmount, "finalAmount");
    requireNonNull(roundedAmount, "roundedAmount");
    requireNonNull(notApplied, "notApplied");
    Elements.requireNoNulls(adjustments, "adjustments");
    if (roundedAmount.isDefined()) {
      requireNonNull(roundedAmount.get(), "roundedAmount");
    }
    Elements.requireNoNulls(notApplied, "notApplied");
  }

  /** Returns the sum of the adjustments, zero or below, exact. */
  public BigDecimal adjustmentTotal() {
    BigDecimal sum = BigDecimal.ZERO;
    for (QuoteAdjustment adjustment : adjustments) {
      sum = sum.add(adjustment.amount());
    }
    return sum;
  }
}
