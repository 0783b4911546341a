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
 * </ul>
 *
 * <p>See docs/guides/loyalty-ledger.md.
 */
package io.rapport.crm.loyalty;
