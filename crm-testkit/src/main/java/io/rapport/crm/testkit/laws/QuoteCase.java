package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.pricing.Cart;
import io.rapport.crm.pricing.CouponUsage;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.RuleSet;

/**
 * Pairs a price list and a rule set with a cart to quote and the coupon usage so far: one
 * example for {@link QuoteLaws}. Immutable and thread-safe.
 *
 * @param prices the price list
 * @param rules the rule set
 * @param cart the cart
 * @param usage the uses so far
 */
public record QuoteCase(PriceList prices, RuleSet rules, Cart cart, CouponUsage usage) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public QuoteCase {
    requireNonNull(prices, "prices");
    requireNonNull(rules, "rules");
    requireNonNull(cart, "cart");
    requireNonNull(usage, "usage");
  }

  /**
   * Returns this case with another rule set.
   *
   * @param other the rule set
   * @return the case
   * @throws NullPointerException if other is null
   */
  public QuoteCase withRules(RuleSet other) {
    return new QuoteCase(prices, other, cart, usage);
  }

  /** Returns a readable summary, for failure reports. */
  @Override
  public String toString() {
    return "QuoteCase[rules=" + rules + ", cart=" + cart + ", usage=" + usage + "]";
  }
}
