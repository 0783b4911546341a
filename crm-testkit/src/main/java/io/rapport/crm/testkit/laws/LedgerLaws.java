package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.LedgerEntry;
import io.rapport.crm.loyalty.LedgerEvent;
import io.rapport.crm.loyalty.LedgerRejection;
import io.rapport.crm.loyalty.LotShare;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.loyalty.PointsLot;
import io.rapport.crm.testkit.Theories;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import java.time.Instant;
import org.quicktheories.core.Gen;

/**
 * Checks the laws every {@link PointsLedger} history must keep, for a team's own command
 * sequences (their earn rules, redemption flows, refund handling) as well as for generated ones:
 * the balance is the sum of the live lots less the debt; it is never negative unless the policy
 * allows; an earn and its full clawback leave the balance as it was, and so do partial
 * clawbacks of everything it earned; redemptions never use
 * expired or locked points; the journal accounts for every point; expiry is idempotent; and a
 * replayed history gives the same ledger.
 *
 * <p>Each check runs {@link Theories#qt()} over the given generator and throws an
 * {@link AssertionError} with the smallest falsifying example and the seed.
 */
public final class LedgerLaws {

  /**
   * Earns points for a source: a team's earn rule under test, such as "1 point per yuan of a
   * purchase, locked for the 7-day return window".
   */
  @FunctionalInterface
  public interface EarnRule {

    /**
     * Earns for a source on a ledger.
     *
     * @param ledger the ledger before
     * @param source the source to earn for, not yet used on the ledger
     * @param stamp the stamp to use, not before the ledger's last change
     * @return what the ledger answered
     */
    Either<LedgerRejection, Transition<PointsLedger>> earn(PointsLedger ledger, RecordRef source,
        EventStamp stamp);
  }

  private LedgerLaws() {}

  /**
   * Checks that, in every currency and at every instant that matters (each lot's earning, expiry
   * and unlocking, and just before them), the balance equals the remaining points of the live lots
   * less the debt, and is what is available plus what is pending.
   *
   * @param ledgers the ledgers
   * @throws AssertionError if some balance differs
   */
  public static void balanceIsSumOfLiveLots(Gen<PointsLedger> ledgers) {
    requireNonNull(ledgers, "ledgers");
    Theories.qt().forAll(ledgers).checkAssert(ledger -> {
      for (PointCurrency currency : ledger.currencies()) {
        for (Instant asOf : probes(ledger)) {
          long live = 0;
          for (PointsLot lot : ledger.lots()) {
            if (lot.currency().equals(currency) && lot.isLiveAt(asOf)) {
              live += lot.remaining();
            }
          }
          long balance = ledger.balance(currency, asOf);
          assertThat(balance).as("%s balance of %s at %s", currency, ledger, asOf)
              .isEqualTo(live - ledger.debt(currency));
          assertThat(ledger.available(currency, asOf) + ledger.pending(currency, asOf))
              .as("%s available + pending at %s", currency, asOf).isEqualTo(balance);
        }
      }
    });
  }

  /**
   * Checks that after every accepted command of a history, no balance is negative and no debt
   * exists unless the policy is {@link NegativeBalancePolicy#ALLOW}.
   *
   * @param histories the histories
   * @throws AssertionError if a balance goes negative under another policy
   */
  public static void balanceNeverNegativeUnlessAllowed(Gen<LedgerHistory> histories) {
    requireNonNull(histories, "histories");
    Theories.qt().forAll(histories).checkAssert(history -> {
      if (history.start().policy() == NegativeBalancePolicy.ALLOW) {
        return;
      }
      for (PointsLedger ledger : states(history)) {
        for (PointCurrency currency : ledger.currencies()) {
          assertThat(ledger.debt(currency)).as("%s debt of %s", currency, ledger).isZero();
          for (Instant asOf : probes(ledger)) {
            assertThat(ledger.balance(currency, asOf)).as("%s balance at %s", currency, asOf)
                .isNotNegative();
          }
        }
      }
    });
  }

