package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

/**
 * Explains why an earn rule paid nothing for an activity. Immutable and thread-safe.
 *
 * @param rule the earn rule's code
 * @param code why, as a stable code such as {@code loyalty.earn.outside_window},
 *     {@code loyalty.earn.channel}, {@code loyalty.earn.no_eligible_line},
 *     {@code loyalty.earn.other_event}, {@code loyalty.earn.capped}, {@code loyalty.earn.zero}
 * @param reason a readable explanation
 */
public record SkippedRule(String rule, String code, String reason) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SkippedRule {
    requireNonNull(rule, "rule");
    requireNonNull(code, "code");
    requireNonNull(reason, "reason");
  }
}
