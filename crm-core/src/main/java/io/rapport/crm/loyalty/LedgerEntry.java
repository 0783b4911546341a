package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.RecordRef;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records one change of a {@link PointsLedger} in its journal, with the lots it touched, so the
 * balance can be explained and audited: what was earned, which lots paid a redemption, what
 * expired, what was adjusted by whom, what a clawback took back and what a reversed redemption
 * gave back.
 */
public sealed interface LedgerEntry {

  /** Returns when the change happened. */
  Instant at();

  /**
   * Returns how much the change moved the balance of a currency: positive for points added,
   * negative for points taken (a debt counts as points taken).
   *
   * @param currency the currency
   * @return the signed change, 0 if the entry does not concern that currency
   */
  long balanceChange(PointCurrency currency);

  private static long sum(Seq<LotShare> shares, PointCurrency currency) {
    long total = 0;
    for (LotShare share : shares) {
      if (share.currency().equals(currency)) {
        total += share.amount();
      }
    }
    return total;
  }

  /**
   * Records points earned into a new lot. Immutable and thread-safe.
   *
   * @param at when
   * @param lot the new lot's number
   * @param currency its currency
   * @param amount the points earned
   * @param debtPaid the part of them that paid an earlier debt first, so is not in the lot
   * @param expiresAt when the lot expires, or empty
   * @param lockedUntil until when its points are pending, or empty
   * @param source what earned them
   */
  record Earned(Instant at, int lot, PointCurrency currency, long amount, long debtPaid,
      Option<Instant> expiresAt, Option<Instant> lockedUntil, RecordRef source)
      implements LedgerEntry {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Earned {
      requireNonNull(at, "at");
      requireNonNull(currency, "currency");
      requireNonNull(expiresAt, "expiresAt");
      requireNonNull(lockedUntil, "lockedUntil");
      requireNonNull(source, "source");
    }

    /** Returns the amount for its currency, else 0. */
    @Override
    public long balanceChange(PointCurrency of) {
      return currency.equals(of) ? amount : 0;
    }
  }

  /**
   * Records a redemption and the lots that paid it. Immutable and thread-safe.
   *
   * @param at when
   * @param currency the currency redeemed
   * @param amount the points redeemed
   * @param order the order the lots were consumed in
   * @param paidBy the lots that paid, in the order consumed; their amounts add up to the amount
   * @param source what the points paid for, such as an order or a reward
   */
  record Redeemed(Instant at, PointCurrency currency, long amount, RedemptionOrder order,
      Seq<LotShare> paidBy, RecordRef source) implements LedgerEntry {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Redeemed {
      requireNonNull(at, "at");
      requireNonNull(currency, "currency");
      requireNonNull(order, "order");
      requireNonNull(paidBy, "paidBy");
      requireNonNull(source, "source");
    }

    /** Returns minus the amount for its currency, else 0. */
    @Override
    public long balanceChange(PointCurrency of) {
      return currency.equals(of) ? -amount : 0;
    }
  }

  /**
   * Records the points that expired as of an instant. Immutable and thread-safe.
   *
   * @param at when the expiry was applied
   * @param asOf the instant it was applied as of: every lot expiring at or before it
   * @param lots what each expired lot still held
   */
  record Expired(Instant at, Instant asOf, Seq<LotShare> lots) implements LedgerEntry {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Expired {
      requireNonNull(at, "at");
      requireNonNull(asOf, "asOf");
      requireNonNull(lots, "lots");
    }

    /** Returns minus the expired points of the currency. */
    @Override
    public long balanceChange(PointCurrency of) {
      return -sum(lots, of);
    }
  }