  /**
   * Checks that earning for a fresh source with the team's rule, then clawing that source back
   * at the same instant, leaves every balance and every available amount as it was; and so do
   * partial clawbacks (two per currency) of everything it earned.
   *
   * @param ledgers the ledgers to start from
   * @param rule the earn rule under test
   * @throws AssertionError if the clawback is refused or a balance differs afterwards
   */
  public static void clawBackUndoesEarn(Gen<PointsLedger> ledgers, EarnRule rule) {
    requireNonNull(ledgers, "ledgers");
    requireNonNull(rule, "rule");
    RecordRef fresh = RecordRef.parse("purchaseId/ledger-law-fresh-source");
    Theories.qt().forAll(ledgers).checkAssert(ledger -> {
      Instant at = ledger.updatedAt().getOrElse(Instant.parse("2026-01-01T00:00:00Z"));
      EventStamp stamp = EventStamp.of(EventId.parse("law-earn"), at,
          ActorId.parse("ledger-law"));
      Either<LedgerRejection, Transition<PointsLedger>> earned = rule.earn(ledger, fresh, stamp);
      if (earned.isLeft()) {
        return;
      }
      Either<LedgerRejection, Transition<PointsLedger>> clawed = earned.get().state()
          .clawBack(fresh, stamp.next(1));
      assertThat(clawed.isRight()).as("clawback after %s: %s", earned.get().events(), clawed)
          .isTrue();
      PointsLedger after = clawed.get().state();
      for (PointCurrency currency : after.currencies().addAll(ledger.currencies())) {
        assertThat(after.balance(currency, at)).as("%s balance", currency)
            .isEqualTo(ledger.balance(currency, at));
        assertThat(after.available(currency, at)).as("%s available", currency)
            .isEqualTo(ledger.available(currency, at));
      }
      // The same in two partial clawbacks per currency.
      PointsLedger parts = earned.get().state();
      int n = 2;
      for (PointCurrency currency : parts.lots().filter(lot -> lot.source().equals(fresh))
          .map(PointsLot::currency).distinct()) {
        long left = parts.clawBackPart(fresh, currency, Long.MAX_VALUE, stamp.next(n))
            .getLeft().available().getOrElse(0L);
        for (long piece : new long[] {left / 2, left - left / 2}) {
          if (piece > 0) {
            Either<LedgerRejection, Transition<PointsLedger>> part = parts.clawBackPart(fresh,
                currency, piece, stamp.next(n++));
            assertThat(part.isRight()).as("partial clawback of %s: %s", piece, part).isTrue();
            parts = part.get().state();
          }
        }
      }
      for (PointCurrency currency : parts.currencies().addAll(ledger.currencies())) {
        assertThat(parts.balance(currency, at)).as("%s balance after parts", currency)
            .isEqualTo(ledger.balance(currency, at));
        assertThat(parts.available(currency, at)).as("%s available after parts", currency)
            .isEqualTo(ledger.available(currency, at));
      }
    });
  }

  /**
   * Checks that partial clawbacks of everything a source earned, in a few parts and then a full
   * clawback of the rest, leave the same balance, available points, debt and booked balance as
   * one full clawback at the same instant, and that they are refused (by the negative balance
   * policy) exactly when the full clawback is; and that a full clawback after partial ones of
   * everything takes nothing more.
   *
   * @param ledgers the ledgers to claw back from: each not fully clawed-back source is tried
   * @throws AssertionError if the parts and the whole differ
   */
  public static void partialClawBacksAddUpToFull(Gen<PointsLedger> ledgers) {
    requireNonNull(ledgers, "ledgers");
    Theories.qt().forAll(ledgers).checkAssert(ledger -> {
      Instant at = ledger.updatedAt().getOrElse(Instant.parse("2026-01-01T00:00:00Z"));
      for (PointsLot lot : ledger.lots().distinctBy(PointsLot::source)) {
        RecordRef source = lot.source();
        PointCurrency currency = lot.currency();
        if (ledger.clawedBackSources().contains(source)
            || ledger.lots().exists(other -> other.source().equals(source)
                && !other.currency().equals(currency))) {
          continue;
        }
        Either<LedgerRejection, Transition<PointsLedger>> full = ledger.clawBack(source,
            stamp("law-full", at));
        Either<LedgerRejection, Transition<PointsLedger>> probe = ledger.clawBackPart(source,
            currency, Long.MAX_VALUE, stamp("law-probe", at));
        if (probe.isRight() || !probe.getLeft().code().equals("loyalty.clawback.exceeds_earned")) {
          continue; // the account's own adjustments
        }
        long left = probe.getLeft().available().getOrElse(0L);
        PointsLedger parts = ledger;
        boolean refused = false;
        long[] pieces = {left / 3, left / 3, left - 2 * (left / 3)};
        for (int k = 0; k < pieces.length && !refused; k++) {
          if (pieces[k] < 1) {
            continue;
          }
          Either<LedgerRejection, Transition<PointsLedger>> part = parts.clawBackPart(source,
              currency, pieces[k], stamp("law-part-" + k, at));
          refused = part.isLeft();
          if (part.isRight()) {
            parts = part.get().state();
          }
        }
        Either<LedgerRejection, Transition<PointsLedger>> rest = refused ? full
            : parts.clawBack(source, stamp("law-rest", at));
        assertThat(refused || rest.isLeft()).as("parts of %s refused, whole: %s", source, full)
            .isEqualTo(full.isLeft());
        if (full.isLeft()) {
          continue;
        }
        PointsLedger one = full.get().state();
        PointsLedger many = rest.get().state();
        assertThat(many.balance(currency, at)).as("%s balance after parts", currency)
            .isEqualTo(one.balance(currency, at));
        assertThat(many.available(currency, at)).as("%s available after parts", currency)
            .isEqualTo(one.available(currency, at));
        assertThat(many.debt(currency)).as("%s debt after parts", currency)
            .isEqualTo(one.debt(currency));
        assertThat(many.bookedBalance(currency)).as("%s booked after parts", currency)
            .isEqualTo(one.bookedBalance(currency));
        assertThat(rest.get().state().bookedBalance(currency))
            .isEqualTo(parts.bookedBalance(currency));
      }
    });
  }

