package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.LedgerEvent.PointsAdjusted;
import io.rapport.crm.loyalty.LedgerEvent.PointsClawedBack;
import io.rapport.crm.loyalty.LedgerEvent.PointsEarned;
import io.rapport.crm.loyalty.LedgerEvent.PointsExpired;
import io.rapport.crm.loyalty.LedgerEvent.PointsRedeemed;
import io.rapport.crm.loyalty.LedgerRejection.Reason;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Keeps a loyalty member's points as lots: each earning is a {@link PointsLot} with its own
 * expiry and optional lock, redemptions consume lots in a {@link RedemptionOrder} and record which
 * lots paid, and a journal of {@link LedgerEntry}s explains every change. Several
 * {@link PointCurrency}s (redeemable points, tier credits) live side by side. Immutable and
 * thread-safe.
 *
 * <p>The commands {@link #earn earn}, {@link #redeem redeem}, {@link #expire expire},
 * {@link #adjust adjust}, {@link #clawBack clawBack}, {@link #clawBackPart clawBackPart} and
 * {@link #reverseRedemption reverseRedemption} take an {@link EventStamp} and answer
 * {@code Either<LedgerRejection, Transition<PointsLedger>>} with exactly one {@link LedgerEvent}
 * (an {@code expire} that finds nothing to expire answers the same ledger and no event). None may
 * be dated before the ledger's last change ({@code loyalty.out_of_order}); a refused command
 * leaves the ledger unchanged.
 *
 * <p>Laws: the {@link #balance balance} is the sum of the live lots' remaining points less the
 * debt; it is negative only under {@link NegativeBalancePolicy#ALLOW}; the journal's
 * {@link LedgerEntry#balanceChange balance changes} add up to the {@link #bookedBalance booked
 * balance}; redemptions never use expired or locked points.
 */
public final class PointsLedger implements Aggregate<LoyaltyAccountId> {

  private final LoyaltyAccountId id;
  private final NegativeBalancePolicy policy;
  private final Vector<PointsLot> lots;
  private final Vector<LedgerEntry> journal;
  private final Map<PointCurrency, Long> debt;
  private final Map<PointCurrency, Long> booked;
  private final Set<RecordRef> clawedBack;
  private final Set<RecordRef> reversed;
  private final Option<Instant> updatedAt;

  private PointsLedger(LoyaltyAccountId id, NegativeBalancePolicy policy, Vector<PointsLot> lots,
      Vector<LedgerEntry> journal, Map<PointCurrency, Long> debt, Map<PointCurrency, Long> booked,
      Set<RecordRef> clawedBack, Set<RecordRef> reversed, Option<Instant> updatedAt) {
    this.id = id;
    this.policy = policy;
    this.lots = lots;
    this.journal = journal;
    this.debt = debt;
    this.booked = booked;
    this.clawedBack = clawedBack;
    this.reversed = reversed;
    this.updatedAt = updatedAt;
  }

  /**
   * Returns an empty ledger for an account.
   *
   * @param id the account
   * @param policy what a clawback of spent points does
   * @return the ledger, without lots, entries or debt
   * @throws NullPointerException if an argument is null
   */
  public static PointsLedger open(LoyaltyAccountId id, NegativeBalancePolicy policy) {
    requireNonNull(id, "id");
    requireNonNull(policy, "policy");
    return new PointsLedger(id, policy, Vector.empty(), Vector.empty(), HashMap.empty(),
        HashMap.empty(), HashSet.empty(), HashSet.empty(), Option.none());
  }

  /**
   * Rebuilds a ledger from what storage kept of it: its lots, journal, debt and reversed sources.
   * The booked balances are recomputed from the lots.
   *
   * @param id the account
   * @param policy what a clawback of spent points does
   * @param lots the lots, numbered 1, 2, … in order
   * @param journal the journal, oldest first
   * @param debt the debt per currency, each positive; only under
   *     {@link NegativeBalancePolicy#ALLOW}
   * @param clawedBack the sources whose earnings were clawed back
   * @param reversed the redemption sources that were reversed
   * @param updatedAt when it last changed, or empty if never
   * @return the ledger, or every problem: {@code loyalty.restore.lot_number} (field
   *     {@code lots}), {@code loyalty.restore.debt} (field {@code debt}),
   *     {@code loyalty.restore.journal} (field {@code journal}: its balance changes do not add up
   *     to the lots less the debt)
   * @throws NullPointerException if an argument, an element, a key or a value is null
   */
  public static io.vavr.control.Validation<Seq<io.rapport.crm.kernel.Violation>, PointsLedger>
      restore(LoyaltyAccountId id, NegativeBalancePolicy policy, Seq<PointsLot> lots,
          Seq<LedgerEntry> journal, Map<PointCurrency, Long> debt, Set<RecordRef> clawedBack,
          Set<RecordRef> reversed, Option<Instant> updatedAt) {
    requireNonNull(id, "id");
    requireNonNull(policy, "policy");
    requireNonNull(lots, "lots");
    requireNonNull(journal, "journal");
    requireNonNull(debt, "debt");
    requireNonNull(clawedBack, "clawedBack");
    requireNonNull(reversed, "reversed");
    requireNonNull(updatedAt, "updatedAt");
    lots.forEach(value -> requireNonNull(value, "lots"));
    journal.forEach(value -> requireNonNull(value, "journal"));
    debt.forEach((key, value) -> {
      requireNonNull(key, "debt");
      requireNonNull(value, "debt");
    });
    clawedBack.forEach(value -> requireNonNull(value, "clawedBack"));
    reversed.forEach(value -> requireNonNull(value, "reversed"));
    updatedAt.forEach(value -> requireNonNull(value, "updatedAt"));
    ArrayList<io.rapport.crm.kernel.Violation> problems = new ArrayList<>();
    for (int i = 0; i < lots.size(); i++) {
      if (lots.get(i).number() != i + 1) {
        problems.add(io.rapport.crm.kernel.Violation.of("loyalty.restore.lot_number", "lots",
            "Lot " + (i + 1) + " is numbered " + lots.get(i).number()));
      }
    }
    debt.forEach((currency, owed) -> {
      if (owed < 1 || policy != NegativeBalancePolicy.ALLOW) {
        problems.add(io.rapport.crm.kernel.Violation.of("loyalty.restore.debt", "debt",
            "A debt of " + owed + " " + currency + " is not possible under " + policy));
      }
    });
    Map<PointCurrency, Long> booked = HashMap.empty();
    for (PointsLot lot : lots) {
      booked = booked.put(lot.currency(), booked.get(lot.currency()).getOrElse(0L)
          + lot.remaining());
    }
    Set<PointCurrency> currencies = booked.keySet().addAll(debt.keySet());
    for (PointCurrency currency : currencies) {
      long fromJournal = 0;
      for (LedgerEntry entry : journal) {
        fromJournal += entry.balanceChange(currency);
      }
      long expected = booked.get(currency).getOrElse(0L) - debt.get(currency).getOrElse(0L);
      if (fromJournal != expected) {
        problems.add(io.rapport.crm.kernel.Violation.of("loyalty.restore.journal", "journal",
            "The journal's changes of " + currency + " add up to " + fromJournal
                + ", but the lots less the debt hold " + expected));
      }
    }
    if (!problems.isEmpty()) {
      return io.vavr.control.Validation.invalid(List.ofAll(problems));
    }
    return io.vavr.control.Validation.valid(new PointsLedger(id, policy, Vector.ofAll(lots),
        Vector.ofAll(journal), debt, booked, clawedBack, reversed, updatedAt));
  }

  /**
   * Claws back part of what a source earned in one currency, as of the stamp's time, as a partial
   * refund or return does. The points come first from the remaining points of the source's lots
   * of the currency, oldest lot first; then from what the member already spent of them, which is
   * charged exactly as {@link #clawBack(RecordRef, EventStamp) clawBack} charges spent points
   * (taken from the member's other live lots of the currency, oldest first, and the rest
   * becomes debt under {@link NegativeBalancePolicy#ALLOW}, is forfeited under
   * {@link NegativeBalancePolicy#FORFEIT} or refuses the clawback under
   * {@link NegativeBalancePolicy#REFUSE}); then from the debt the source's earnings paid, which
   * becomes debt again; and last from points of the source that already expired, which cost the
   * member nothing and are recorded as forfeited. Partial clawbacks add up; a later full
   * {@link #clawBack(RecordRef, EventStamp) clawBack} takes exactly the rest, so partial
   * clawbacks of everything a source earned leave the same balance and debt as one full
   * clawback. The {@link LedgerEntry.ClawedBack} entry's taken, covered, debt and forfeited
   * points add up to the points clawed back.
   *
   * @param source what earned the points
   * @param currency the currency
   * @param points how many points to take back, positive, at most what the source earned in the
   *     currency less what was already clawed back
   * @param stamp the event's id, time and actor
   * @return the new ledger with {@link PointsClawedBack}, or {@code loyalty.amount.not_positive},
   *     {@code loyalty.out_of_order}, {@code loyalty.source_already_reversed} (fully clawed back
   *     already), {@code loyalty.source_unknown} (no lot of the currency earned by it),
   *     {@code loyalty.clawback.exceeds_earned} (carrying the points that may still be clawed
   *     back), {@code loyalty.negative_balance_refused} (carrying the balance),
   *     {@code loyalty.amount.overflow}
   * @throws NullPointerException if an argument is null
   */
  public Either<LedgerRejection, Transition<PointsLedger>> clawBackPart(RecordRef source,
      PointCurrency currency, long points, EventStamp stamp) {
    requireNonNull(source, "source");
    requireNonNull(currency, "currency");
    requireNonNull(stamp, "stamp");
    Instant at = stamp.at();
    if (points < 1) {
      return reject(Reason.AMOUNT_NOT_POSITIVE, "Points clawed back must be positive, not "
          + points);
    }
    if (isOutOfOrder(at)) {
      return Either.left(outOfOrder(at));
    }
    if (clawedBack.contains(source)) {
      return reject(Reason.SOURCE_ALREADY_REVERSED, "What " + source
          + " earned was already clawed back");
    }
    Claim claim = source.equals(RecordRef.to(id)) ? new Claim() : claim(source, currency);
    if (claim.earned == 0) {
      return reject(Reason.SOURCE_UNKNOWN, "No " + currency + " were earned by " + source);
    }
    long left = claim.earned - claim.clawed();
    if (points > left) {
      return Either.left(new LedgerRejection(Reason.CLAWBACK_EXCEEDS_EARNED, Option.of(left),
          "Clawing back " + points + " " + currency + " of " + source + " exceeds the " + left
              + " it earned and were not yet clawed back"));
    }
    Vector<PointsLot> next = lots;
    ArrayList<LotShare> taken = new ArrayList<>();
    long wanted = points;
    long spentPart = Math.min(Math.max(0, wanted - claim.remaining), claim.spent);
    long release = spentPart;
    for (int i = 0; i < next.size() && (wanted > 0 || release > 0); i++) {
      PointsLot lot = next.get(i);
      if (!lot.source().equals(source) || !lot.currency().equals(currency)) {
        continue;
      }
      long part = Math.min(wanted, lot.remaining());
      long freed = Math.min(release, lot.spent());
      if (part > 0) {
        taken.add(new LotShare(lot.number(), currency, part));
      }
      if (part > 0 || freed > 0) {
        next = next.update(i, lot.with(lot.remaining() - part, lot.spent() - freed));
      }
      wanted -= part;
      release -= freed;
    }
    long fromLots = points - wanted;
    wanted -= spentPart;
    int[] live = indexes(next, currency, at, true);
    Taking covering = take(next, live, Math.min(spentPart, total(next, live)));
    next = covering.lots;
    long uncovered = spentPart - covering.taken;
    long debtAdded = 0;
    long forfeited = 0;
    if (uncovered > 0 && policy == NegativeBalancePolicy.REFUSE) {
      long balance = balance(currency, at);
      return Either.left(new LedgerRejection(Reason.NEGATIVE_BALANCE_REFUSED,
          Option.of(balance), "Clawing back " + points + " " + currency + " of " + source
              + " would take " + uncovered + " more than the balance holds, which the REFUSE"
              + " policy refuses"));
    } else if (policy == NegativeBalancePolicy.FORFEIT) {
      forfeited += uncovered;
    } else {
      debtAdded += uncovered;
    }
    long owedAgain = Math.min(wanted, claim.debtOwed(policy));
    debtAdded += owedAgain;
    forfeited += wanted - owedAgain;
    Option<Map<PointCurrency, Long>> nextDebt = plus(debt, currency, debtAdded);
    if (nextDebt.isEmpty()) {
      return Either.left(overflow(currency));
    }
    Map<PointCurrency, Long> none = LinkedHashMap.empty();
    LedgerEntry.ClawedBack entry = new LedgerEntry.ClawedBack(at, source, Vector.ofAll(taken),
        covering.shares, debtAdded > 0 ? none.put(currency, debtAdded) : none,
        forfeited > 0 ? none.put(currency, forfeited) : none);
    PointsLedger ledger = new PointsLedger(id, policy, next, journal.append(entry),
        nextDebt.get(), booked.put(currency, bookedOf(currency) - fromLots - covering.taken),
        clawedBack, reversed, Option.of(at));
    return Either.right(Transition.of(ledger, new PointsClawedBack(stamp, id, entry)));
  }

  /**
   * Sums what a source earned in a currency and what partial clawbacks already took of it. Every
   * point a source earned is, at any time, in one of these places: still in its lots
   * ({@code remaining}), spent by the member ({@code spent}), paying a debt ({@code debtPaid}),
   * expired ({@code expired}), or clawed back by a partial clawback, whose entry splits it into
   * taken, covered, debt and forfeited points.
   */
  private static final class Claim {
    long earned;
    long remaining;
    long spent;
    long debtPaid;
    long expired;
    long taken;
    long covered;
    long debtIncurred;
    long forfeited;

    long clawed() {
      return taken + covered + debtIncurred + forfeited;
    }

    /** Returns the debt the source's earnings paid that no partial clawback made debt again. */
    long debtOwed(NegativeBalancePolicy policy) {
      if (policy != NegativeBalancePolicy.ALLOW) {
        return 0;
      }
      // Spent points charged by partial clawbacks: released from the lots' spent points.
      long spentCharged = earned - remaining - spent - expired - debtPaid - taken;
      // Under ALLOW, a partial's debt is its uncovered spent points plus debt owed again.
      long owedAgain = debtIncurred - (spentCharged - covered);
      return debtPaid - owedAgain;
    }
  }

  private Claim claim(RecordRef source, PointCurrency currency) {
    Claim claim = new Claim();
    boolean[] mine = new boolean[lots.size() + 1];
    for (PointsLot lot : lots) {
      if (lot.source().equals(source) && lot.currency().equals(currency)) {
        mine[lot.number()] = true;
        claim.earned += lot.amount();
        claim.remaining += lot.remaining();
        claim.spent += lot.spent();
      }
    }
    if (claim.earned == 0) {
      return claim;
    }
    for (LedgerEntry entry : journal) {
      if (entry instanceof LedgerEntry.Earned earned) {
        if (mine[earned.lot()]) {
          claim.debtPaid += earned.debtPaid();
        }
      } else if (entry instanceof LedgerEntry.Expired expired) {
        for (LotShare share : expired.lots()) {
          if (share.lot() < mine.length && mine[share.lot()]) {
            claim.expired += share.amount();
          }
        }
      } else if (entry instanceof LedgerEntry.ClawedBack part && part.source().equals(source)) {
        claim.taken += sum(part.taken(), currency);
        claim.covered += sum(part.covered(), currency);
        claim.debtIncurred += part.debtIncurred().getOrElse(currency, 0L);
        claim.forfeited += part.forfeited().getOrElse(currency, 0L);
      }
    }
    return claim;
  }

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
   * Earns points into a new lot whose expiry a rule computes from the stamp's time.
   *
   * @param currency the currency
   * @param amount the points, positive
   * @param expiry the program's expiry rule
   * @param zone the time zone the rule's calendar uses
   * @param lockedUntil until when the points are pending (a return window), or empty
   * @param source what earned them, such as {@code RecordRef.to(purchaseId)}
   * @param reason a readable reason, stripped; not blank, at most {@value PointsLot#MAX_REASON}
   *     characters
   * @param stamp the event's id, time and actor
   * @return the new ledger with {@link PointsEarned}, or the rejections of
   *     {@link #earn(PointCurrency, long, Option, Option, RecordRef, String, EventStamp)}
   * @throws NullPointerException if an argument or an optional value is null
   */
  public Either<LedgerRejection, Transition<PointsLedger>> earn(PointCurrency currency,
      long amount, PointsExpiry expiry, ZoneId zone, Option<Instant> lockedUntil,
      RecordRef source, String reason, EventStamp stamp) {
    requireNonNull(expiry, "expiry");
    requireNonNull(zone, "zone");
    requireNonNull(stamp, "stamp");
    return earn(currency, amount, expiry.expiresAt(stamp.at(), zone), lockedUntil, source, reason,
        stamp);
  }

  /**
   * Earns points into a new lot, as of the stamp's time. Under
   * {@link NegativeBalancePolicy#ALLOW} the points pay any debt of the currency first; only the
   * rest goes into the lot.
   *
   * @param currency the currency
   * @param amount the points, positive
   * @param expiresAt the first instant the points are unusable, after the stamp's time; or empty
   * @param lockedUntil until when the points are pending (a return window), or empty
   * @param source what earned them, such as {@code RecordRef.to(purchaseId)}
   * @param reason a readable reason, stripped; not blank, at most {@value PointsLot#MAX_REASON}
   *     characters
   * @param stamp the event's id, time and actor
   * @return the new ledger with {@link PointsEarned}, or {@code loyalty.amount.not_positive},
   *     {@code loyalty.reason.invalid}, {@code loyalty.expiry.not_after_earning},
   *     {@code loyalty.out_of_order}, {@code loyalty.source_already_reversed} (the source was
   *     clawed back), {@code loyalty.amount.overflow}
   * @throws NullPointerException if an argument or an optional value is null
   */
  public Either<LedgerRejection, Transition<PointsLedger>> earn(PointCurrency currency,
      long amount, Option<Instant> expiresAt, Option<Instant> lockedUntil, RecordRef source,
      String reason, EventStamp stamp) {
    requireNonNull(currency, "currency");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(lockedUntil, "lockedUntil");
    requireNonNull(source, "source");
    requireNonNull(reason, "reason");
    requireNonNull(stamp, "stamp");
    expiresAt.forEach(value -> requireNonNull(value, "expiresAt"));
    lockedUntil.forEach(value -> requireNonNull(value, "lockedUntil"));
    Instant at = stamp.at();
    String text = reason.strip();
    if (amount < 1) {
      return reject(Reason.AMOUNT_NOT_POSITIVE, "Points earned must be positive, not " + amount);
    }
    Option<LedgerRejection> refusal = reasonRefusal(text);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    if (expiresAt.isDefined() && !expiresAt.get().isAfter(at)) {
      return reject(Reason.EXPIRY_NOT_AFTER_EARNING, "Points earned at " + at
          + " cannot expire at " + expiresAt.get());
    }
    if (isOutOfOrder(at)) {
      return Either.left(outOfOrder(at));
    }
    if (clawedBack.contains(source)) {
      return reject(Reason.SOURCE_ALREADY_REVERSED, "What " + source
          + " earned was clawed back; it earns no more");
    }
    return credit(currency, amount, expiresAt, lockedUntil, source, text, at).map(c -> {
      LedgerEntry.Earned entry = new LedgerEntry.Earned(at, c.lot.number(), currency, amount,
          c.debtPaid, expiresAt, lockedUntil, source);
      PointsLedger next = new PointsLedger(id, policy, lots.append(c.lot), journal.append(entry),
          c.debt, c.booked, clawedBack, reversed, Option.of(at));
      return Transition.of(next, new PointsEarned(stamp, id, entry));
    });
  }

  /**
   * Redeems points as of the stamp's time, consuming usable lots (live, not locked, of the
   * currency) in the given order. Expired and locked points are never used.
   *
   * @param currency the currency
   * @param amount the points, positive, at most {@link #available available}
   * @param order the order the lots are consumed in
   * @param source what the points pay for, such as an order or a reward; a later
   *     {@link #reverseRedemption reverseRedemption} of it gives them back
   * @param stamp the event's id, time and actor
   * @return the new ledger with {@link PointsRedeemed} naming the lots that paid, or
   *     {@code loyalty.amount.not_positive}, {@code loyalty.out_of_order},
   *     {@code loyalty.insufficient_points} (carrying the available points)
   * @throws NullPointerException if an argument is null
   */
  public Either<LedgerRejection, Transition<PointsLedger>> redeem(PointCurrency currency,
      long amount, RedemptionOrder order, RecordRef source, EventStamp stamp) {
    requireNonNull(currency, "currency");
    requireNonNull(order, "order");
    requireNonNull(source, "source");
    requireNonNull(stamp, "stamp");
    Instant at = stamp.at();
    if (amount < 1) {
      return reject(Reason.AMOUNT_NOT_POSITIVE, "Points redeemed must be positive, not " + amount);
    }
    if (isOutOfOrder(at)) {
      return Either.left(outOfOrder(at));
    }
    // One copy of the lots serves the scan, the order and the update (take may overwrite it).
    PointsLot[] array = snapshot(lots);
    int[] usable = indexes(array, currency, at, false);
    long available = total(array, usable) - debtOf(currency);
    if (amount > available) {
      return Either.left(new LedgerRejection(Reason.INSUFFICIENT_POINTS, Option.of(available),
          "Redeeming " + amount + " " + currency + " needs more than the " + available
              + " available at " + at));
    }
    if (order == RedemptionOrder.SOONEST_EXPIRING_FIRST) {
      usable = soonestExpiringFirst(array, usable);
    }
    Taking taking = take(lots, array, usable, amount);
    LedgerEntry.Redeemed entry = new LedgerEntry.Redeemed(at, currency, amount, order,
        taking.shares, source);
    PointsLedger next = new PointsLedger(id, policy, taking.lots, journal.append(entry), debt,
        booked.put(currency, bookedOf(currency) - amount), clawedBack, reversed, Option.of(at));
    return Either.right(Transition.of(next, new PointsRedeemed(stamp, id, entry)));
  }

  /**
   * Expires, as of an instant, every lot whose expiry is at or before it: what those lots still
   * held moves into the journal. Idempotent: expiring again as of the same instant (or an earlier
   * one) finds nothing and answers this ledger unchanged, without an event.
   *
   * @param asOf the instant, not after the stamp's time
   * @param stamp the event's id, time and actor
   * @return the new ledger with {@link PointsExpired}, or this ledger and no event when nothing
   *     expired; or {@code loyalty.expiry.in_future}, {@code loyalty.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LedgerRejection, Transition<PointsLedger>> expire(Instant asOf,
      EventStamp stamp) {
    requireNonNull(asOf, "asOf");
    requireNonNull(stamp, "stamp");
    Instant at = stamp.at();
    if (asOf.isAfter(at)) {
      return reject(Reason.EXPIRY_IN_FUTURE, "Points expire as of " + asOf
          + " only once that time has come, not at " + at);
    }
    if (isOutOfOrder(at)) {
      return Either.left(outOfOrder(at));
    }
    Vector<PointsLot> next = lots;
    Map<PointCurrency, Long> nextBooked = booked;
    ArrayList<LotShare> shares = new ArrayList<>();
    for (PointsLot lot : lots) {
      if (lot.remaining() > 0 && !lot.isLiveAt(asOf)) {
        shares.add(new LotShare(lot.number(), lot.currency(), lot.remaining()));
        next = next.update(lot.number() - 1, lot.with(0, lot.spent()));
        nextBooked = nextBooked.put(lot.currency(),
            nextBooked.get(lot.currency()).getOrElse(0L) - lot.remaining());
      }
    }
    if (shares.isEmpty()) {
      return Either.right(new Transition<>(this, List.empty()));
    }
    LedgerEntry.Expired entry = new LedgerEntry.Expired(at, asOf, Vector.ofAll(shares));
    PointsLedger ledger = new PointsLedger(id, policy, next, journal.append(entry), debt,
        nextBooked, clawedBack, reversed, Option.of(at));
    return Either.right(Transition.of(ledger, new PointsExpired(stamp, id, entry)));
  }

  /**
   * Corrects the balance by hand, as of the stamp's time, recording the reason and the actor. A
   * positive amount opens a never-expiring, unlocked lot whose source is the account itself (and
   * pays any debt first); a negative amount takes points from the live lots of the currency,
   * locked or not, oldest first. What the lots cannot cover becomes debt under
   * {@link NegativeBalancePolicy#ALLOW} and is refused otherwise.
   *
   * @param currency the currency
   * @param amount the signed correction, not zero
   * @param reason why, stripped; not blank, at most {@value PointsLot#MAX_REASON} characters
   * @param stamp the event's id, time and actor
   * @return the new ledger with {@link PointsAdjusted}, or {@code loyalty.amount.zero},
   *     {@code loyalty.reason.invalid}, {@code loyalty.out_of_order},
   *     {@code loyalty.negative_balance_refused} (carrying the balance),
   *     {@code loyalty.amount.overflow}
   * @throws NullPointerException if an argument is null
   */
  public Either<LedgerRejection, Transition<PointsLedger>> adjust(PointCurrency currency,
      long amount, String reason, EventStamp stamp) {
    requireNonNull(currency, "currency");
    requireNonNull(reason, "reason");
    requireNonNull(stamp, "stamp");
    Instant at = stamp.at();
    String text = reason.strip();
    if (amount == 0) {
      return reject(Reason.AMOUNT_ZERO, "An adjustment changes the balance; 0 does not");
    }
    Option<LedgerRejection> refusal = reasonRefusal(text);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    if (isOutOfOrder(at)) {
      return Either.left(outOfOrder(at));
    }
    if (amount > 0) {
      return credit(currency, amount, Option.none(), Option.none(), RecordRef.to(id), text, at)
          .map(c -> {
            LedgerEntry.Adjusted entry = new LedgerEntry.Adjusted(at, currency, amount,
                Option.of(c.lot.number()), c.debtPaid, List.empty(), 0, text, stamp.by());
            PointsLedger next = new PointsLedger(id, policy, lots.append(c.lot),
                journal.append(entry), c.debt, c.booked, clawedBack, reversed, Option.of(at));
            return Transition.of(next, new PointsAdjusted(stamp, id, entry));
          });
    }
    if (amount == Long.MIN_VALUE) {
      return reject(Reason.AMOUNT_OVERFLOW, "An adjustment of " + amount + " is out of range");
    }
    long wanted = -amount;
    int[] live = indexes(lots, currency, at, true);
    Taking taking = take(lots, live, Math.min(wanted, total(lots, live)));
    long rest = wanted - taking.taken;
    if (rest > 0 && policy != NegativeBalancePolicy.ALLOW) {
      long balance = balance(currency, at);
      return Either.left(new LedgerRejection(Reason.NEGATIVE_BALANCE_REFUSED,
          Option.of(balance), "Taking " + wanted + " " + currency + " from a balance of "
              + balance + " would leave it negative, which the " + policy + " policy refuses"));
    }
    Option<Map<PointCurrency, Long>> nextDebt = plus(debt, currency, rest);
    if (nextDebt.isEmpty()) {
      return Either.left(overflow(currency));
    }
    LedgerEntry.Adjusted entry = new LedgerEntry.Adjusted(at, currency, amount, Option.none(), 0,
        taking.shares, rest, text, stamp.by());
    PointsLedger next = new PointsLedger(id, policy, taking.lots, journal.append(entry),
        nextDebt.get(), booked.put(currency, bookedOf(currency) - taking.taken), clawedBack,
        reversed, Option.of(at));
    return Either.right(Transition.of(next, new PointsAdjusted(stamp, id, entry)));
  }

  /**
   * Takes back everything one source earned, as of the stamp's time, such as the points of a
   * refunded purchase. What its lots still hold goes. What the member already spent from them
   * (the shortfall) is taken from the member's other live lots of the currency, oldest first; the
   * rest becomes debt ({@link NegativeBalancePolicy#ALLOW}), is forfeited
   * ({@link NegativeBalancePolicy#FORFEIT}) or refuses the clawback
   * ({@link NegativeBalancePolicy#REFUSE}). Debt the source's earnings paid becomes debt again, so
   * an earn followed by its clawback leaves the balance as it was. After
   * {@link #clawBackPart partial clawbacks} it takes exactly the rest: what the parts took (from
   * the lots, from spent points, as debt owed again) is not charged twice.
   *
   * @param source the source, such as {@code RecordRef.to(purchaseId)}
   * @param stamp the event's id, time and actor
   * @return the new ledger with {@link PointsClawedBack}, or {@code loyalty.out_of_order},
   *     {@code loyalty.source_unknown} (no lot earned by it; adjustments are corrected by
   *     {@link #adjust adjust}), {@code loyalty.source_already_reversed},
   *     {@code loyalty.negative_balance_refused}, {@code loyalty.amount.overflow}
   * @throws NullPointerException if an argument is null
   */
  public Either<LedgerRejection, Transition<PointsLedger>> clawBack(RecordRef source,
      EventStamp stamp) {
    requireNonNull(source, "source");
    requireNonNull(stamp, "stamp");
    Instant at = stamp.at();
    if (isOutOfOrder(at)) {
      return Either.left(outOfOrder(at));
    }
    if (clawedBack.contains(source)) {
      return reject(Reason.SOURCE_ALREADY_REVERSED, "What " + source
          + " earned was already clawed back");
    }
    Vector<PointsLot> next = lots;
    Map<PointCurrency, Long> nextBooked = booked;
    ArrayList<LotShare> taken = new ArrayList<>();
    Map<PointCurrency, Long> shortfall = LinkedHashMap.empty();
    boolean found = false;
    if (!source.equals(RecordRef.to(id))) {
      for (PointsLot lot : lots) {
        if (lot.source().equals(source)) {
          found = true;
          PointCurrency currency = lot.currency();
          if (lot.remaining() > 0) {
            taken.add(new LotShare(lot.number(), currency, lot.remaining()));
            nextBooked = nextBooked.put(currency,
                nextBooked.get(currency).getOrElse(0L) - lot.remaining());
          }
          shortfall = shortfall.put(currency, shortfall.get(currency).getOrElse(0L) + lot.spent());
          next = next.update(lot.number() - 1, lot.with(0, lot.spent()));
        }
      }
    }
    if (!found) {
      return reject(Reason.SOURCE_UNKNOWN, "No points were earned by " + source);
    }
    // Debt the source's earnings paid becomes debt again, less what partial clawbacks made debt
    // again already; spent points partial clawbacks charged were released from the lots.
    Map<PointCurrency, Long> owedAgain = LinkedHashMap.empty();
    for (PointCurrency currency : shortfall.keySet()) {
      long owed = claim(source, currency).debtOwed(policy);
      if (owed > 0) {
        owedAgain = owedAgain.put(currency, owed);
      }
    }
    ArrayList<LotShare> covered = new ArrayList<>();
    Map<PointCurrency, Long> debtIncurred = LinkedHashMap.empty();
    Map<PointCurrency, Long> forfeited = LinkedHashMap.empty();
    Map<PointCurrency, Long> nextDebt = debt;
    for (PointCurrency currency : shortfall.keySet().addAll(owedAgain.keySet())) {
      long spent = shortfall.get(currency).getOrElse(0L);
      int[] live = indexes(next, currency, at, true);
      Taking taking = take(next, live, Math.min(spent, total(next, live)));
      next = taking.lots;
      covered.addAll(taking.shares.toJavaList());
      nextBooked = nextBooked.put(currency,
          nextBooked.get(currency).getOrElse(0L) - taking.taken);
      long rest = spent - taking.taken;
      if (rest > 0 && policy == NegativeBalancePolicy.REFUSE) {
        long balance = balance(currency, at);
        return Either.left(new LedgerRejection(Reason.NEGATIVE_BALANCE_REFUSED,
            Option.of(balance), "Clawing back " + source + " would take " + rest + " "
                + currency + " more than the balance holds, which the REFUSE policy refuses"));
      }
      long owed = owedAgain.get(currency).getOrElse(0L);
      if (rest > 0 && policy == NegativeBalancePolicy.FORFEIT) {
        forfeited = forfeited.put(currency, rest);
        rest = 0;
      }
      long added;
      try {
        added = Math.addExact(rest, owed);
      } catch (ArithmeticException e) {
        return Either.left(overflow(currency));
      }
      if (added > 0) {
        Option<Map<PointCurrency, Long>> withDebt = plus(nextDebt, currency, added);
        if (withDebt.isEmpty()) {
          return Either.left(overflow(currency));
        }
        nextDebt = withDebt.get();
        debtIncurred = debtIncurred.put(currency, added);
      }
    }
    LedgerEntry.ClawedBack entry = new LedgerEntry.ClawedBack(at, source, Vector.ofAll(taken),
        Vector.ofAll(covered), debtIncurred, forfeited);
    PointsLedger ledger = new PointsLedger(id, policy, next, journal.append(entry), nextDebt,
        nextBooked, clawedBack.add(source), reversed, Option.of(at));
    return Either.right(Transition.of(ledger, new PointsClawedBack(stamp, id, entry)));
  }

  /**
   * Cancels every redemption made for a source, as of the stamp's time: the points go back to the
   * lots that paid them. A lot that has expired by then (or was clawed back) gets nothing back:
   * its share lapses and the entry records it, so a cancellation never revives expired points.
   *
   * @param source the source the redemptions named
   * @param stamp the event's id, time and actor
   * @return the new ledger with {@link LedgerEvent.RedemptionReversed}, or
   *     {@code loyalty.out_of_order}, {@code loyalty.source_unknown} (no redemption for it),
   *     {@code loyalty.source_already_reversed}
   * @throws NullPointerException if an argument is null
   */
  public Either<LedgerRejection, Transition<PointsLedger>> reverseRedemption(RecordRef source,
      EventStamp stamp) {
    requireNonNull(source, "source");
    requireNonNull(stamp, "stamp");
    Instant at = stamp.at();
    if (isOutOfOrder(at)) {
      return Either.left(outOfOrder(at));
    }
    if (reversed.contains(source)) {
      return reject(Reason.SOURCE_ALREADY_REVERSED, "The redemptions for " + source
          + " were already reversed");
    }
    Seq<LotShare> paid = journal
        .filter(e -> e instanceof LedgerEntry.Redeemed r && r.source().equals(source))
        .flatMap(e -> ((LedgerEntry.Redeemed) e).paidBy());
    if (!journal.exists(e -> e instanceof LedgerEntry.Redeemed r && r.source().equals(source))) {
      return reject(Reason.SOURCE_UNKNOWN, "No points were redeemed for " + source);
    }
    Vector<PointsLot> next = lots;
    Map<PointCurrency, Long> nextBooked = booked;
    ArrayList<LotShare> restored = new ArrayList<>();
    ArrayList<LotShare> lapsed = new ArrayList<>();
    for (LotShare share : paid) {
      PointsLot lot = next.get(share.lot() - 1);
      if (lot.isLiveAt(at) && !clawedBack.contains(lot.source())
          && lot.spent() >= share.amount()) {
        next = next.update(lot.number() - 1,
            lot.with(lot.remaining() + share.amount(), lot.spent() - share.amount()));
        nextBooked = nextBooked.put(lot.currency(),
            nextBooked.get(lot.currency()).getOrElse(0L) + share.amount());
        restored.add(share);
      } else {
        lapsed.add(share);
      }
    }
    LedgerEntry.RedemptionReversed entry = new LedgerEntry.RedemptionReversed(at, source,
        Vector.ofAll(restored), Vector.ofAll(lapsed));
    PointsLedger ledger = new PointsLedger(id, policy, next, journal.append(entry), debt,
        nextBooked, clawedBack, reversed.add(source), Option.of(at));
    return Either.right(Transition.of(ledger,
        new LedgerEvent.RedemptionReversed(stamp, id, entry)));
  }

  /**
   * Returns the balance of a currency as of an instant: the remaining points of the lots live at
   * that instant (locked or not), less the debt.
   *
   * @param currency the currency
   * @param asOf the instant
   * @return the balance, negative only under {@link NegativeBalancePolicy#ALLOW}
   * @throws NullPointerException if an argument is null
   */
  public long balance(PointCurrency currency, Instant asOf) {
    requireNonNull(currency, "currency");
    requireNonNull(asOf, "asOf");
    return total(lots, indexes(lots, currency, asOf, true)) - debtOf(currency);
  }

  /**
   * Returns the points of a currency a redemption may use at an instant: the remaining points of
   * the lots live and not locked at that instant, less the debt.
   *
   * @param currency the currency
   * @param asOf the instant
   * @return the available points, negative only while a debt exceeds them
   * @throws NullPointerException if an argument is null
   */
  public long available(PointCurrency currency, Instant asOf) {
    requireNonNull(currency, "currency");
    requireNonNull(asOf, "asOf");
    return total(lots, indexes(lots, currency, asOf, false)) - debtOf(currency);
  }

  /**
   * Returns the pending points of a currency at an instant: the remaining points of the lots live
   * and still locked at that instant.
   *
   * @param currency the currency
   * @param asOf the instant
   * @return the pending points, not negative
   * @throws NullPointerException if an argument is null
   */
  public long pending(PointCurrency currency, Instant asOf) {
    requireNonNull(currency, "currency");
    requireNonNull(asOf, "asOf");
    long sum = 0;
    for (PointsLot lot : lots) {
      if (lot.currency().equals(currency) && lot.isLiveAt(asOf) && lot.isLockedAt(asOf)) {
        sum += lot.remaining();
      }
    }
    return sum;
  }

  /**
   * Returns the balance the journal explains: the remaining points of every lot, including lots
   * past their expiry that {@link #expire expire} has not yet moved, less the debt. The journal's
   * {@link LedgerEntry#balanceChange balance changes} of the currency add up to it.
   *
   * @param currency the currency
   * @return the booked balance
   * @throws NullPointerException if currency is null
   */
  public long bookedBalance(PointCurrency currency) {
    requireNonNull(currency, "currency");
    return bookedOf(currency) - debtOf(currency);
  }

  /**
   * Returns which points of a currency expire when in a period: one row per lot with points left
   * whose expiry lies in {@code [from, until)}, soonest first (then by lot number).
   *
   * @param currency the currency
   * @param from the start of the period, inclusive
   * @param until the end of the period, exclusive
   * @return the rows, possibly none
   * @throws NullPointerException if an argument is null
   */
  public Seq<ExpiringPoints> expiring(PointCurrency currency, Instant from, Instant until) {
    requireNonNull(currency, "currency");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    return lots
        .filter(lot -> lot.currency().equals(currency) && lot.remaining() > 0
            && lot.expiresAt().exists(t -> !t.isBefore(from) && t.isBefore(until)))
        .map(lot -> new ExpiringPoints(lot.number(), currency, lot.remaining(),
            lot.expiresAt().get()))
        .sortBy(row -> row.expiresAt());
  }

  /** Returns the debt of a currency: 0 unless the policy is {@link NegativeBalancePolicy#ALLOW}. */
  public long debt(PointCurrency currency) {
    requireNonNull(currency, "currency");
    return debtOf(currency);
  }

  /** Returns the currencies the ledger has lots or debt in, in code order. */
  public Set<PointCurrency> currencies() {
    return TreeSet.ofAll(Comparator.<PointCurrency>naturalOrder(), lots.map(PointsLot::currency))
        .addAll(debt.keySet());
  }

  /**
   * Returns the lot with a number.
   *
   * @param number the lot's number
   * @return the lot, or empty if there is none with that number
   */
  public Option<PointsLot> lot(int number) {
    return number >= 1 && number <= lots.size() ? Option.of(lots.get(number - 1)) : Option.none();
  }

  /** Returns the account's id. */
  @Override
  public LoyaltyAccountId id() {
    return id;
  }

  /** Returns what a clawback of spent points does. */
  public NegativeBalancePolicy policy() {
    return policy;
  }

  /** Returns the lots, in the order earned: lot {@code n} at index {@code n - 1}. */
  public Seq<PointsLot> lots() {
    return lots;
  }

  /** Returns the journal, oldest entry first. */
  public Seq<LedgerEntry> journal() {
    return journal;
  }

  /** Returns the debt per currency, only currencies with a positive debt. */
  public Map<PointCurrency, Long> debts() {
    return debt;
  }

  /** Returns the sources whose earnings were clawed back. */
  public Set<RecordRef> clawedBackSources() {
    return clawedBack;
  }

  /** Returns the sources whose redemptions were reversed. */
  public Set<RecordRef> reversedRedemptions() {
    return reversed;
  }

  /** Returns when the ledger last changed, or empty if it never did. */
  public Option<Instant> updatedAt() {
    return updatedAt;
  }

  /**
   * Returns this ledger with the reasons of its manual adjustments (the journal's
   * {@link LedgerEntry.Adjusted} entries and the lots they opened, whose source is the account
   * itself) replaced by a fixed text; everything else stays. Answers this ledger if there is no
   * such reason left.
   */
  PointsLedger withoutManualReasons(String replacement) {
    RecordRef self = RecordRef.to(id);
    Vector<PointsLot> plainLots = lots.map(lot -> !lot.source().equals(self)
        || lot.reason().equals(replacement) ? lot
        : new PointsLot(lot.number(), lot.currency(), lot.amount(), lot.remaining(), lot.spent(),
            lot.earnedAt(), lot.expiresAt(), lot.lockedUntil(), lot.source(), replacement));
    Vector<LedgerEntry> plainJournal = journal.map(entry ->
        entry instanceof LedgerEntry.Adjusted adjusted ? adjusted.withReason(replacement) : entry);
    if (plainLots.equals(lots) && plainJournal.equals(journal)) {
      return this;
    }
    return new PointsLedger(id, policy, plainLots, plainJournal, debt, booked, clawedBack,
        reversed, updatedAt);
  }

  /** Tells whether another ledger has the same account, policy, lots, journal and debt. */
  @Override
  public boolean equals(Object other) {
    return other instanceof PointsLedger that && id.equals(that.id) && policy == that.policy
        && lots.equals(that.lots) && journal.equals(that.journal) && debt.equals(that.debt)
        && clawedBack.equals(that.clawedBack) && reversed.equals(that.reversed)
        && updatedAt.equals(that.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, policy, lots, journal, debt, updatedAt);
  }

  @Override
  public String toString() {
    return "PointsLedger[" + id + ", " + policy + ", " + lots.size() + " lots, "
        + journal.size() + " entries, debt " + debt + "]";
  }

  private static final class Credit {
    final PointsLot lot;
    final long debtPaid;
    final Map<PointCurrency, Long> debt;
    final Map<PointCurrency, Long> booked;

    Credit(PointsLot lot, long debtPaid, Map<PointCurrency, Long> debt,
        Map<PointCurrency, Long> booked) {
      this.lot = lot;
      this.debtPaid = debtPaid;
      this.debt = debt;
      this.booked = booked;
    }
  }

  private Either<LedgerRejection, Credit> credit(PointCurrency currency, long amount,
      Option<Instant> expiresAt, Option<Instant> lockedUntil, RecordRef source, String text,
      Instant at) {
    long owed = debtOf(currency);
    long paid = Math.min(owed, amount);
    long kept = amount - paid;
    Option<Map<PointCurrency, Long>> nextBooked = plus(booked, currency, kept);
    if (nextBooked.isEmpty()) {
      return Either.left(overflow(currency));
    }
    Map<PointCurrency, Long> nextDebt = paid == 0 ? debt
        : owed == paid ? debt.remove(currency) : debt.put(currency, owed - paid);
    PointsLot lot = new PointsLot(lots.size() + 1, currency, amount, kept, 0, at, expiresAt,
        lockedUntil, source, text);
    return Either.right(new Credit(lot, paid, nextDebt, nextBooked.get()));
  }

  private static final class Taking {
    final Vector<PointsLot> lots;
    final Seq<LotShare> shares;
    final long taken;

    Taking(Vector<PointsLot> lots, Seq<LotShare> shares, long taken) {
      this.lots = lots;
      this.shares = shares;
      this.taken = taken;
    }
  }

  /** Takes up to amount from the lots at the given indexes, in that order; marks it spent. */
  private static Taking take(Vector<PointsLot> lots, int[] order, long amount) {
    return take(lots, snapshot(lots), order, amount);
  }

  /** Copies the lots into a new array, in one pass. */
  private static PointsLot[] snapshot(Vector<PointsLot> lots) {
    PointsLot[] array = new PointsLot[lots.size()];
    int i = 0;
    for (PointsLot lot : lots) {
      array[i++] = lot;
    }
    return array;
  }

  /**
   * Takes up to amount from the lots at the given indexes, in that order; marks it spent.
   * {@code array} holds the same lots as {@code lots}, is private to the caller, and may be
   * overwritten.
   */
  private static Taking take(Vector<PointsLot> lots, PointsLot[] array, int[] order,
      long amount) {
    int touched = 0;
    for (long need = amount; touched < order.length && need > 0; touched++) {
      need -= array[order[touched]].remaining();
    }
    // Few lots touched: persistent updates. Many: update the copy and rebuild, O(n) in all.
    boolean bulk = touched > BULK_UPDATE;
    Vector<PointsLot> next = lots;
    LotShare[] shares = new LotShare[touched];
    long left = amount;
    for (int i = 0; i < touched; i++) {
      PointsLot lot = array[order[i]];
      long part = Math.min(left, lot.remaining());
      shares[i] = new LotShare(lot.number(), lot.currency(), part);
      PointsLot updated = lot.with(lot.remaining() - part, lot.spent() + part);
      if (bulk) {
        array[order[i]] = updated;
      } else {
        next = next.update(order[i], updated);
      }
      left -= part;
    }
    return new Taking(bulk ? Vector.of(array) : next, Vector.of(shares), amount - left);
  }

  private static final int BULK_UPDATE = 32;

  /** Returns the indexes of lots of the currency with points left, live at the instant. */
  private static int[] indexes(Vector<PointsLot> lots, PointCurrency currency, Instant at,
      boolean withLocked) {
    int[] found = new int[lots.size()];
    int count = 0;
    int index = 0;
    for (PointsLot lot : lots) {
      if (lot.remaining() > 0 && lot.currency().equals(currency) && lot.isLiveAt(at)
          && (withLocked || !lot.isLockedAt(at))) {
        found[count++] = index;
      }
      index++;
    }
    return Arrays.copyOf(found, count);
  }

  /** Returns the indexes of lots of the currency with points left, live at the instant. */
  private static int[] indexes(PointsLot[] lots, PointCurrency currency, Instant at,
      boolean withLocked) {
    int[] found = new int[lots.length];
    int count = 0;
    for (int index = 0; index < lots.length; index++) {
      PointsLot lot = lots[index];
      if (lot.remaining() > 0 && lot.currency().equals(currency) && lot.isLiveAt(at)
          && (withLocked || !lot.isLockedAt(at))) {
        found[count++] = index;
      }
    }
    return Arrays.copyOf(found, count);
  }

  private static long total(Vector<PointsLot> lots, int[] indexes) {
    long sum = 0;
    for (int index : indexes) {
      sum += lots.get(index).remaining();
    }
    return sum;
  }

  private static long total(PointsLot[] lots, int[] indexes) {
    long sum = 0;
    for (int index : indexes) {
      sum += lots[index].remaining();
    }
    return sum;
  }

  private static int[] soonestExpiringFirst(PointsLot[] lots, int[] indexes) {
    // Expiry rules compute the expiry from the time of earning, so lots usually expire in the
    // order they were earned: check that in one pass and, if so, put the expiring lots first
    // (in lot order) and the never-expiring ones after, without sorting.
    int[] expiring = new int[indexes.length];
    int[] never = new int[indexes.length];
    int expiringCount = 0;
    int neverCount = 0;
    boolean ordered = true;
    Instant last = null;
    for (int i = 0; i < indexes.length && ordered; i++) {
      Instant at = lots[indexes[i]].expiresAt().getOrNull();
      if (at == null) {
        never[neverCount++] = indexes[i];
      } else {
        ordered = last == null || !at.isBefore(last);
        last = at;
        expiring[expiringCount++] = indexes[i];
      }
    }
    if (ordered) {
      System.arraycopy(never, 0, expiring, expiringCount, neverCount);
      return expiring;
    }
    // Otherwise sort primitive keys (expiry second, then position) when they fit in a long;
    // lots that never expire get the largest second. Failing that, compare instants.
    long[] keys = new long[indexes.length];
    boolean packed = indexes.length < (1 << 20);
    for (int i = 0; i < indexes.length && packed; i++) {
      Option<Instant> expiry = lots[indexes[i]].expiresAt();
      long second = expiry.isEmpty() ? MAX_PACKED_SECOND : expiry.get().getEpochSecond();
      packed = expiry.isEmpty() || second >= 0 && second < MAX_PACKED_SECOND
          && expiry.get().getNano() == 0;
      keys[i] = (second << 20) | i;
    }
    int[] sorted = new int[indexes.length];
    if (packed) {
      Arrays.sort(keys);
      for (int i = 0; i < keys.length; i++) {
        sorted[i] = indexes[(int) (keys[i] & ((1 << 20) - 1))];
      }
      return sorted;
    }
    Integer[] boxed = new Integer[indexes.length];
    Instant[] expiry = new Instant[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      boxed[i] = i;
      expiry[i] = lots[indexes[i]].expiresAt().getOrNull();
    }
    Arrays.sort(boxed, (a, b) -> {
      Instant x = expiry[a];
      Instant y = expiry[b];
      if (x == null || y == null) {
        return x == y ? Integer.compare(a, b) : x == null ? 1 : -1;
      }
      int byTime = x.compareTo(y);
      return byTime != 0 ? byTime : Integer.compare(a, b);
    });
    for (int i = 0; i < boxed.length; i++) {
      sorted[i] = indexes[boxed[i]];
    }
    return sorted;
  }

  /** The largest epoch second a packed sort key holds (43 bits), also used for "never". */
  private static final long MAX_PACKED_SECOND = (1L << 43) - 1;

  private static Option<Map<PointCurrency, Long>> plus(Map<PointCurrency, Long> totals,
      PointCurrency currency, long amount) {
    if (amount == 0) {
      return Option.of(totals);
    }
    try {
      return Option.of(totals.put(currency,
          Math.addExact(totals.get(currency).getOrElse(0L), amount)));
    } catch (ArithmeticException e) {
      return Option.none();
    }
  }

  private long debtOf(PointCurrency currency) {
    return debt.get(currency).getOrElse(0L);
  }

  private long bookedOf(PointCurrency currency) {
    return booked.get(currency).getOrElse(0L);
  }

  private boolean isOutOfOrder(Instant at) {
    return updatedAt.isDefined() && at.isBefore(updatedAt.get());
  }

  private LedgerRejection outOfOrder(Instant at) {
    return new LedgerRejection(Reason.OUT_OF_ORDER, Option.none(), "A command at " + at
        + " comes before the ledger's last change at " + updatedAt.get());
  }

  private static LedgerRejection overflow(PointCurrency currency) {
    return new LedgerRejection(Reason.AMOUNT_OVERFLOW, Option.none(),
        "The " + currency + " totals would exceed " + Long.MAX_VALUE + " points");
  }

  private static Option<LedgerRejection> reasonRefusal(String text) {
    return PointsLot.reasonProblems(text).headOption().map(problem ->
        new LedgerRejection(Reason.REASON_INVALID, Option.none(), problem.message()));
  }

  private static Either<LedgerRejection, Transition<PointsLedger>> reject(Reason reason,
      String detail) {
    return Either.left(new LedgerRejection(reason, Option.none(), detail));
  }
}
