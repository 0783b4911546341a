package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.UnitPrice;

/**
 * Says what a {@link PricingRule} does to its lines (the lines its line conditions select, see
 * {@link Condition}). Immutable and thread-safe.
 *
 * <p>Every action lowers a price or leaves it: an action that would raise a line's price (a fixed
 * price or an override above the current price) is not applied, and the quote says so. Amounts
 * are in the rule set's currency; the component checks (percentages 0 to 100 %, amounts
 * positive, counts at least 1) are made with the rule set, see {@link RuleSet}. Where an action
 * produces fractions of a minor unit, they are rounded as the rule set's {@link RoundingPolicy}
 * says.
 */
public sealed interface DiscountAction permits DiscountAction.PercentOff,
    DiscountAction.AmountOff, DiscountAction.FixedPrice, DiscountAction.UnitPriceOverride,
    DiscountAction.BuyXGetY, DiscountAction.FreeItem, DiscountAction.TierBenefitDiscount {

  /** Says what an {@link AmountOff} amount is taken from. */
  enum AmountBasis {
    /** The amount comes off every unit of each of the rule's lines (times the quantity). */
    UNIT,
    /** The amount comes off each of the rule's lines once. */
    LINE,
    /**
     * The amount comes off the rule's lines together, once per cart: it is spread over them in
     * proportion to their current totals with {@link Money#allocate(long...)} on their minor
     * units, so the parts are whole minor units, sum exactly to the amount, and any remainder
     * minor units go to the first lines in cart order.
     */
    ORDER
  }

  /**
   * Takes a percentage off each of the rule's lines. Immutable and thread-safe.
   *
   * @param off the percentage taken off, 0 to 100 %
   */
  record PercentOff(Percentage off) implements DiscountAction {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if off is null
     */
    public PercentOff {
      requireNonNull(off, "off");
    }
  }

  /**
   * Takes an amount off per unit, per line or per order (see {@link AmountBasis}); a line never
   * goes below zero. Immutable and thread-safe.
   *
   * @param amount the amount taken off, positive
   * @param per what the amount is taken from
   */
  record AmountOff(Money amount, AmountBasis per) implements DiscountAction {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public AmountOff {
      requireNonNull(amount, "amount");
      requireNonNull(per, "per");
    }
  }

  /**
   * Sets each of the rule's lines to a total, whatever its quantity, when that total is below
   * the line's current price (a bundle price). Immutable and thread-safe.
   *
   * @param lineTotal the line's new total, zero or positive
   */
  record FixedPrice(Money lineTotal) implements DiscountAction {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if lineTotal is null
     */
    public FixedPrice {
      requireNonNull(lineTotal, "lineTotal");
    }
  }

  /**
   * Prices each of the rule's lines at this unit price instead of the selected one, when that is
   * lower; the line's quantity is converted exactly to the price's unit, and a line whose unit
   * does not convert is left alone. Immutable and thread-safe.
   *
   * @param price the unit price used instead, in the rule set's currency
   */
  record UnitPriceOverride(UnitPrice price) implements DiscountAction {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if price is null
     */
    public UnitPriceOverride {
      requireNonNull(price, "price");
    }
  }

  /**
   * Buy {@code buy}, get {@code get} at {@code off}: the rule's lines measured in pieces are
   * pooled; for every full group of {@code buy + get} pieces, the {@code get} cheapest pieces of
   * the pool get {@code off} (100 % for "free"). Lines measured by weight do not take part.
   * Immutable and thread-safe.
   *
   * @param buy the pieces paid in full per group, at least 1
   * @param get the pieces discounted per group, at least 1
   * @param off the discount on those pieces, 0 to 100 %
   */
  record BuyXGetY(long buy, long get, Percentage off) implements DiscountAction {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if off is null
     */
    public BuyXGetY {
      requireNonNull(off, "off");
    }
  }

  /**
   * Gives a quantity of a product free: up to {@code quantity} of that product's lines in the
   * cart (converted exactly) are discounted in full; a cart holding less gets what it holds free,
   * and a cart without the product gets nothing from this rule (the quote says why). Immutable
   * and thread-safe.
   *
   * @param product the product given, known to the catalogue
   * @param quantity how much of it, above zero
   */
  record FreeItem(ProductId product, Quantity quantity) implements DiscountAction {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public FreeItem {
      requireNonNull(product, "product");
      requireNonNull(quantity, "quantity");
    }
  }

  /**
   * Takes the customer's loyalty tier benefit discount (read from the quote's customer context)
   * off each of the rule's lines; a customer without a tier, or a tier without a discount, gets
   * nothing from this rule. Immutable and thread-safe.
   */
  record TierBenefitDiscount() implements DiscountAction {}
}