  /**
   * Checks that every redemption of a history was paid only by lots of its currency that were
   * live, not locked and held enough at the redemption's time, and that the pairs add up to the
   * amount.
   *
   * @param histories the histories
   * @throws AssertionError if a redemption used an expired, locked, foreign or short lot
   */
  public static void redemptionUsesOnlyUsableLots(Gen<LedgerHistory> histories) {
    requireNonNull(histories, "histories");
    Theories.qt().forAll(histories).checkAssert(history -> {
      PointsLedger ledger = history.start();
      for (LedgerCommand command : history.commands()) {
        PointsLedger before = ledger;
        Either<LedgerRejection, Transition<PointsLedger>> result = command.applyTo(before);
        if (result.isLeft()) {
          continue;
        }
        for (Object event : result.get().events()) {
          if (event instanceof LedgerEvent.PointsRedeemed redeemed) {
            LedgerEntry.Redeemed entry = redeemed.entry();
            long paid = 0;
            for (LotShare share : entry.paidBy()) {
              PointsLot lot = before.lot(share.lot()).getOrElseThrow(() ->
                  new AssertionError("redemption paid by unknown lot " + share));
              assertThat(lot.currency()).as("currency of lot %s", lot).isEqualTo(entry.currency());
              assertThat(lot.isLiveAt(entry.at())).as("lot %s live at %s", lot, entry.at())
                  .isTrue();
              assertThat(lot.isLockedAt(entry.at())).as("lot %s locked at %s", lot, entry.at())
                  .isFalse();
              assertThat(lot.remaining()).as("remaining of lot %s", lot)
                  .isGreaterThanOrEqualTo(share.amount());
              paid += share.amount();
            }
            assertThat(paid).as("pairs of %s", entry).isEqualTo(entry.amount());
          }
        }
        ledger = result.get().state();
      }
    });
  }

  /**
   * Checks that the journal accounts for every point: earned less redeemed, expired and clawed
   * back, plus adjustments and points given back by reversed redemptions, equals the booked
   * balance of every currency; and that once expiry is applied as of the last change, the booked
   * balance is the balance.
   *
   * @param histories the histories
   * @throws AssertionError if points appear or vanish
   */
  public static void conservesPoints(Gen<LedgerHistory> histories) {
    requireNonNull(histories, "histories");
    Theories.qt().forAll(histories).checkAssert(history -> {
      PointsLedger ledger = history.replay();
      for (PointCurrency currency : ledger.currencies()) {
        long earned = 0;
        long redeemed = 0;
        long expired = 0;
        long clawedBack = 0;
        long adjusted = 0;
        long restored = 0;
        for (LedgerEntry entry : ledger.journal()) {
          long change = entry.balanceChange(currency);
          if (entry instanceof LedgerEntry.Earned) {
            earned += change;
          } else if (entry instanceof LedgerEntry.Redeemed) {
            redeemed -= change;
          } else if (entry instanceof LedgerEntry.Expired) {
            expired -= change;
          } else if (entry instanceof LedgerEntry.ClawedBack) {
            clawedBack -= change;
          } else if (entry instanceof LedgerEntry.Adjusted) {
            adjusted += change;
          } else {
            restored += change;
          }
        }
        assertThat(earned - redeemed - expired - clawedBack + adjusted + restored)
            .as("%s journal of %s", currency, ledger).isEqualTo(ledger.bookedBalance(currency));
      }
      if (ledger.updatedAt().isDefined()) {
        Instant last = ledger.updatedAt().get();
        PointsLedger expired = ledger.expire(last, stamp("law-expire", last)).get().state();
        for (PointCurrency currency : expired.currencies()) {
          assertThat(expired.bookedBalance(currency)).as("%s booked after expiry", currency)
              .isEqualTo(expired.balance(currency, last));
        }
      }
    });
  }

