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
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.loyalty.MemberNotice.Kind;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class TierChangePolicyTest {

  static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");
  static final PointCurrency POINTS = PointCurrency.of("points");
  static final CustomerId CUSTOMER = CustomerId.parse("C-1001");
  static final LoyaltyAccountId ACCOUNT = LoyaltyAccountId.parse("acc-1");
  static final LoyaltyProgramId PROGRAM_ID = LoyaltyProgramId.parse("rosewood-circle");
  static final Currency CNY = Currency.getInstance("CNY");
  static final EventStamp STAMP = EventStamp.of(EventId.parse("ev-1"), T0,
      ActorId.parse("tier-engine"));

  static final TierBenefits GOLD = new TierBenefits(Percentage.ofPercent(5),
      new BigDecimal("1.5"), Option.of(Priority.HIGH), HashSet.of("free-delivery"));
  static final TierBenefits BLACK = new TierBenefits(Percentage.ofPercent(10),
      BigDecimal.valueOf(2), Option.of(Priority.URGENT),
      HashSet.of("free-delivery", "private-viewing"));
  static final TierBenefits GOLD_PLUS = new TierBenefits(Percentage.ofPercent(7),
      new BigDecimal("1.5"), Option.of(Priority.HIGH), HashSet.of("free-delivery"));

  /** Silver (base), gold and black tiers on qualifying points. */
  static LoyaltyProgram program() {
    return new LoyaltyProgram(PROGRAM_ID, "Rosewood circle", ZoneId.of("Asia/Shanghai"), CNY,
        List.of(new ProgramCurrency(POINTS, HashSet.of(CurrencyRole.QUALIFYING,
            CurrencyRole.REDEEMABLE), new PointsExpiry.Never())),
        List.of(new EarnRule("spend", "A point per yuan", POINTS, new EarnBasis.PerSpend(1,
            Money.of("1.00", CNY), RoundingMode.DOWN), EarnFilter.ANY, true, Option.none(),
            Option.none(), Option.none())),
        new TierLadder(List.of(
            new Tier("silver", "Silver", List.empty(), TierBenefits.NONE),
            new Tier("gold", "Gold", List.of(new TierThreshold.QualifyingPoints(POINTS, 1_000)),
                GOLD),
            new Tier("black", "Black", List.of(new TierThreshold.QualifyingPoints(POINTS,
                5_000)), BLACK)),
            new TierWindow.CalendarYear(), Period.ofMonths(3), DowngradePolicy.ONE_LEVEL),
        Option.none(), RedemptionOrder.OLDEST_FIRST, NegativeBalancePolicy.FORFEIT, 7, T0);
  }

  static LoyaltyEvent.TierChanged changed(String from, String to, TierChangeReason reason,
      TierBenefits benefits) {
    return new LoyaltyEvent.TierChanged(STAMP, ACCOUNT, CUSTOMER, PROGRAM_ID,
        new TierChange(from, to, T0, reason), benefits);
  }

  @Test
  void anUpgradeNamesTheNewBenefitsAndTheNewServicePriority() {
    Seq<MemberNotice> notices = TierChangePolicy.all(Duration.ofDays(30))
        .decide(changed("silver", "gold", TierChangeReason.UPGRADE, GOLD), program());
    assertThat(notices).containsExactly(
        new MemberNotice.TierUpgraded(CUSTOMER, ACCOUNT, "silver", "gold", T0, GOLD),
        new MemberNotice.ServicePriorityChanged(CUSTOMER, ACCOUNT, Option.none(),
            Option.of(Priority.HIGH), T0));
  }

  @Test
  void aDowngradeNamesTheBenefitsLost() {
    Seq<MemberNotice> notices = TierChangePolicy.all(Duration.ofDays(30))
        .decide(changed("black", "gold", TierChangeReason.DOWNGRADE, GOLD), program());
    assertThat(notices).hasSize(2);
    MemberNotice.TierDowngraded down = (MemberNotice.TierDowngraded) notices.head();
    assertThat(down.before()).isEqualTo(BLACK);
    assertThat(down.after()).isEqualTo(GOLD);
    assertThat(down.reason()).isEqualTo(TierChangeReason.DOWNGRADE);
    assertThat(down.perksLost()).containsExactly("private-viewing");
    assertThat(notices.last()).isEqualTo(new MemberNotice.ServicePriorityChanged(CUSTOMER,
        ACCOUNT, Option.of(Priority.URGENT), Option.of(Priority.HIGH), T0));
  }

  @Test
  void theSamePriorityGivesNoPriorityNoticeAndAnUnknownOldTierCountsAsLowest() {
    TierChangePolicy policy = TierChangePolicy.all(Duration.ofDays(30));
    // A tier the program does not have counts as below every tier; same priority, no notice.
    Seq<MemberNotice> same = policy.decide(changed("gold", "gold-plus",
        TierChangeReason.PROGRAM_CHANGE, GOLD_PLUS), program());
    assertThat(same.map(MemberNotice::kind)).containsExactly(Kind.TIER_DOWNGRADED);
    Seq<MemberNotice> unknown = policy.decide(changed("bronze", "silver",
        TierChangeReason.PROGRAM_CHANGE, TierBenefits.NONE), program());
    assertThat(unknown).containsExactly(new MemberNotice.TierUpgraded(CUSTOMER, ACCOUNT,
        "bronze", "silver", T0, TierBenefits.NONE));
  }

  @Test
  void aDowngradeNoticeWarnsAndOtherEventsGiveNothing() {
    TierChangePolicy policy = TierChangePolicy.all(Duration.ofDays(30));
    Instant effective = T0.plus(Duration.ofDays(90));
    LoyaltyEvent noticed = new LoyaltyEvent.DowngradeNoticed(STAMP, ACCOUNT, CUSTOMER, "gold",
        new TierNotice(T0, effective));
    assertThat(policy.decide(noticed, program())).containsExactly(
        new MemberNotice.DowngradeWarning(CUSTOMER, ACCOUNT, "gold", T0, effective));
    LoyaltyEvent enrolled = new LoyaltyEvent.MemberEnrolled(STAMP, ACCOUNT, CUSTOMER,
        PROGRAM_ID, "silver", Option.none());
    assertThat(policy.decide(enrolled, program())).isEmpty();
  }

  @Test
  void givesOnlyTheConfiguredKinds() {
    TierChangePolicy quiet = TierChangePolicy.of(HashSet.of(Kind.TIER_DOWNGRADED),
        Duration.ofDays(30));
    assertThat(quiet.decide(changed("silver", "gold", TierChangeReason.UPGRADE, GOLD),
        program())).isEmpty();
    assertThat(quiet.decide(changed("gold", "silver", TierChangeReason.REVERSAL,
        TierBenefits.NONE), program()).map(MemberNotice::kind))
        .containsExactly(Kind.TIER_DOWNGRADED);
    PointsLedger ledger = PointsLedger.open(ACCOUNT, NegativeBalancePolicy.FORFEIT)
        .earn(POINTS, 100, Option.of(T0.plus(Duration.ofDays(3))), Option.none(),
            RecordRef.to(PurchaseId.parse("P-1")), "purchase", STAMP).get().state();
    assertThat(quiet.expiringSoon(CUSTOMER, ledger, T0)).isEmpty();
  }

  @Test
  void pointsExpiringWithinTheHorizonAreSummedPerInstant() {
    Instant soon = T0.plus(Duration.ofDays(10));
    Instant later = T0.plus(Duration.ofDays(20));
    PointsLedger ledger = PointsLedger.open(ACCOUNT, NegativeBalancePolicy.FORFEIT);
    long[] amounts = {100, 50, 70, 30};
    Instant[] expiries = {soon, soon, later, T0.plus(Duration.ofDays(40))};
    for (int i = 0; i < amounts.length; i++) {
      ledger = ledger.earn(POINTS, amounts[i], Option.of(expiries[i]), Option.none(),
          RecordRef.to(PurchaseId.parse("P-" + i)), "purchase", STAMP).get().state();
    }
    ledger = ledger.earn(PointCurrency.of("stars"), 5, Option.of(later), Option.none(),
        RecordRef.to(PurchaseId.parse("P-9")), "purchase", STAMP).get().state();
    assertThat(TierChangePolicy.all(Duration.ofDays(30)).expiringSoon(CUSTOMER, ledger, T0))
        .containsExactly(
            new MemberNotice.PointsExpiringSoon(CUSTOMER, ACCOUNT, POINTS, 150, soon),
            new MemberNotice.PointsExpiringSoon(CUSTOMER, ACCOUNT, POINTS, 70, later),
            new MemberNotice.PointsExpiringSoon(CUSTOMER, ACCOUNT, PointCurrency.of("stars"), 5,
                later));
  }

  @Test
  void refusesABadHorizonAndAnotherProgramsEvent() {
    assertThatThrownBy(() -> TierChangePolicy.all(Duration.ZERO))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()
            .map(v -> v.code())).containsExactly("loyalty.notice.horizon.not_positive"));
    LoyaltyEvent other = new LoyaltyEvent.TierChanged(STAMP, ACCOUNT, CUSTOMER,
        LoyaltyProgramId.parse("tea-club"), new TierChange("silver", "gold", T0,
            TierChangeReason.UPGRADE), GOLD);
    assertThatThrownBy(() -> TierChangePolicy.all(Duration.ofDays(1)).decide(other, program()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()
            .map(v -> v.code())).containsExactly("loyalty.notice.program_mismatch"));
  }
}
