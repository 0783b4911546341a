package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

/**
 * Rewards a member who brings in another (社交裂变): once the referral completes, the referrer and
 * the referred member each earn points, and the referrer's completed referrals count towards
 * {@link TierThreshold.Referrals} thresholds. A referred member completes one referral at most.
 * Checked as part of its {@link LoyaltyProgram}. Immutable and thread-safe.
 *
 * @param trigger when the referral completes
 * @param currency the currency both rewards are paid in, declared by the program
 * @param referrerPoints what the referrer earns, zero or positive
 * @param referredPoints what the referred member earns, zero or positive
 */
public record ReferralRule(ReferralTrigger trigger, PointCurrency currency, long referrerPoints,
    long referredPoints) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ReferralRule {
    requireNonNull(trigger, "trigger");
    requireNonNull(currency, "currency");
  }
}
