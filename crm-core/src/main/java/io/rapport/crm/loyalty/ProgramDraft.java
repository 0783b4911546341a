package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Holds a loyalty program's configuration as given, before {@link LoyaltyProgram#define} checks
 * it. Immutable and thread-safe.
 *
 * @param name the program's name, not blank
 * @param zone the time zone its days, months, years and windows are counted in
 * @param spendCurrency the money currency of per-spend earn rules and spend thresholds
 * @param currencies the point currencies, each declared once
 * @param earnRules the earn rules, codes unique
 * @param ladder the tiers
 * @param referral the referral reward, or empty for none
 * @param redemptionOrder which lots redemptions use first
 * @param negativeBalance what a clawback of already-spent points does
 * @param pendingDays for how many days points earned by a purchase stay locked (the return
 *     window), 0 for none
 */
public record ProgramDraft(String name, ZoneId zone, Currency spendCurrency,
    Seq<ProgramCurrency> currencies, Seq<EarnRule> earnRules, TierLadder ladder,
    Option<ReferralRule> referral, RedemptionOrder redemptionOrder,
    NegativeBalancePolicy negativeBalance, int pendingDays) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or the referral is null
   */
  public ProgramDraft {
    requireNonNull(name, "name");
    requireNonNull(zone, "zone");
    requireNonNull(spendCurrency, "spendCurrency");
    requireNonNull(currencies, "currencies");
    requireNonNull(earnRules, "earnRules");
    requireNonNull(ladder, "ladder");
    requireNonNull(referral, "referral");
    requireNonNull(redemptionOrder, "redemptionOrder");
    requireNonNull(negativeBalance, "negativeBalance");
    currencies.forEach(value -> requireNonNull(value, "currencies"));
    earnRules.forEach(value -> requireNonNull(value, "earnRules"));
    referral.forEach(value -> requireNonNull(value, "referral"));
  }

  /** Returns a zero spend in the spend currency (a convenience for thresholds and rules). */
  public Money zeroSpend() {
    return Money.zero(spendCurrency);
  }
}
