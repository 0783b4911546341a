package io.rapport.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/** The ledger's laws on random command sequences, decoded from plain integers. */
class PointsLedgerProperties {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);
  static final PointCurrency[] CURRENCIES = {PointCurrency.of("points"),
      PointCurrency.of("tier-credits")};
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final ActorId ACTOR = ActorId.parse("tester");

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  static Gen<List<Integer>> codes() {
    return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 40);
  }

  /** Decodes one integer into a command at a time after the previous one. */
  static Either<LedgerRejection, Transition<PointsLedger>> step(PointsLedger ledger, int i,
      int code, Instant at) {
    EventStamp stamp = EventStamp.of(EventId.parse("ev-" + i), at, ACTOR);
    PointCurrency currency = CURRENCIES[code % 2];
    int kind = (code / 2) % 10;
    long amount = 1 + (code / 20) % 500;
    int ref = (code / 10_000) % Math.max(1, i);
    switch (kind) {
      case 0: case 1: case 2: case 3:
        Option<Instant> expires = (code / 7) % 3 == 0 ? Option.none()
            : Option.of(at.plus(Duration.ofDays(1 + (code / 3) % 60)));
        Option<Instant> locked = (code / 11) % 4 == 0
            ? Option.of(at.plus(Duration.ofDays(1 + (code / 13) % 10))) : Option.none();
        return ledger.earn(currency, amount, expires, locked,
            RecordRef.to(PurchaseId.parse("P-" + i)), "purchase", stamp);
      case 4: case 5:
        return ledger.redeem(currency, amount, RedemptionOrder.values()[(code / 5) % 2],
            RecordRef.to(PurchaseId.parse("R-" + i)), stamp);
      case 6:
        return ledger.expire(at, stamp);
      case 7:
        return ledger.adjust(currency, (code / 3) % 2 == 0 ? amount : -amount, "fix", stamp);
      case 8:
        return (code / 3) % 2 == 0
            ? ledger.clawBack(RecordRef.to(PurchaseId.parse("P-" + ref)), stamp)
            : ledger.clawBackPart(RecordRef.to(PurchaseId.parse("P-" + ref)), currency, amount,
                stamp);
      default:
        return ledger.reverseRedemption(RecordRef.to(PurchaseId.parse("R-" + ref)), stamp);
    }
  }

  static List<PointsLedger> run(NegativeBalancePolicy policy, List<Integer> codes) {
    List<PointsLedger> states = new ArrayList<>();
    PointsLedger ledger = PointsLedger.open(LoyaltyAccountId.parse("acc-1"), policy);
    states.add(ledger);
    Instant at = T0;
    for (int i = 0; i < codes.size(); i++) {
      at = at.plus(Duration.ofHours(codes.get(i) % 200));
      PointsLedger before = ledger;
      ledger = step(before, i, codes.get(i), at).fold(refused -> {
        assertThat(refused.code()).startsWith("loyalty.");
        return before;
      }, Transition::state);
      states.add(ledger);
    }
    return states;
  }

  static Gen<NegativeBalancePolicy> policies() {
    return integers().between(0, 2).map(n -> NegativeBalancePolicy.values()[n]);
  }

  @Test
  void balanceIsLiveLotsLessDebtAndNegativeOnlyWhenAllowed() {
    qt().forAll(policies(), codes()).checkAssert((policy, codes) -> {
      for (PointsLedger ledger : run(policy, codes)) {
        Instant asOf = ledger.updatedAt().getOrElse(T0);
        for (PointCurrency currency : CURRENCIES) {
          long live = ledger.lots().filter(lot -> lot.currency().equals(currency)
              && lot.isLiveAt(asOf)).map(PointsLot::remaining).sum().longValue();
          assertThat(ledger.balance(currency, asOf)).isEqualTo(live - ledger.debt(currency));
          if (policy != NegativeBalancePolicy.ALLOW) {
            assertThat(ledger.balance(currency, asOf)).isNotNegative();
          }
        }
      }
    });
  }

  @Test
  void theJournalExplainsTheBookedBalance() {
    qt().forAll(policies(), codes()).checkAssert((policy, codes) -> {
      List<PointsLedger> states = run(policy, codes);
      PointsLedger last = states.get(states.size() - 1);
      for (PointCurrency currency : CURRENCIES) {
        long sum = last.journal().map(entry -> entry.balanceChange(currency)).sum().longValue();
        assertThat(sum).isEqualTo(last.bookedBalance(currency));
      }
    });
  }

  @Test
  void earnThenClawBackRestoresBalanceAndAvailable() {
    qt().forAll(policies(), codes(), integers().between(1, 5000))
        .checkAssert((policy, codes, amount) -> {
          List<PointsLedger> states = run(policy, codes);
          PointsLedger ledger = states.get(states.size() - 1);
          Instant at = ledger.updatedAt().getOrElse(T0);
          RecordRef source = RecordRef.to(PurchaseId.parse("fresh"));
          PointsLedger earned = ledger.earn(CURRENCIES[0], amount, Option.none(), Option.none(),
              source, "x", EventStamp.of(EventId.parse("e1"), at, ACTOR)).get().state();
          PointsLedger back = earned.clawBack(source,
              EventStamp.of(EventId.parse("e2"), at, ACTOR)).get().state();
          assertThat(back.balance(CURRENCIES[0], at)).isEqualTo(ledger.balance(CURRENCIES[0], at));
          assertThat(back.available(CURRENCIES[0], at))
              .isEqualTo(ledger.available(CURRENCIES[0], at));
        });
  }

  /** Answers how many points of a source may still be clawed back, from the refusal. */
  static long left(PointsLedger ledger, RecordRef source, PointCurrency currency, Instant at) {
    return ledger.clawBackPart(source, currency, Long.MAX_VALUE,
        EventStamp.of(EventId.parse("probe"), at, ACTOR)).getLeft().available().getOrElse(0L);
  }

  @Test
  void partialClawBacksOfEverythingEqualOneFullClawBack() {
    qt().forAll(policies(), codes(), integers().between(1, 4), integers().between(0, 1))
        .checkAssert((policy, codes, pieces, finishWithFull) -> {
          List<PointsLedger> states = run(policy, codes);
          PointsLedger ledger = states.get(states.size() - 1);
          Instant at = ledger.updatedAt().getOrElse(T0);
          for (PointsLot lot : ledger.lots().distinctBy(PointsLot::source).take(4)) {
            RecordRef source = lot.source();
            if (ledger.clawedBackSources().contains(source)) {
              continue;
            }
            PointCurrency currency = lot.currency();
            var full = ledger.clawBack(source, EventStamp.of(EventId.parse("full"), at, ACTOR));
            long left = left(ledger, source, currency, at);
            PointsLedger parts = ledger;
            boolean refused = false;
            long done = 0;
            for (int k = 1; k <= pieces && !refused; k++) {
              long piece = k == pieces ? left - done : left / pieces;
              if (piece < 1 || k == pieces && finishWithFull == 1) {
                continue;
              }
              var result = parts.clawBackPart(source, currency, piece,
                  EventStamp.of(EventId.parse("part-" + k), at, ACTOR));
              refused = result.isLeft();
              if (result.isRight()) {
                parts = result.get().state();
                done += piece;
              } else {
                assertThat(result.getLeft().code()).isEqualTo("loyalty.negative_balance_refused");
              }
            }
            var rest = parts.clawBack(source, EventStamp.of(EventId.parse("rest"), at, ACTOR));
            refused = refused || rest.isLeft();
            assertThat(refused).as("refused in parts vs %s", full).isEqualTo(full.isLeft());
            if (full.isLeft()) {
              continue;
            }
            PointsLedger one = full.get().state();
            PointsLedger many = rest.get().state();
            assertThat(many.balance(currency, at)).isEqualTo(one.balance(currency, at));
            assertThat(many.available(currency, at)).isEqualTo(one.available(currency, at));
            assertThat(many.debt(currency)).isEqualTo(one.debt(currency));
            assertThat(many.bookedBalance(currency)).isEqualTo(one.bookedBalance(currency));
          }
        });
  }

  @Test
  void earnThenPartialClawBacksOfEverythingRestoreTheBalance() {
    qt().forAll(policies(), codes(), integers().between(1, 5000), integers().between(1, 5))
        .checkAssert((policy, codes, amount, pieces) -> {
          List<PointsLedger> states = run(policy, codes);
          PointsLedger ledger = states.get(states.size() - 1);
          Instant at = ledger.updatedAt().getOrElse(T0);
          RecordRef source = RecordRef.to(PurchaseId.parse("fresh"));
          PointsLedger back = ledger.earn(CURRENCIES[1], amount, Option.none(), Option.none(),
              source, "x", EventStamp.of(EventId.parse("e1"), at, ACTOR)).get().state();
          long done = 0;
          for (int k = 1; k <= pieces; k++) {
            long piece = k == pieces ? amount - done : amount / pieces;
            if (piece < 1) {
              continue;
            }
            back = back.clawBackPart(source, CURRENCIES[1], piece,
                EventStamp.of(EventId.parse("e" + (k + 1)), at, ACTOR)).get().state();
            done += piece;
          }
          assertThat(left(back, source, CURRENCIES[1], at)).isZero();
          assertThat(back.balance(CURRENCIES[1], at)).isEqualTo(ledger.balance(CURRENCIES[1], at));
          assertThat(back.available(CURRENCIES[1], at))
              .isEqualTo(ledger.available(CURRENCIES[1], at));
          assertThat(back.debt(CURRENCIES[1])).isEqualTo(ledger.debt(CURRENCIES[1]));
        });
  }

  @Test
  void bothRedemptionOrdersConsumeLotsInTheirDocumentedOrder() {
    qt().forAll(policies(), codes()).checkAssert((policy, codes) -> {
      List<PointsLedger> states = run(policy, codes);
      PointsLedger ledger = states.get(states.size() - 1);
      Instant at = ledger.updatedAt().getOrElse(T0);
      for (PointCurrency currency : CURRENCIES) {
        long available = ledger.available(currency, at);
        if (available < 1) {
          continue;
        }
        io.vavr.collection.Seq<PointsLot> usable = ledger.lots().filter(lot ->
            lot.currency().equals(currency) && lot.remaining() > 0 && lot.isLiveAt(at)
                && !lot.isLockedAt(at));
        io.vavr.collection.Seq<PointsLot> soonest = usable.sortBy(lot ->
            lot.expiresAt().getOrElse(Instant.MAX));
        for (RedemptionOrder order : RedemptionOrder.values()) {
          io.vavr.collection.Seq<PointsLot> expected =
              order == RedemptionOrder.OLDEST_FIRST ? usable : soonest;
          LedgerEvent.PointsRedeemed redeemed = (LedgerEvent.PointsRedeemed) ledger.redeem(
              currency, available, order, RecordRef.to(PurchaseId.parse("R-all")),
              EventStamp.of(EventId.parse("all"), at, ACTOR)).get().events().head();
          io.vavr.collection.Seq<Integer> paid = redeemed.entry().paidBy().map(LotShare::lot);
          assertThat(paid).as("%s lots paying", order)
              .isEqualTo(expected.map(PointsLot::number).take(paid.size()));
          assertThat(paid.size()).as("%s lots paying all but debt", order)
              .isEqualTo(ledger.debt(currency) == 0 ? expected.size() : paid.size());
        }
      }
    });
  }

  @Test
  void redemptionsNeverTouchExpiredOrLockedLots() {
    qt().forAll(policies(), codes()).checkAssert((policy, codes) -> {
      List<PointsLedger> states = run(policy, codes);
      for (int i = 1; i < states.size(); i++) {
        PointsLedger before = states.get(i - 1);
        PointsLedger after = states.get(i);
        if (after.journal().size() > before.journal().size()
            && after.journal().last() instanceof LedgerEntry.Redeemed redeemed) {
          for (LotShare share : redeemed.paidBy()) {
            PointsLot lot = before.lot(share.lot()).get();
            assertThat(lot.isLiveAt(redeemed.at())).isTrue();
            assertThat(lot.isLockedAt(redeemed.at())).isFalse();
            assertThat(lot.remaining()).isGreaterThanOrEqualTo(share.amount());
          }
          assertThat(redeemed.paidBy().map(LotShare::amount).sum().longValue())
              .isEqualTo(redeemed.amount());
        }
      }
    });
  }

  @Test
  void expireIsIdempotentAndReplayIsDeterministic() {
    qt().forAll(policies(), codes()).checkAssert((policy, codes) -> {
      List<PointsLedger> states = run(policy, codes);
      PointsLedger last = states.get(states.size() - 1);
      assertThat(run(policy, codes).get(states.size() - 1)).isEqualTo(last);
      Instant at = last.updatedAt().getOrElse(T0);
      PointsLedger once = last.expire(at, EventStamp.of(EventId.parse("x1"), at, ACTOR)).get()
          .state();
      Transition<PointsLedger> twice = once.expire(at,
          EventStamp.of(EventId.parse("x2"), at, ACTOR)).get();
      assertThat(twice.state()).isEqualTo(once);
      assertThat(twice.events()).isEmpty();
    });
  }

  @Test
  void expiryRulesNeverExpireBeforeOrAtEarning() {
    qt().forAll(integers().between(0, 3), integers().between(0, 400),
        integers().between(0, 2_000_000)).checkAssert((kind, n, minutes) -> {
          PointsExpiry rule = kind == 0 ? new PointsExpiry.AfterDays(1 + n)
              : kind == 1 ? new PointsExpiry.EndOfMonth(n % 13)
              : kind == 2 ? new PointsExpiry.EndOfYear() : new PointsExpiry.Never();
          Instant earned = T0.plus(Duration.ofMinutes(minutes));
          for (ZoneId zone : List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"))) {
            assertThat(rule.expiresAt(earned, zone).forAll(t -> t.isAfter(earned))).isTrue();
          }
        });
  }
}