  /**
   * Records a manual correction. A positive adjustment opens a never-expiring lot (after paying
   * any debt); a negative one takes points from live lots, oldest first, and, where the policy
   * allows, leaves the rest as debt. Immutable and thread-safe.
   *
   * @param at when
   * @param currency the currency
   * @param amount the signed correction, not zero
   * @param lot the lot a positive adjustment opened, or empty
   * @param debtPaid the part of a positive adjustment that paid debt
   * @param taken the lots a negative adjustment took from
   * @param debtIncurred the part of a negative adjustment the lots did not cover
   * @param reason why
   * @param actor who made it
   */
  record Adjusted(Instant at, PointCurrency currency, long amount, Option<Integer> lot,
      long debtPaid, Seq<LotShare> taken, long debtIncurred, String reason, ActorId actor)
      implements LedgerEntry {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Adjusted {
      requireNonNull(at, "at");
      requireNonNull(currency, "currency");
      requireNonNull(lot, "lot");
      requireNonNull(taken, "taken");
      requireNonNull(reason, "reason");
      requireNonNull(actor, "actor");
    }

    /** Returns the signed amount for its currency, else 0. */
    @Override
    public long balanceChange(PointCurrency of) {
      return currency.equals(of) ? amount : 0;
    }

    /** Returns this adjustment with another reason, or itself when the reason is the same. */
    Adjusted withReason(String replacement) {
      return reason.equals(replacement) ? this : new Adjusted(at, currency, amount, lot, debtPaid,
          taken, debtIncurred, replacement, actor);
    }
  }

  /**
   * Records a clawback: everything one source earned is taken back, or, for a
   * {@link PointsLedger#clawBackPart partial clawback}, part of what it earned in one currency.
   * What its lots still held goes ({@code taken}); what the member already spent from them (the
   * shortfall) is taken from the member's other live lots of the currency, oldest first
   * ({@code covered}); the rest becomes debt ({@link NegativeBalancePolicy#ALLOW}) or is
   * forfeited ({@link NegativeBalancePolicy#FORFEIT}). Debt the source's earnings had paid becomes
   * debt again. A partial clawback that reaches points of the source that already expired records
   * them as forfeited too, so its taken, covered, debt and forfeited points add up to the points
   * it clawed back. Immutable and thread-safe.
   *
   * @param at when
   * @param source the source clawed back
   * @param taken what the source's lots still held
   * @param covered what the other lots gave for the shortfall
   * @param debtIncurred per currency, the debt this added
   * @param forfeited per currency, the shortfall forgiven (and, in a partial clawback, the points
   *     that had already expired)
   */
  record ClawedBack(Instant at, RecordRef source, Seq<LotShare> taken, Seq<LotShare> covered,
      Map<PointCurrency, Long> debtIncurred, Map<PointCurrency, Long> forfeited)
      implements LedgerEntry {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ClawedBack {
      requireNonNull(at, "at");
      requireNonNull(source, "source");
      requireNonNull(taken, "taken");
      requireNonNull(covered, "covered");
      requireNonNull(debtIncurred, "debtIncurred");
      requireNonNull(forfeited, "forfeited");
    }

    /** Returns minus what was taken, covered and added to debt in the currency. */
    @Override
    public long balanceChange(PointCurrency of) {
      return -(sum(taken, of) + sum(covered, of) + debtIncurred.getOrElse(of, 0L));
    }
  }

  /**
   * Records a cancelled redemption: its points go back to the lots that paid, except to lots that
   * expired or were clawed back meanwhile, whose share lapses. Immutable and thread-safe.
   *
   * @param at when
   * @param source the source whose redemptions were reversed
   * @param restored what went back to each lot
   * @param lapsed what could not go back, lot by lot
   */
  record RedemptionReversed(Instant at, RecordRef source, Seq<LotShare> restored,
      Seq<LotShare> lapsed) implements LedgerEntry {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public RedemptionReversed {
      requireNonNull(at, "at");
      requireNonNull(source, "source");
      requireNonNull(restored, "restored");
      requireNonNull(lapsed, "lapsed");
    }

    /** Returns the restored points of the currency. */
    @Override
    public long balanceChange(PointCurrency of) {
      return sum(restored, of);
    }
  }
}
