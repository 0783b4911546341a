package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PricingRuleId;

/**
 * Explains why a rule was considered but not applied, to the cart ({@link Quote#notApplied()})
 * or to one line ({@link QuoteLine#notApplied()}). The codes are listed on
 * {@link QuoteEngine}. Immutable and thread-safe.
 *
 * @param rule the rule
 * @param code why, as a stable code such as {@code pricing.rule.condition_failed}
 * @param reason a readable explanation
 */
public record RuleNotApplied(PricingRuleId rule, String code, String reason) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public RuleNotApplied {
    requireNonNull(rule, "rule");
    requireNonNull(code, "code");
    requireNonNull(reason, "reason");
  }
}
