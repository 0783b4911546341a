package io.rapport.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PointsLedgerTest {

  static final PointCurrency POINTS = PointCurrency.of("points");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Instant T0 = Instant.parse("2026-03-10T04:00:00Z");
  static final ActorId AGENT = ActorId.parse("agent-1");

  static EventStamp at(long days) {
    return EventStamp.of(EventId.parse("ev-" + days), T0.plus(Duration.ofDays(days)), AGENT);
  }

  static RecordRef purchase(String id) {
    return RecordRef.to(PurchaseId.parse(id));
  }

  static PointsLedger ok(Either<LedgerRejection, Transition<PointsLedger>> result) {
    assertThat(result.isRight()).as("%s", result).isTrue();
    return result.get().state();
  }

  static PointsLedger earn(PointsLedger ledger, long amount, Option<Instant> expiresAt,
      Option<Instant> lockedUntil, String source, long day) {
    return ok(ledger.earn(POINTS, amount, expiresAt, lockedUntil, purchase(source), "purchase",
        at(day)));
  }

  static PointsLedger empty(NegativeBalancePolicy policy) {
    return PointsLedger.open(LoyaltyAccountId.parse("acc-1"), policy);
  }

  @Test
  void expiryRulesComputeTheFirstUnusableInstantInTheZone() {
    Instant earned = Instant.parse("2026-01-31T20:00:00Z"); // 1 Feb 04:00 in Shanghai
    assertThat(new PointsExpiry.Never().expiresAt(earned, SHANGHAI)).isEmpty();
    assertThat(new PointsExpiry.AfterDays(30).expiresAt(earned, SHANGHAI))
        .contains(Instant.parse("2026-03-02T20:00:00Z"));
    assertThat(new PointsExpiry.EndOfMonth(0).expiresAt(earned, SHANGHAI))
        .contains(Instant.parse("2026-02-28T16:00:00Z"));
    assertThat(new PointsExpiry.EndOfMonth(12).expiresAt(earned, SHANGHAI))
        .contains(Instant.parse("2027-02-28T16:00:00Z"));
    assertThat(new PointsExpiry.EndOfYear().expiresAt(earned, SHANGHAI))
        .contains(Instant.parse("2026-12-31T16:00:00Z"));
    assertThatThrownBy(() -> new PointsExpiry.AfterDays(0))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(v -> v.code())).containsExactly("loyalty.expiry.days.out_of_range"));
    assertThatThrownBy(() -> PointCurrency.of("Points"))
        .isInstanceOf(InvalidValueException.class);
    assertThat(PointCurrency.validated("tier-credits").isValid()).isTrue();
  }

  @Test
  void aLotIsUnusableAtItsExpiryInstant() {
    Instant expiry = T0.plus(Duration.ofDays(10));
    PointsLedger ledger = earn(empty(NegativeBalancePolicy.REFUSE), 100, Option.of(expiry),
        Option.none(), "P-1", 0);
    assertThat(ledger.balance(POINTS, expiry.minusNanos(1))).isEqualTo(100);
    assertThat(ledger.balance(POINTS, expiry)).isZero();
    assertThat(ledger.redeem(POINTS, 1, RedemptionOrder.OLDEST_FIRST, purchase("R-1"), at(10))
        .getLeft().code()).isEqualTo("loyalty.insufficient_points");
  }

  @Test
  void redemptionConsumesLotsInTheChosenOrderAndNamesThem() {
    PointsLedger ledger = empty(NegativeBalancePolicy.REFUSE);
    ledger = earn(ledger, 100, Option.none(), Option.none(), "P-1", 0);
    ledger = earn(ledger, 50, Option.of(T0.plus(Duration.ofDays(40))), Option.none(), "P-2", 1);
    ledger = earn(ledger, 70, Option.of(T0.plus(Duration.ofDays(20))), Option.none(), "P-3", 2);
    var oldest = ledger.redeem(POINTS, 120, RedemptionOrder.OLDEST_FIRST, purchase("R-1"), at(3))
        .get();
    assertThat(((LedgerEvent.PointsRedeemed) oldest.events().head()).entry().paidBy())
        .containsExactly(new LotShare(1, POINTS, 100), new LotShare(2, POINTS, 20));
    var soonest = ledger.redeem(POINTS, 120, RedemptionOrder.SOONEST_EXPIRING_FIRST,
        purchase("R-1"), at(3)).get();
    assertThat(((LedgerEvent.PointsRedeemed) soonest.events().head()).entry().paidBy())
        .containsExactly(new LotShare(3, POINTS, 70), new LotShare(2, POINTS, 50));
    assertThat(soonest.state().balance(POINTS, T0.plus(Duration.ofDays(3)))).isEqualTo(100);
  }

  @Test
  void lockedPointsArePendingAndRedeemingTooMuchNamesTheAvailableAmount() {
    Instant unlock = T0.plus(Duration.ofDays(7));
    PointsLedger ledger = earn(empty(NegativeBalancePolicy.REFUSE), 100, Option.none(),
        Option.none(), "P-1", 0);
    ledger = earn(ledger, 80, Option.none(), Option.of(unlock), "P-2", 1);
    Instant day2 = T0.plus(Duration.ofDays(2));
    assertThat(ledger.balance(POINTS, day2)).isEqualTo(180);
    assertThat(ledger.available(POINTS, day2)).isEqualTo(100);
    assertThat(ledger.pending(POINTS, day2)).isEqualTo(80);
    LedgerRejection refused = ledger.redeem(POINTS, 150, RedemptionOrder.OLDEST_FIRST,
        purchase("R-1"), at(2)).getLeft();
    assertThat(refused.code()).isEqualTo("loyalty.insufficient_points");
    assertThat(refused.available()).contains(100L);
    assertThat(ledger.available(POINTS, unlock)).isEqualTo(180);
    assertThat(ledger.redeem(POINTS, 150, RedemptionOrder.OLDEST_FIRST, purchase("R-1"), at(7))
        .isRight()).isTrue();
  }

  @Test
  void expireMovesExpiredPointsOnceAndProjectsWhatExpiresWhen() {
    Instant soon = T0.plus(Duration.ofDays(5));
    Instant later = T0.plus(Duration.ofDays(50));
    PointsLedger ledger = earn(empty(NegativeBalancePolicy.REFUSE), 100, Option.of(soon),
        Option.none(), "P-1", 0);
    ledger = earn(ledger, 30, Option.of(later), Option.none(), "P-2", 1);
    assertThat(ledger.expiring(POINTS, T0, later.plusSeconds(1))).containsExactly(
        new ExpiringPoints(1, POINTS, 100, soon), new ExpiringPoints(2, POINTS, 30, later));
    PointsLedger expired = ok(ledger.expire(soon, at(6)));
    assertThat(expired.journal().last()).isInstanceOf(LedgerEntry.Expired.class);
    assertThat(expired.bookedBalance(POINTS)).isEqualTo(30);
    var again = expired.expire(soon, at(6)).get();
    assertThat(again.state()).isEqualTo(expired);
    assertThat(again.events()).isEmpty();
    assertThat(expired.expire(T0.plus(Duration.ofDays(7)), at(6)).getLeft().code())
        .isEqualTo("loyalty.expiry.in_future");
  }

  @Test
  void clawBackUnderEachPolicy() {
    for (NegativeBalancePolicy policy : NegativeBalancePolicy.values()) {
      PointsLedger ledger = earn(empty(policy), 100, Option.none(), Option.none(), "P-1", 0);
      ledger = earn(ledger, 30, Option.none(), Option.none(), "P-2", 1);
      ledger = ok(ledger.redeem(POINTS, 120, RedemptionOrder.OLDEST_FIRST, purchase("R-1"),
          at(2)));
      // P-2 earned 30, of which 20 were spent; only 10 other points are left to cover them.
      var result = ledger.clawBack(purchase("P-2"), at(3));
      Instant now = T0.plus(Duration.ofDays(3));
      if (policy == NegativeBalancePolicy.REFUSE) {
        assertThat(result.getLeft().code()).isEqualTo("loyalty.negative_balance_refused");
        continue;
      }
      PointsLedger after = result.get().state();
      LedgerEntry.ClawedBack entry = (LedgerEntry.ClawedBack) after.journal().last();
      assertThat(entry.taken()).containsExactly(new LotShare(2, POINTS, 10));
      // P-2 had 10 left: lot 1 had 0 after the redemption.
      assertThat(entry.covered()).isEmpty();
      if (policy == NegativeBalancePolicy.ALLOW) {
        assertThat(after.balance(POINTS, now)).isEqualTo(-20);
        assertThat(entry.debtIncurred().get(POINTS)).contains(20L);
        PointsLedger repaid = earn(after, 50, Option.none(), Option.none(), "P-3", 4);
        assertThat(repaid.balance(POINTS, now)).isEqualTo(30);
        assertThat(repaid.debt(POINTS)).isZero();
      } else {
        assertThat(after.balance(POINTS, now)).isZero();
        assertThat(entry.forfeited().get(POINTS)).contains(20L);
      }
      assertThat(after.clawBack(purchase("P-2"), at(5)).getLeft().code())
          .isEqualTo("loyalty.source_already_reversed");
      assertThat(after.clawBack(purchase("P-9"), at(5)).getLeft().code())
          .isEqualTo("loyalty.source_unknown");
    }
  }

  @Test
  void partialClawBacksTakeRemainingPointsFirstThenSpentOnesByPolicy() {
    for (NegativeBalancePolicy policy : NegativeBalancePolicy.values()) {
      PointsLedger ledger = earn(empty(policy), 100, Option.none(), Option.none(), "P-1", 0);
      ledger = earn(ledger, 30, Option.none(), Option.none(), "P-2", 1);
      ledger = ok(ledger.redeem(POINTS, 120, RedemptionOrder.OLDEST_FIRST, purchase("R-1"),
          at(2)));
      // Lot 2 (P-2): 10 left, 20 spent. Lot 1: nothing left.
      PointsLedger first = ok(ledger.clawBackPart(purchase("P-2"), POINTS, 5, at(3)));
      LedgerEntry.ClawedBack part = (LedgerEntry.ClawedBack) first.journal().last();
      assertThat(part.taken()).containsExactly(new LotShare(2, POINTS, 5));
      assertThat(part.covered()).isEmpty();
      assertThat(part.debtIncurred()).isEmpty();
      assertThat(part.forfeited()).isEmpty();
      assertThat(first.balance(POINTS, at(3).at())).isEqualTo(5);
      LedgerRejection tooMuch = first.clawBackPart(purchase("P-2"), POINTS, 26, at(4)).getLeft();
      assertThat(tooMuch.code()).isEqualTo("loyalty.clawback.exceeds_earned");
      assertThat(tooMuch.available()).contains(25L);
      var second = first.clawBackPart(purchase("P-2"), POINTS, 15, at(4));
      Instant now = at(4).at();
      if (policy == NegativeBalancePolicy.REFUSE) {
        assertThat(second.getLeft().code()).isEqualTo("loyalty.negative_balance_refused");
        assertThat(second.getLeft().available()).contains(5L);
        continue;
      }
      PointsLedger after = second.get().state();
      LedgerEntry.ClawedBack entry = (LedgerEntry.ClawedBack) after.journal().last();
      assertThat(entry.taken()).containsExactly(new LotShare(2, POINTS, 5));
      if (policy == NegativeBalancePolicy.ALLOW) {
        assertThat(entry.debtIncurred().get(POINTS)).contains(10L);
        assertThat(after.balance(POINTS, now)).isEqualTo(-10);
      } else {
        assertThat(entry.forfeited().get(POINTS)).contains(10L);
        assertThat(after.balance(POINTS, now)).isZero();
      }
      // The full clawback takes the rest: the 10 spent points not yet charged.
      PointsLedger full = ok(after.clawBack(purchase("P-2"), at(5)));
      PointsLedger alone = ok(ledger.clawBack(purchase("P-2"), at(5)));
      assertThat(full.balance(POINTS, at(5).at())).isEqualTo(alone.balance(POINTS, at(5).at()));
      assertThat(full.debt(POINTS)).isEqualTo(alone.debt(POINTS));
      assertThat(full.clawBackPart(purchase("P-2"), POINTS, 1, at(6)).getLeft().code())
          .isEqualTo("loyalty.source_already_reversed");
    }
  }

  @Test
  void partialClawBackRejectsBadRequests() {
    PointsLedger ledger = earn(empty(NegativeBalancePolicy.ALLOW), 100, Option.none(),
        Option.none(), "P-1", 1);
    assertThat(ledger.clawBackPart(purchase("P-1"), POINTS, 0, at(2)).getLeft().code())
        .isEqualTo("loyalty.amount.not_positive");
    assertThat(ledger.clawBackPart(purchase("P-9"), POINTS, 1, at(2)).getLeft().code())
        .isEqualTo("loyalty.source_unknown");
    assertThat(ledger.clawBackPart(purchase("P-1"), PointCurrency.of("stars"), 1, at(2))
        .getLeft().code()).isEqualTo("loyalty.source_unknown");
    assertThat(ledger.clawBackPart(purchase("P-1"), POINTS, 1, at(0)).getLeft().code())
        .isEqualTo("loyalty.out_of_order");
    PointsLedger adjusted = ok(ledger.adjust(POINTS, 5, "goodwill", at(2)));
    assertThat(adjusted.clawBackPart(RecordRef.to(adjusted.id()), POINTS, 1, at(3)).getLeft()
        .code()).isEqualTo("loyalty.source_unknown");
    assertThat(ledger.clawBackPart(purchase("P-1"), POINTS, 101, at(2)).getLeft().available())
        .contains(100L);
  }

  @Test
  void partialClawBacksMakeThePaidDebtDebtAgainAndCostNothingForExpiredPoints() {
    PointsLedger owing = ok(empty(NegativeBalancePolicy.ALLOW).adjust(POINTS, -50, "fix", at(0)));
    PointsLedger earned = earn(owing, 80, Option.none(), Option.none(), "P-1", 1);
    assertThat(earned.balance(POINTS, at(1).at())).isEqualTo(30);
    PointsLedger half = ok(earned.clawBackPart(purchase("P-1"), POINTS, 40, at(2)));
    assertThat(half.debt(POINTS)).isEqualTo(10);
    PointsLedger all = ok(half.clawBackPart(purchase("P-1"), POINTS, 40, at(3)));
    assertThat(all.debt(POINTS)).isEqualTo(50);
    assertThat(all.balance(POINTS, at(3).at())).isEqualTo(-50);
    PointsLedger rest = ok(all.clawBack(purchase("P-1"), at(4)));
    assertThat(rest.debt(POINTS)).isEqualTo(50);

    Instant expiry = T0.plus(Duration.ofDays(10));
    PointsLedger lot = earn(empty(NegativeBalancePolicy.ALLOW), 100, Option.of(expiry),
        Option.none(), "P-2", 0);
    lot = ok(lot.redeem(POINTS, 30, RedemptionOrder.OLDEST_FIRST, purchase("R-1"), at(1)));
    lot = ok(lot.expire(expiry, at(11)));
    PointsLedger clawed = ok(lot.clawBackPart(purchase("P-2"), POINTS, 50, at(12)));
    LedgerEntry.ClawedBack entry = (LedgerEntry.ClawedBack) clawed.journal().last();
    assertThat(entry.debtIncurred().get(POINTS)).contains(30L);
    assertThat(entry.forfeited().get(POINTS)).contains(20L);
    PointsLedger expiredOnly = ok(clawed.clawBackPart(purchase("P-2"), POINTS, 50, at(13)));
    assertThat(expiredOnly.debt(POINTS)).isEqualTo(30);
    assertThat(expiredOnly.clawBackPart(purchase("P-2"), POINTS, 1, at(14)).getLeft().available())
        .contains(0L);
  }

  @Test
  void reversingARedemptionRestoresLiveLotsAndLapsesExpiredOnes() {
    Instant expiry = T0.plus(Duration.ofDays(5));
    PointsLedger ledger = earn(empty(NegativeBalancePolicy.REFUSE), 40, Option.of(expiry),
        Option.none(), "P-1", 0);
    ledger = earn(ledger, 60, Option.none(), Option.none(), "P-2", 1);
    ledger = ok(ledger.redeem(POINTS, 70, RedemptionOrder.OLDEST_FIRST, purchase("R-1"), at(2)));
    PointsLedger reversed = ok(ledger.reverseRedemption(purchase("R-1"), at(6)));
    LedgerEntry.RedemptionReversed entry = (LedgerEntry.RedemptionReversed) reversed.journal()
        .last();
    assertThat(entry.restored()).containsExactly(new LotShare(2, POINTS, 30));
    assertThat(entry.lapsed()).containsExactly(new LotShare(1, POINTS, 40));
    assertThat(reversed.balance(POINTS, T0.plus(Duration.ofDays(6)))).isEqualTo(60);
    assertThat(reversed.reverseRedemption(purchase("R-1"), at(7)).getLeft().code())
        .isEqualTo("loyalty.source_already_reversed");
  }

  @Test
  void adjustmentsCarryReasonAndActorAndRespectThePolicy() {
    PointsLedger ledger = earn(empty(NegativeBalancePolicy.REFUSE), 10, Option.none(),
        Option.none(), "P-1", 0);
    PointsLedger plus = ok(ledger.adjust(POINTS, 5, "goodwill", at(1)));
    LedgerEntry.Adjusted entry = (LedgerEntry.Adjusted) plus.journal().last();
    assertThat(entry.actor()).isEqualTo(AGENT);
    assertThat(entry.reason()).isEqualTo("goodwill");
    assertThat(plus.balance(POINTS, T0.plus(Duration.ofDays(1)))).isEqualTo(15);
    LedgerRejection refused = plus.adjust(POINTS, -20, "correction", at(2)).getLeft();
    assertThat(refused.code()).isEqualTo("loyalty.negative_balance_refused");
    assertThat(refused.available()).contains(15L);
    assertThat(plus.adjust(POINTS, 0, "x", at(2)).getLeft().code())
        .isEqualTo("loyalty.amount.zero");
    assertThat(plus.adjust(POINTS, 3, " ", at(2)).getLeft().code())
        .isEqualTo("loyalty.reason.invalid");
  }

  @Test
  void refusesBadInputWithStableCodesAndLeavesTheLedgerUnchanged() {
    PointsLedger ledger = earn(empty(NegativeBalancePolicy.ALLOW), 10, Option.none(),
        Option.none(), "P-1", 5);
    List<LedgerRejection> refusals = List.of(
        ledger.earn(POINTS, 0, Option.none(), Option.none(), purchase("P-2"), "r", at(6)),
        ledger.earn(POINTS, 1, Option.none(), Option.none(), purchase("P-2"), "r", at(4)),
        ledger.earn(POINTS, 1, Option.of(T0), Option.none(), purchase("P-2"), "r", at(6)),
        ledger.earn(POINTS, Long.MAX_VALUE, Option.none(), Option.none(), purchase("P-2"), "r",
            at(6)),
        ledger.redeem(POINTS, -1, RedemptionOrder.OLDEST_FIRST, purchase("R-1"), at(6)),
        ledger.reverseRedemption(purchase("R-1"), at(6)),
        ledger.adjust(POINTS, Long.MIN_VALUE, "r", at(6))).map(Either::getLeft);
    assertThat(refusals.map(LedgerRejection::code)).containsExactly(
        "loyalty.amount.not_positive", "loyalty.out_of_order", "loyalty.expiry.not_after_earning",
        "loyalty.amount.overflow", "loyalty.amount.not_positive", "loyalty.source_unknown",
        "loyalty.amount.overflow");
    assertThat(ledger.journal()).hasSize(1);
    assertThat(ledger.balance(POINTS, T0.plus(Duration.ofDays(6)))).isEqualTo(10);
  }

  @Test
  void earnWithARuleUsesTheStampTimeAndEmitsOneEvent() {
    var result = empty(NegativeBalancePolicy.REFUSE).earn(POINTS, 10,
        new PointsExpiry.EndOfYear(), SHANGHAI, Option.none(), purchase("P-1"), "purchase",
        at(0)).get();
    assertThat(result.events()).hasSize(1);
    assertThat(result.events().head()).isInstanceOf(LedgerEvent.PointsEarned.class);
    assertThat(result.state().lot(1).flatMap(PointsLot::expiresAt))
        .contains(Instant.parse("2026-12-31T16:00:00Z"));
  }
}