  /**
   * Checks that applying expiry twice as of the same instant changes nothing the second time: the
   * same ledger and no event.
   *
   * @param histories the histories
   * @throws AssertionError if the second expiry changes the ledger or emits an event
   */
  public static void expireIsIdempotent(Gen<LedgerHistory> histories) {
    requireNonNull(histories, "histories");
    Theories.qt().forAll(histories).checkAssert(history -> {
      PointsLedger ledger = history.replay();
      if (ledger.updatedAt().isEmpty()) {
        return;
      }
      for (Instant asOf : probes(ledger)) {
        Instant at = asOf.isAfter(ledger.updatedAt().get()) ? asOf : ledger.updatedAt().get();
        PointsLedger once = ledger.expire(asOf, stamp("law-expire-1", at)).get().state();
        Transition<PointsLedger> twice = once.expire(asOf, stamp("law-expire-2", at)).get();
        assertThat(twice.state()).as("expired twice as of %s", asOf).isEqualTo(once);
        assertThat(twice.events()).as("second expiry's events").isEmpty();
      }
    });
  }

  /**
   * Checks that replaying a history gives an equal ledger and the same accepted events: the
   * ledger is a pure function of its commands.
   *
   * @param histories the histories
   * @throws AssertionError if two replays differ
   */
  public static void replaysDeterministically(Gen<LedgerHistory> histories) {
    requireNonNull(histories, "histories");
    Theories.qt().forAll(histories).checkAssert(history -> {
      assertThat(history.replay()).isEqualTo(history.replay());
      assertThat(events(history)).isEqualTo(events(history));
    });
  }

  /**
   * Runs every law of this class.
   *
   * @param histories the histories
   * @param rule the earn rule for {@link #clawBackUndoesEarn}
   * @throws AssertionError if a law fails
   */
  public static void checkAll(Gen<LedgerHistory> histories, EarnRule rule) {
    requireNonNull(histories, "histories");
    requireNonNull(rule, "rule");
    Gen<PointsLedger> ledgers = histories.map(LedgerHistory::replay);
    balanceIsSumOfLiveLots(ledgers);
    balanceNeverNegativeUnlessAllowed(histories);
    clawBackUndoesEarn(ledgers, rule);
    partialClawBacksAddUpToFull(ledgers);
    redemptionUsesOnlyUsableLots(histories);
    conservesPoints(histories);
    expireIsIdempotent(histories);
    replaysDeterministically(histories);
  }

  private static Seq<PointsLedger> states(LedgerHistory history) {
    List<PointsLedger> states = List.of(history.start());
    PointsLedger ledger = history.start();
    for (LedgerCommand command : history.commands()) {
      PointsLedger before = ledger;
      ledger = command.applyTo(before).fold(refused -> before, Transition::state);
      states = states.prepend(ledger);
    }
    return states.reverse();
  }

  private static Seq<Object> events(LedgerHistory history) {
    List<Object> events = List.empty();
    PointsLedger ledger = history.start();
    for (LedgerCommand command : history.commands()) {
      PointsLedger before = ledger;
      Either<LedgerRejection, Transition<PointsLedger>> result = command.applyTo(before);
      if (result.isRight()) {
        events = events.appendAll(result.get().events());
        ledger = result.get().state();
      } else {
        events = events.append(result.getLeft().code());
      }
    }
    return events;
  }

  /** Returns the instants worth probing: each lot's earning, expiry, unlock, just before them. */
  private static Seq<Instant> probes(PointsLedger ledger) {
    TreeSet<Instant> probes = TreeSet.empty();
    for (PointsLot lot : ledger.lots()) {
      probes = probes.add(lot.earnedAt());
      for (Instant t : lot.expiresAt().toList().appendAll(lot.lockedUntil())) {
        probes = probes.add(t).add(t.minusNanos(1));
      }
    }
    return probes.toList().appendAll(ledger.updatedAt());
  }

  private static EventStamp stamp(String id, Instant at) {
    return EventStamp.of(EventId.parse(id), at,
        ActorId.parse("ledger-law"));
  }
}
