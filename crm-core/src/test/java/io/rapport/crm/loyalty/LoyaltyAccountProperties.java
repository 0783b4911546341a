package io.rapport.crm.loyalty;

import static io.rapport.crm.loyalty.LoyaltyAccountTest.CREDITS;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.POINTS;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.EarnActivity.EventActivity;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * The account's laws on random member histories over two years, decoded from plain integers:
 * purchases, reviews, redemptions, partial and full refunds and tier evaluations.
 */
class LoyaltyAccountProperties {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);
  static final Instant JOINED = Instant.parse("2026-01-05T02:00:00Z");
  static final ActorId ACTOR = ActorId.parse("tester");

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(200);
  }

  static Gen<List<Integer>> codes() {
    return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 30);
  }

  static EventStamp stamp(String id, Instant at) {
    return EventStamp.of(EventId.parse(id), at, ACTOR);
  }

  static LoyaltyAccount open() {
    return LoyaltyAccount.enroll(LoyaltyAccountId.parse("acc"), PROGRAM,
        CustomerId.parse("cust"), Option.none(), stamp("ev-join", JOINED)).get().state();
  }

  /** Runs the decoded commands, skipping refused ones; answers the account and the last time. */
  static LoyaltyAccount run(List<Integer> codes) {
    LoyaltyAccount account = open();
    Instant at = JOINED;
    for (int i = 0; i < codes.size(); i++) {
      int code = codes.get(i);
      at = at.plus(Duration.ofDays(1 + code % 40)).plusSeconds(code % 3_600);
      Either<LoyaltyRejection, Transition<LoyaltyAccount>> done = step(account, i, code, at);
      if (done.isRight()) {
        account = done.get().state();
      }
    }
    return account;
  }

  static Either<LoyaltyRejection, Transition<LoyaltyAccount>> step(LoyaltyAccount account, int i,
      int code, Instant at) {
    EventStamp stamp = stamp("ev-" + i, at);
    int kind = (code / 40) % 8;
    int ref = (code / 320) % Math.max(1, i);
    switch (kind) {
      case 0: case 1: case 2:
        return account.earn(PROGRAM, LoyaltyAccountTest.purchase("P-" + i,
            (1 + (code / 2_560) % 3_000) + ".00", at), stamp);
      case 3:
        return account.earn(PROGRAM, new EventActivity(RecordRef.to(PurchaseId.parse("V-" + i)),
            at, "web", LoyaltyEventKind.REVIEW), stamp);
      case 4:
        return account.redeem(PROGRAM, POINTS, 1 + (code / 2_560) % 800,
            RecordRef.to(PurchaseId.parse("R-" + i)), stamp);
      case 5:
        return account.reverse(PROGRAM, RecordRef.to(PurchaseId.parse("P-" + ref)),
            new BigDecimal("0.25"), stamp);
      case 6:
        return account.reverse(PROGRAM, RecordRef.to(PurchaseId.parse("P-" + ref)),
            BigDecimal.ONE, stamp);
      default:
        return account.evaluateTier(PROGRAM, stamp);
    }
  }

  @Test
  void theStoredTierIsAlwaysTheReplayOfTheHistory() {
    qt().forAll(codes()).checkAssert(codes -> {
      LoyaltyAccount account = run(codes);
      assertThat(account.tier()).isEqualTo(account.tierAt(PROGRAM, account.updatedAt()));
    });
  }

  @Test
  void theTierHistoryEndsInTheCurrentTier() {
    qt().forAll(codes()).checkAssert(codes -> {
      LoyaltyAccount account = run(codes);
      String last = account.tierHistory().lastOption().map(TierChange::to).getOrElse("member");
      assertThat(last).isEqualTo(account.tier().tier());
    });
  }

  @Test
  void aPurchaseAndItsFullRefundLeaveTheBalancesAndTheTierAsWithoutThem() {
    qt().forAll(codes(), integers().between(1, 9_000)).checkAssert((codes, yuan) -> {
      LoyaltyAccount before = run(codes);
      Instant bought = before.updatedAt().plus(Duration.ofHours(1));
      Instant refunded = bought.plus(Duration.ofDays(3));
      LoyaltyAccount after = before.earn(PROGRAM, LoyaltyAccountTest.purchase("X", yuan + ".00",
          bought), stamp("ev-x", bought)).get().state()
          .reverse(PROGRAM, RecordRef.to(PurchaseId.parse("X")), BigDecimal.ONE,
              stamp("ev-y", refunded)).get().state();
      LoyaltyAccount without = before.evaluateTier(PROGRAM, stamp("ev-z", refunded)).get()
          .state();
      for (PointCurrency currency : List.of(POINTS, CREDITS)) {
        assertThat(after.balance(currency, refunded))
            .isEqualTo(without.balance(currency, refunded));
        assertThat(after.available(currency, refunded))
            .isEqualTo(without.available(currency, refunded));
      }
      assertThat(after.tier().tier()).isEqualTo(without.tier().tier());
    });
  }

  @Test
  void balancesStayWithinWhatTheForfeitPolicyAllows() {
    qt().forAll(codes()).checkAssert(codes -> {
      LoyaltyAccount account = run(codes);
      Instant at = account.updatedAt();
      for (PointCurrency currency : List.of(POINTS, CREDITS)) {
        assertThat(account.balance(currency, at)).isNotNegative();
        assertThat(account.available(currency, at))
            .isBetween(0L, account.balance(currency, at));
      }
    });
  }
}
