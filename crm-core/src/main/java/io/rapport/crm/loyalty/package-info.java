/**
 * Loyalty: the lot-based points ledger of a member's account.
 *
 * <ul>
 *   <li>{@link io.rapport.crm.loyalty.PointsLedger}: an immutable value holding the member's
 *       {@link io.rapport.crm.loyalty.PointsLot}s in one or more
 *       {@link io.rapport.crm.loyalty.PointCurrency}s, a journal of
 *       {@link io.rapport.crm.loyalty.LedgerEntry}s and the debt a
 *       {@link io.rapport.crm.loyalty.NegativeBalancePolicy} allows. Commands earn, redeem (by a
 *       {@link io.rapport.crm.loyalty.RedemptionOrder}), expire, adjust, claw back and reverse
 *       redemptions; each answers one {@link io.rapport.crm.loyalty.LedgerEvent} or a
 *       {@link io.rapport.crm.loyalty.LedgerRejection}.</li>
 *   <li>{@link io.rapport.crm.loyalty.PointsExpiry}: when an earned lot expires (never, after N
 *       days, at the end of a month or of the year), computed in the program's time zone.</li>
 *   <li>{@link io.rapport.crm.loyalty.LoyaltyProgram}: a program's currencies, earn rules, tier
 *       ladder and referral reward, defined from a {@link io.rapport.crm.loyalty.ProgramDraft} with
 *       every broken invariant reported; {@link io.rapport.crm.loyalty.EarnCalculator} explains
 *       what an activity earns under it, rule by rule; {@link io.rapport.crm.loyalty.LoyaltyPrograms}
 *       builds a ready standard program.</li>
 * </ul>
 *
 * <p>See docs/guides/loyalty-ledger.md.
 */
package io.rapport.crm.loyalty;
