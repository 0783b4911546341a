package io.rapport.crm.pricing;

/**
 * Says whether a rule set may hold discount rules at all.
 */
public enum DiscountPolicy {
  /** Discount rules may be configured and applied. */
  DISCOUNTS_ALLOWED,
  /**
   * No discounts (不折不扣: the price is the price): a rule set under this policy holds no rules,
   * every configured rule is refused ({@code pricing.policy.no_discounts}), and quotes show the
   * selected prices only.
   */
  NO_DISCOUNTS
}
