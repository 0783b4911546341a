package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.control.Option;

/**
 * Limits what a {@link PricingRule} gives: at most so much discount per line and per order, and
 * at most so many uses per coupon code and per customer. Every cap, when present, is positive
 * (checked with the rule set); usage counts come from the quote's context. Immutable and
 * thread-safe.
 *
 * @param maxPerLine the most discount the rule gives one line, or empty for no cap
 * @param maxPerOrder the most discount the rule gives one order, or empty for no cap
 * @param maxUsesPerCoupon how many orders may use the rule's coupon in all, or empty for no cap;
 *     only on a rule with a {@link Condition.Coupon} condition
 * @param maxUsesPerCustomer how many orders of one customer the rule may apply to, or empty for
 *     no cap
 */
public record RuleCaps(Option<Money> maxPerLine, Option<Money> maxPerOrder,
    Option<Long> maxUsesPerCoupon, Option<Long> maxUsesPerCustomer) {

  /** No caps at all. */
  public static final RuleCaps NONE = new RuleCaps(Option.none(), Option.none(), Option.none(),
      Option.none());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   */
  public RuleCaps {
    requireNonNull(maxPerLine, "maxPerLine");
    requireNonNull(maxPerOrder, "maxPerOrder");
    requireNonNull(maxUsesPerCoupon, "maxUsesPerCoupon");
    requireNonNull(maxUsesPerCustomer, "maxUsesPerCustomer");
    maxPerLine.forEach(value -> requireNonNull(value, "maxPerLine"));
    maxPerOrder.forEach(value -> requireNonNull(value, "maxPerOrder"));
    maxUsesPerCoupon.forEach(value -> requireNonNull(value, "maxUsesPerCoupon"));
    maxUsesPerCustomer.forEach(value -> requireNonNull(value, "maxUsesPerCustomer"));
  }

  /** Tells whether no cap is set. */
  public boolean isNone() {
    return equals(NONE);
  }
}
