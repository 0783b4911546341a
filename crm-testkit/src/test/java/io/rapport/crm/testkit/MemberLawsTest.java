package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.EarnActivity;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.LoyaltyPrograms;
import io.rapport.crm.loyalty.LoyaltyRejection;
import io.rapport.crm.loyalty.TierStatus;
import io.rapport.crm.testkit.generators.LoyaltyGenerators;
import io.rapport.crm.testkit.generators.TierGenerators;
import io.rapport.crm.testkit.laws.MemberLaws;
import io.rapport.crm.testkit.laws.MemberScript;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The member laws hold for the standard and generated programs, and each catches its bug. */
class MemberLawsTest {

  static final LoyaltyProgram STANDARD_PROGRAM = LoyaltyPrograms.standard(
      LoyaltyProgramId.parse("club"), "Rosewood Club", ZoneId.of("Asia/Shanghai"),
      Currency.getInstance("CNY"), Instant.parse("2026-01-01T00:00:00Z"));
  static final Gen<MemberScript> STANDARD_SCRIPTS = MemberLaws.scripts(STANDARD_PROGRAM);

  @Test
  void theStandardProgramKeepsEveryLaw() {
    assertThatCode(() -> MemberLaws.checkAll(STANDARD_PROGRAM)).doesNotThrowAnyException();
  }

  @Test
  void generatedProgramsKeepEveryLaw() {
    for (Gen<LoyaltyProgram> programs : java.util.List.of(LoyaltyGenerators.programs(),
        TierGenerators.programs())) {
      Gen<MemberScript> scripts = MemberLaws.scripts(programs);
      assertThatCode(() -> {
        MemberLaws.storedTierIsTheReplay(scripts, MemberLaws.STANDARD);
        MemberLaws.purchaseAndFullRefundChangeNothing(scripts, MemberLaws.STANDARD);
        MemberLaws.balancesWithinPolicy(scripts, MemberLaws.STANDARD);
        MemberLaws.earningIsExplained(scripts, MemberLaws.STANDARD);
      }).doesNotThrowAnyException();
    }
  }

  @Test
  void aTierThatIsNotTheReplayIsCaught() {
    MemberLaws.Member stuckAtTheTop = new MemberLaws.Member() {
      @Override
      public Either<LoyaltyRejection, Transition<LoyaltyAccount>> evaluate(LoyaltyAccount a,
          LoyaltyProgram p, EventStamp s) {
        return a.evaluateTier(p, s).map(t -> {
          LoyaltyAccount x = t.state();
          TierStatus top = new TierStatus(p.ladder().tiers().last().code(), x.tier().since(),
              x.tier().nextEvaluation(), Option.none());
          return Transition.of(new LoyaltyAccount(x.id(), x.program(), x.customer(),
              x.joinedAt(), x.ledger(), x.qualifying(), top, x.tierHistory(), x.referredBy(),
              x.referralCompletedAt(), x.updatedAt()));
        });
      }
    };
    assertThatThrownBy(() -> MemberLaws.storedTierIsTheReplay(STANDARD_SCRIPTS, stuckAtTheTop))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aRefundThatTakesBackTooLittleIsCaught() {
    MemberLaws.Member halfRefunds = new MemberLaws.Member() {
      @Override
      public Either<LoyaltyRejection, Transition<LoyaltyAccount>> reverse(LoyaltyAccount a,
          LoyaltyProgram p, RecordRef source, BigDecimal share, EventStamp s) {
        return a.reverse(p, source, share.divide(BigDecimal.valueOf(2)), s);
      }
    };
    assertThatThrownBy(() -> MemberLaws.purchaseAndFullRefundChangeNothing(STANDARD_SCRIPTS,
        halfRefunds)).isInstanceOf(AssertionError.class);
  }

  @Test
  void pointsNoAwardExplainsAreCaught() {
    MemberLaws.Member bonus = new MemberLaws.Member() {
      @Override
      public Either<LoyaltyRejection, Transition<LoyaltyAccount>> earn(LoyaltyAccount a,
          LoyaltyProgram p, EarnActivity activity, EventStamp s) {
        return a.earn(p, activity, s).flatMap(t -> t.state()
            .adjust(p, LoyaltyPrograms.POINTS, 1, "an unexplained bonus", s.next(50)));
      }
    };
    assertThatThrownBy(() -> MemberLaws.earningIsExplained(STANDARD_SCRIPTS, bonus))
        .isInstanceOf(AssertionError.class);
  }
}
