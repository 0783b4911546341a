package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Configures a loyalty program (会员体系): its point currencies, earn rules, tier ladder, referral
 * reward and ledger policies. The components mean what they mean in {@link ProgramDraft}.
 * Immutable and thread-safe.
 *
 * @param id the program's id
 * @param name the program's name
 * @param zone the time zone its days, months, years and windows are counted in
 * @param spendCurrency the money currency of per-spend earn rules and spend thresholds
 * @param currencies the point currencies
 * @param earnRules the earn rules
 * @param ladder the tiers
 * @param referral the referral reward, or empty
 * @param redemptionOrder which lots redemptions use first
 * @param negativeBalance what a clawback of already-spent points does
 * @param pendingDays for how many days purchase points stay locked
 * @param updatedAt when it was defined or last revised
 */
public record LoyaltyProgram(LoyaltyProgramId id, String name, ZoneId zone,
    Currency spendCurrency, Seq<ProgramCurrency> currencies, Seq<EarnRule> earnRules,
    TierLadder ladder, Option<ReferralRule> referral, RedemptionOrder redemptionOrder,
    NegativeBalancePolicy negativeBalance, int pendingDays, Instant updatedAt)
    implements Aggregate<LoyaltyProgramId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or the referral is null
   */
  public LoyaltyProgram {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(zone, "zone");
    requireNonNull(spendCurrency, "spendCurrency");
    requireNonNull(currencies, "currencies");
    requireNonNull(earnRules, "earnRules");
    requireNonNull(ladder, "ladder");
    requireNonNull(referral, "referral");
    requireNonNull(redemptionOrder, "redemptionOrder");
    requireNonNull(negativeBalance, "negativeBalance");
    requireNonNull(updatedAt, "updatedAt");
    currencies.forEach(value -> requireNonNull(value, "currencies"));
    earnRules.forEach(value -> requireNonNull(value, "earnRules"));
    referral.forEach(value -> requireNonNull(value, "referral"));
  }
}
