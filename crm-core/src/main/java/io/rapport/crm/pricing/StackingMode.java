package io.rapport.crm.pricing;

/**
 * Says how a {@link PricingRule} combines with the other rules that apply to the same cart. Rules
 * are considered in priority order, higher first (ties in rule-set order).
 */
public enum StackingMode {
  /** Applies together with every other applicable rule, on the price the earlier rules left. */
  STACKABLE,
  /**
   * Applies alone: only when it is the only rule applying to its lines (for a line rule) or to
   * the cart (for a rule without line conditions); otherwise it is not applied, and the quote
   * says which rules it met.
   */
  EXCLUSIVE,
  /** Applies, then no rule of lower priority is considered for its lines. */
  STOP_AFTER,
  /**
   * Competes within its {@link PricingRule#group() group}: of the group's applicable rules, only
   * the one giving the largest discount applies (ties go to the higher priority, then to the
   * earlier rule in the set).
   */
  BEST_IN_GROUP
}
