package io.rapport.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.EarnActivity.EventActivity;
import io.rapport.crm.loyalty.EarnActivity.PurchaseActivity;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoyaltyAccountTest {

  static final Currency CNY = Currency.getInstance("CNY");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final PointCurrency POINTS = PointCurrency.of("points");
  static final PointCurrency CREDITS = PointCurrency.of("credits");
  static final LoyaltyProgramId PROGRAM_ID = LoyaltyProgramId.parse("rosewood-club");
  static final LoyaltyAccountId ACCOUNT = LoyaltyAccountId.parse("acc-1");
  static final CustomerId CUSTOMER = CustomerId.parse("cust-1");
  static final Instant JOINED = Instant.parse("2026-03-01T02:00:00Z");
  static final ActorId CASHIER = ActorId.parse("cashier-1");
  static final AtomicInteger EVENTS = new AtomicInteger();

  static final LoyaltyProgram PROGRAM = program();

  static LoyaltyProgram program() {
    Money one = Money.of("1.00", CNY);
    ProgramCurrency points = new ProgramCurrency(POINTS, HashSet.of(CurrencyRole.REDEEMABLE),
        new PointsExpiry.EndOfYear());
    ProgramCurrency credits = new ProgramCurrency(CREDITS, HashSet.of(CurrencyRole.QUALIFYING),
        new PointsExpiry.Never());
    EarnRule spendPoints = new EarnRule("spend-points", "1 point per yuan", POINTS,
        new EarnBasis.PerSpend(1, one, RoundingMode.DOWN), EarnFilter.ANY, true, Option.none(),
        Option.none(), Option.none());
    EarnRule spendCredits = new EarnRule("spend-credits", "1 credit per yuan", CREDITS,
        new EarnBasis.PerSpend(1, one, RoundingMode.DOWN), EarnFilter.ANY, false, Option.none(),
        Option.none(), Option.none());
    EarnRule review = new EarnRule("review", "50 points a review", POINTS,
        new EarnBasis.PerEvent(LoyaltyEventKind.REVIEW, 50), EarnFilter.ANY, false,
        Option.none(), Option.none(), Option.of(50L));
    Tier member = new Tier("member", "Member", List.empty(), TierBenefits.NONE);
    Tier silver = new Tier("silver", "Silver", List.of(
        new TierThreshold.QualifyingPoints(CREDITS, 1_000), new TierThreshold.Purchases(5)),
        new TierBenefits(Percentage.ofPercent(5), new BigDecimal("1.5"), Option.none(),
            HashSet.empty()));
    Tier gold = new Tier("gold", "Gold", List.of(
        new TierThreshold.QualifyingPoints(CREDITS, 5_000), new TierThreshold.Referrals(3)),
        new TierBenefits(Percentage.ofPercent(10), new BigDecimal("2"),
            Option.of(Priority.HIGH), HashSet.of("free-delivery")));
    TierLadder ladder = new TierLadder(List.of(member, silver, gold),
        new TierWindow.CalendarYear(), Period.ofMonths(1), DowngradePolicy.ONE_LEVEL);
    return new LoyaltyProgram(PROGRAM_ID, "Rosewood Club", SHANGHAI, CNY,
        List.of(points, credits), List.of(spendPoints, spendCredits, review), ladder,
        Option.of(new ReferralRule(ReferralTrigger.FIRST_PURCHASE, POINTS, 500, 200)),
        RedemptionOrder.OLDEST_FIRST, NegativeBalancePolicy.FORFEIT, 7, JOINED);
  }

  static EventStamp at(Instant when) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()), when, CASHIER);
  }

  static Instant day(String date) {
    return Instant.parse(date + "T04:00:00Z");
  }

  static PurchaseActivity purchase(String id, String amount, Instant when) {
    return new PurchaseActivity(RecordRef.to(PurchaseId.parse(id)), when, "store",
        List.of(new ActivityLine(ProductId.parse("chair"), HashSet.of("furniture"),
            BigDecimal.ONE, Money.of(amount, CNY))));
  }

  static Transition<LoyaltyAccount> ok(Either<LoyaltyRejection, Transition<LoyaltyAccount>> r) {
    assertThat(r.isRight()).as("%s", r).isTrue();
    return r.get();
  }

  static LoyaltyAccount enrolled(Option<LoyaltyAccountId> referredBy) {
    return ok(LoyaltyAccount.enroll(ACCOUNT, PROGRAM, CUSTOMER, referredBy, at(JOINED))).state();
  }

  static LoyaltyAccount buy(LoyaltyAccount account, String id, String amount, Instant when) {
    return ok(account.earn(PROGRAM, purchase(id, amount, when), at(when))).state();
  }

  @Test
  void enrollingStartsInTheBaseTierWithTheNextEvaluationAtNewYear() {
    Transition<LoyaltyAccount> t = ok(LoyaltyAccount.enroll(ACCOUNT, PROGRAM, CUSTOMER,
        Option.none(), at(JOINED)));
    assertThat(t.state().tier().tier()).isEqualTo("member");
    assertThat(t.state().tier().nextEvaluation())
        .isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    assertThat(t.events()).singleElement().isInstanceOf(LoyaltyEvent.MemberEnrolled.class);
    assertThat(LoyaltyAccount.enroll(ACCOUNT, PROGRAM, CUSTOMER, Option.of(ACCOUNT), at(JOINED))
        .getLeft().code()).isEqualTo("loyalty.referral.self");
  }

  @Test
  void aPurchaseEarnsLockedPointsAndCreditsAndUpgradesAtOnce() {
    Instant when = day("2026-04-01");
    Transition<LoyaltyAccount> t = ok(enrolled(Option.none())
        .earn(PROGRAM, purchase("p-1", "1200.00", when), at(when)));
    LoyaltyAccount account = t.state();
    assertThat(account.balance(POINTS, when)).isEqualTo(1200);
    assertThat(account.available(POINTS, when)).isZero();
    assertThat(account.available(POINTS, when.plusSeconds(8 * 86_400))).isEqualTo(1200);
    assertThat(account.balance(CREDITS, when)).isEqualTo(1200);
    assertThat(account.tier().tier()).isEqualTo("silver");
    assertThat(account.tierHistory()).singleElement()
        .isEqualTo(new TierChange("member", "silver", when, TierChangeReason.UPGRADE));
    assertThat(t.events().map(Object::getClass).toJavaList()).containsExactly(
        LoyaltyEvent.ActivityRecorded.class, LedgerEvent.PointsEarned.class,
        LedgerEvent.PointsEarned.class, LoyaltyEvent.TierChanged.class);
    assertThat(t.events().map(e -> ((StampedEvent) e).stamp().eventId()).distinct())
        .hasSize(4);
    LoyaltyEvent.TierChanged changed = (LoyaltyEvent.TierChanged) t.events().last();
    assertThat(changed.benefits().pointsMultiplier()).isEqualByComparingTo("1.5");
  }

  @Test
  void theTierMultiplierAppliesOnlyToMultipliedRules() {
    LoyaltyAccount account = buy(enrolled(Option.none()), "p-1", "1200.00", day("2026-04-01"));
    LoyaltyAccount after = buy(account, "p-2", "100.00", day("2026-04-02"));
    assertThat(after.balance(POINTS, day("2026-04-02")) - 1200).isEqualTo(150);
    assertThat(after.balance(CREDITS, day("2026-04-02")) - 1200).isEqualTo(100);
  }

  @Test
  void theSameActivityEarnsOnce() {
    LoyaltyAccount account = buy(enrolled(Option.none()), "p-1", "100.00", day("2026-04-01"));
    Either<LoyaltyRejection, Transition<LoyaltyAccount>> again = account.earn(PROGRAM,
        purchase("p-1", "100.00", day("2026-04-01")), at(day("2026-04-02")));
    assertThat(again.getLeft().code()).isEqualTo("loyalty.activity.already_recorded");
  }

  @Test
  void aFullRefundReturnsToTheInitialBalanceAndTier() {
    LoyaltyAccount start = enrolled(Option.none());
    LoyaltyAccount bought = buy(start, "p-1", "1200.00", day("2026-04-01"));
    Transition<LoyaltyAccount> refunded = ok(bought.reverse(PROGRAM,
        RecordRef.to(PurchaseId.parse("p-1")), BigDecimal.ONE, at(day("2026-04-03"))));
    LoyaltyAccount after = refunded.state();
    assertThat(after.balance(POINTS, day("2026-04-03"))).isZero();
    assertThat(after.balance(CREDITS, day("2026-04-03"))).isZero();
    assertThat(after.tier().tier()).isEqualTo("member");
    assertThat(after.tierHistory().last())
        .isEqualTo(new TierChange("silver", "member", day("2026-04-03"),
            TierChangeReason.REVERSAL));
    assertThat(refunded.events().head()).isInstanceOf(LoyaltyEvent.ActivityReversed.class);
    assertThat(refunded.events().last()).isInstanceOf(LoyaltyEvent.TierChanged.class);
    assertThat(after.reverse(PROGRAM, RecordRef.to(PurchaseId.parse("p-1")), BigDecimal.ONE,
        at(day("2026-04-04"))).getLeft().code()).isEqualTo("loyalty.activity.already_reversed");
  }

  @Test
  void partialRefundsTakeBackTheirShareAndAddUpToTheWhole() {
    LoyaltyAccount bought = buy(enrolled(Option.none()), "p-1", "999.00", day("2026-04-01"));
    RecordRef source = RecordRef.to(PurchaseId.parse("p-1"));
    LoyaltyAccount third = ok(bought.reverse(PROGRAM, source, new BigDecimal("0.3333"),
        at(day("2026-04-02")))).state();
    assertThat(third.balance(CREDITS, day("2026-04-02"))).isEqualTo(999 - 333);
    assertThat(third.balance(POINTS, day("2026-04-02"))).isEqualTo(999 - 333);
    LoyaltyAccount rest = ok(third.reverse(PROGRAM, source, new BigDecimal("0.6667"),
        at(day("2026-04-03")))).state();
    assertThat(rest.balance(CREDITS, day("2026-04-03"))).isZero();
    assertThat(rest.balance(POINTS, day("2026-04-03"))).isZero();
    assertThat(rest.qualifying().filter(QualifyingEntry::reversal).map(QualifyingEntry::purchases)
        .sum().longValue()).isEqualTo(-1);
  }

  @Test
  void redeemingMoreThanAvailableIsRefusedWithTheAvailablePoints() {
    LoyaltyAccount account = buy(enrolled(Option.none()), "p-1", "300.00", day("2026-04-01"));
    Instant later = day("2026-04-20");
    Either<LoyaltyRejection, Transition<LoyaltyAccount>> tooMuch = account.redeem(PROGRAM,
        POINTS, 301, RecordRef.to(PurchaseId.parse("reward-1")), at(later));
    assertThat(tooMuch.getLeft().code()).isEqualTo("loyalty.insufficient_points");
    assertThat(tooMuch.getLeft().available()).contains(300L);
    assertThat(account.redeem(PROGRAM, CREDITS, 1, RecordRef.to(PurchaseId.parse("reward-1")),
        at(later)).getLeft().code()).isEqualTo("loyalty.currency.not_redeemable");
    LoyaltyAccount redeemed = ok(account.redeem(PROGRAM, POINTS, 120,
        RecordRef.to(PurchaseId.parse("reward-1")), at(later))).state();
    assertThat(redeemed.available(POINTS, later)).isEqualTo(180);
  }

  @Test
  void lockedPointsCannotBeRedeemedDuringTheReturnWindow() {
    LoyaltyAccount account = buy(enrolled(Option.none()), "p-1", "300.00", day("2026-04-01"));
    Either<LoyaltyRejection, Transition<LoyaltyAccount>> early = account.redeem(PROGRAM, POINTS,
        1, RecordRef.to(PurchaseId.parse("reward-1")), at(day("2026-04-05")));
    assertThat(early.getLeft().available()).contains(0L);
  }

  @Test
  void threeReferralsReachGoldAndEachReferralIsRewardedOnce() {
    LoyaltyAccount account = enrolled(Option.none());
    for (int i = 1; i <= 3; i++) {
      account = ok(account.rewardReferral(PROGRAM, LoyaltyAccountId.parse("friend-" + i),
          at(day("2026-05-0" + i)))).state();
    }
    assertThat(account.tier().tier()).isEqualTo("gold");
    assertThat(account.balance(POINTS, day("2026-05-04"))).isEqualTo(1500);
    assertThat(account.rewardReferral(PROGRAM, LoyaltyAccountId.parse("friend-1"),
        at(day("2026-05-05"))).getLeft().code()).isEqualTo("loyalty.referral.already_completed");
  }

  @Test
  void aReferredMemberClaimsTheirRewardOnce() {
    LoyaltyAccount referred = enrolled(Option.of(LoyaltyAccountId.parse("friend")));
    LoyaltyAccount claimed = ok(referred.claimReferralReward(PROGRAM, at(day("2026-04-01"))))
        .state();
    assertThat(claimed.balance(POINTS, day("2026-04-01"))).isEqualTo(200);
    assertThat(claimed.referralCompletedAt()).contains(day("2026-04-01"));
    assertThat(claimed.claimReferralReward(PROGRAM, at(day("2026-04-02"))).getLeft().code())
        .isEqualTo("loyalty.referral.already_completed");
    assertThat(enrolled(Option.none()).claimReferralReward(PROGRAM, at(day("2026-04-02")))
        .getLeft().code()).isEqualTo("loyalty.referral.not_referred");
  }

  @Test
  void aMemberKeepsTheirTierForAYearThenGetsNoticeAndGoesDownOneLevelAfterTheGrace() {
    LoyaltyAccount gold = buy(enrolled(Option.none()), "p-1", "6000.00", day("2026-04-01"));
    assertThat(gold.tier().tier()).isEqualTo("gold");
    LoyaltyAccount renewed = ok(gold.evaluateTier(PROGRAM, at(day("2027-01-02")))).state();
    assertThat(renewed.tier().tier()).isEqualTo("gold");
    assertThat(renewed.tier().notice()).isEmpty();
    Transition<LoyaltyAccount> noticed = ok(renewed.evaluateTier(PROGRAM, at(day("2028-01-02"))));
    assertThat(noticed.state().tier().tier()).isEqualTo("gold");
    assertThat(noticed.state().tier().notice().isDefined()).isTrue();
    assertThat(noticed.events()).singleElement().isInstanceOf(LoyaltyEvent.DowngradeNoticed.class);
    Transition<LoyaltyAccount> down = ok(noticed.state().evaluateTier(PROGRAM,
        at(day("2028-02-02"))));
    assertThat(down.state().tier().tier()).isEqualTo("silver");
    assertThat(down.events()).singleElement().isInstanceOf(LoyaltyEvent.TierChanged.class);
    assertThat(down.state().tierHistory().last().reason()).isEqualTo(TierChangeReason.DOWNGRADE);
  }

  @Test
  void theStoredTierIsTheReplayOfTheHistory() {
    LoyaltyAccount account = buy(enrolled(Option.none()), "p-1", "6000.00", day("2026-04-01"));
    account = ok(account.reverse(PROGRAM, RecordRef.to(PurchaseId.parse("p-1")),
        new BigDecimal("0.5"), at(day("2026-05-01")))).state();
    account = buy(account, "p-2", "10.00", day("2027-03-01"));
    assertThat(account.tier())
        .isEqualTo(account.tierAt(PROGRAM, account.updatedAt()));
  }

  @Test
  void commandsOutOfOrderOrForAnotherProgramAreRefused() {
    LoyaltyAccount account = buy(enrolled(Option.none()), "p-1", "100.00", day("2026-04-02"));
    assertThat(account.earn(PROGRAM, purchase("p-2", "1.00", day("2026-04-01")),
        at(day("2026-04-01"))).getLeft().code()).isEqualTo("loyalty.out_of_order");
    LoyaltyProgram other = new LoyaltyProgram(LoyaltyProgramId.parse("other"), PROGRAM.name(),
        PROGRAM.zone(), PROGRAM.spendCurrency(), PROGRAM.currencies(), PROGRAM.earnRules(),
        PROGRAM.ladder(), PROGRAM.referral(), PROGRAM.redemptionOrder(),
        PROGRAM.negativeBalance(), PROGRAM.pendingDays(), PROGRAM.updatedAt());
    assertThat(account.earn(other, purchase("p-2", "1.00", day("2026-04-03")),
        at(day("2026-04-03"))).getLeft().code()).isEqualTo("loyalty.program.mismatch");
    assertThat(account.earn(PROGRAM, purchase("p-2", "1.00", day("2026-04-05")),
        at(day("2026-04-03"))).getLeft().code()).isEqualTo("loyalty.activity.in_future");
  }

  @Test
  void theProjectionTellsWhatIsMissingAndWhatExpires() {
    LoyaltyAccount account = buy(enrolled(Option.none()), "p-1", "1200.00", day("2026-04-01"));
    MemberProjection projection = account.projection(PROGRAM, day("2026-04-10"));
    assertThat(projection.tier().tier()).isEqualTo("silver");
    assertThat(projection.tier().nextTier()).contains("gold");
    assertThat(projection.tier().toReachNext().map(TierShortfall::missing)
        .map(BigDecimal::longValueExact).toJavaList())
        .containsExactlyInAnyOrder(3800L, 3L);
    assertThat(projection.available().get(POINTS)).contains(1200L);
    assertThat(projection.expiring()).singleElement()
        .extracting(ExpiringPoints::expiresAt).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
  }

  @Test
  void aReviewEarnsWithinItsDailyCap() {
    LoyaltyAccount account = enrolled(Option.none());
    Instant when = day("2026-04-01");
    account = ok(account.earn(PROGRAM, new EventActivity(RecordRef.to(PurchaseId.parse("r-1")),
        when, "web", LoyaltyEventKind.REVIEW), at(when))).state();
    Transition<LoyaltyAccount> second = ok(account.earn(PROGRAM, new EventActivity(
        RecordRef.to(PurchaseId.parse("r-2")), when, "web", LoyaltyEventKind.REVIEW), at(when)));
    assertThat(second.state().balance(POINTS, when)).isEqualTo(50);
    LoyaltyEvent.ActivityRecorded recorded = (LoyaltyEvent.ActivityRecorded) second.events()
        .head();
    assertThat(recorded.outcome().awards()).isEmpty();
    assertThat(recorded.outcome().skipped().map(SkippedRule::code))
        .contains("loyalty.earn.capped");
  }

  @Test
  void theConstructorReportsEveryBrokenRule() {
    LoyaltyAccount account = enrolled(Option.none());
    assertThatThrownBy(() -> new LoyaltyAccount(account.id(), account.program(),
        account.customer(), account.joinedAt(),
        PointsLedger.open(LoyaltyAccountId.parse("other"), NegativeBalancePolicy.FORFEIT),
        account.qualifying(), account.tier(), account.tierHistory(), Option.of(account.id()),
        account.referralCompletedAt(), account.joinedAt().minusSeconds(1)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(v -> v.code()).toJavaList()).containsExactlyInAnyOrder(
                "loyalty.account.ledger_id", "loyalty.account.updated_before_joining",
                "loyalty.account.self_referral"));
  }

  @Test
  void anAccountMovesToAnotherCustomerWithItsPointsAndTier() {
    LoyaltyAccount account = buy(enrolled(Option.none()), "p-1", "1200.00", day("2026-04-01"));
    CustomerId survivor = CustomerId.parse("cust-2");
    Transition<LoyaltyAccount> moved = ok(account.transferTo(PROGRAM, survivor,
        at(day("2026-04-02"))));
    assertThat(moved.state().customer()).isEqualTo(survivor);
    assertThat(moved.state().tier().tier()).isEqualTo("silver");
    assertThat(moved.state().balance(POINTS, day("2026-04-02"))).isEqualTo(1200);
    assertThat(moved.events().head()).isEqualTo(new LoyaltyEvent.MemberTransferred(
        ((StampedEvent) moved.events().head()).stamp(), ACCOUNT, survivor, CUSTOMER));
    assertThat(account.transferTo(PROGRAM, CUSTOMER, at(day("2026-04-02"))).getLeft().code())
        .isEqualTo("loyalty.transfer.same_customer");
  }
}
