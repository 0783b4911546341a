package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Explains the points one earn rule pays for an activity: the points before the tier multiplier,
 * the multiplier, the points after it, and what a cap took off. Immutable and thread-safe.
 *
 * @param rule the earn rule's code
 * @param currency the currency
 * @param basePoints the points the rule's basis gives, zero or positive
 * @param multiplier the tier multiplier applied, 1 if none
 * @param cappedBy how many points the rule's caps took off, zero or positive
 * @param points the points paid: {@code basePoints × multiplier} rounded down, less
 *     {@code cappedBy}; positive
 * @param explanation a readable account, such as {@code 3 × 1 point per CNY 10.00 of CNY 35.00}
 */
public record PointsAward(String rule, PointCurrency currency, long basePoints,
    BigDecimal multiplier, long cappedBy, long points, String explanation) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PointsAward {
    requireNonNull(rule, "rule");
    requireNonNull(currency, "currency");
    requireNonNull(multiplier, "multiplier");
    requireNonNull(explanation, "explanation");
  }
}
