package io.rapport.crm.loyalty;

import static io.rapport.crm.loyalty.LoyaltyProgramTest.ID;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.SHANGHAI;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.work.Priority;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Examples of the ready standard program. */
class LoyaltyProgramsTest {

  @Test
  void declaresRedeemablePointsAndQualifyingTierCredits() {
    LoyaltyProgram program = LoyaltyProgramTest.standard();
    ProgramCurrency points = program.currency(LoyaltyPrograms.POINTS).get();
    ProgramCurrency credits = program.currency(LoyaltyPrograms.TIER_CREDITS).get();
    assertThat(points.isRedeemable()).isTrue();
    assertThat(points.isQualifying()).isFalse();
    assertThat(points.expiry()).isEqualTo(new PointsExpiry.EndOfYear());
    assertThat(credits.isQualifying()).isTrue();
    assertThat(credits.isRedeemable()).isFalse();
    assertThat(credits.expiry()).isEqualTo(new PointsExpiry.Never());
  }

  @Test
  void paysForSpendAndTheUsualOccasions() {
    LoyaltyProgram program = LoyaltyProgramTest.standard();
    assertThat(program.earnRules().map(EarnRule::code)).containsExactly("spend-points",
        "spend-tier-credits", "registration", "review", "birthday");
    assertThat(program.rule("spend-points").get().tierMultiplied()).isTrue();
    assertThat(program.rule("spend-tier-credits").get().tierMultiplied()).isFalse();
    assertThat(program.rule("registration").get().basis())
        .isEqualTo(new EarnBasis.PerEvent(LoyaltyEventKind.REGISTRATION, 100));
    assertThat(program.rule("review").get().basis())
        .isEqualTo(new EarnBasis.PerEvent(LoyaltyEventKind.REVIEW, 50));
    assertThat(program.rule("birthday").get().basis())
        .isEqualTo(new EarnBasis.PerEvent(LoyaltyEventKind.BIRTHDAY, 200));
    assertThat(program.rule("birthday").get().capPerDay()).containsExactly(200L);
  }

  @Test
  void climbsFromMemberToPlatinumWithRisingBenefits() {
    LoyaltyProgram program = LoyaltyProgramTest.standard();
    Seq<Tier> tiers = program.ladder().tiers();
    assertThat(tiers.map(Tier::code)).containsExactly("member", "silver", "gold", "platinum");
    assertThat(tiers.get(1).anyOf()).containsExactly(
        new TierThreshold.QualifyingPoints(LoyaltyPrograms.TIER_CREDITS, 5_000),
        new TierThreshold.Purchases(5));
    assertThat(tiers.map(t -> t.benefits().discount())).containsExactly(Percentage.ZERO,
        Percentage.ofPercent(5), Percentage.ofPercent(10), Percentage.ofPercent(15));
    assertThat(tiers.map(t -> t.benefits().pointsMultiplier())).containsExactly(
        new BigDecimal("1"), new BigDecimal("1.25"), new BigDecimal("1.5"), new BigDecimal("2"));
    assertThat(tiers.flatMap(t -> t.benefits().servicePriority())).containsExactly(
        Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT);
    assertThat(program.ladder().window()).isEqualTo(new TierWindow.CalendarYear());
    assertThat(program.ladder().grace()).isEqualTo(Period.ofMonths(1));
    assertThat(program.ladder().downgrade()).isEqualTo(DowngradePolicy.ONE_LEVEL);
  }

  @Test
  void rewardsReferralsOnTheFirstPurchaseAndLocksPurchasePointsForAWeek() {
    LoyaltyProgram program = LoyaltyProgramTest.standard();
    assertThat(program.referral()).containsExactly(new ReferralRule(
        ReferralTrigger.FIRST_PURCHASE, LoyaltyPrograms.POINTS, 500, 200));
    assertThat(program.pendingDays()).isEqualTo(7);
    assertThat(program.updatedAt()).isEqualTo(T0);
    assertThat(program.zone()).isEqualTo(SHANGHAI);
  }

  @Test
  void worksInACurrencyWithoutDecimals() {
    LoyaltyProgram program = LoyaltyPrograms.standard(ID, "Sakura", SHANGHAI,
        Currency.getInstance("JPY"), T0);
    assertThat(program.spendCurrency()).isEqualTo(Currency.getInstance("JPY"));
    assertThat(program.referral().map(ReferralRule::referrerPoints)).isEqualTo(Option.of(500L));
  }

  @Test
  void refusesABlankName() {
    assertThatThrownBy(() -> LoyaltyPrograms.standard(ID, " ", SHANGHAI,
        Currency.getInstance("CNY"), T0))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(v -> v.code())).containsExactly("loyalty.program.name.blank"));
  }
}
