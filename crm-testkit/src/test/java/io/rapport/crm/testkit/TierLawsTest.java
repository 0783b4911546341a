package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.rapport.crm.loyalty.TierChangeReason;
import io.rapport.crm.loyalty.TierEngine;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierProjection;
import io.rapport.crm.loyalty.TierStatus;
import io.rapport.crm.loyalty.TierTimeline;
import io.rapport.crm.testkit.generators.TierGenerators;
import io.rapport.crm.testkit.laws.TierHistory;
import io.rapport.crm.testkit.laws.TierLaws;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The tier engine keeps its laws on generated histories, and each law catches a planted bug. */
class TierLawsTest {

  /** An engine that replays as the library does but lets a test plant one bug. */
  abstract static class Planted implements TierLaws.Engine {}

  static final Gen<TierHistory> HISTORIES = TierGenerators.histories();

  @Test
  void theTierIsAPureFunctionOfHistoryAndDate() {
    assertThatCode(() -> TierLaws.pureFunctionOfHistoryAndDate(HISTORIES))
        .doesNotThrowAnyException();
  }

  @Test
  void anEntryAndItsFullReversalCancelOut() {
    assertThatCode(() -> TierLaws.reversalCancelsItsEntry(HISTORIES)).doesNotThrowAnyException();
  }

  @Test
  void upgradesNeverWait() {
    assertThatCode(() -> TierLaws.upgradesNeverWait(HISTORIES)).doesNotThrowAnyException();
  }

  @Test
  void downgradesHappenOnlyWhenANoticeTakesEffect() {
    assertThatCode(() -> TierLaws.downgradesOnlyAtNotices(HISTORIES)).doesNotThrowAnyException();
  }

  @Test
  void oneLevelDropsOneLevelAtATime() {
    assertThatCode(() -> TierLaws.oneLevelPerDowngrade(
        TierGenerators.histories(DowngradePolicy.ONE_LEVEL, 30))).doesNotThrowAnyException();
  }

  @Test
  void addingAnEntryNeverLowersTheTierUnderOneLevel() {
    assertThatCode(() -> TierLaws.addingAnEntryNeverLowersTheTier(
        TierGenerators.histories(DowngradePolicy.ONE_LEVEL, 30))).doesNotThrowAnyException();
  }

  @Test
  void toBaseIsNotMonotone() {
    // Under TO_BASE a member who reached gold falls to the base at the evaluation, while the
    // same member without the gold purchase keeps silver: law 6 holds for ONE_LEVEL only.
    assertThatThrownBy(() -> TierLaws.addingAnEntryNeverLowersTheTier(
        TierGenerators.histories(DowngradePolicy.TO_BASE, 30)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void generatedHistoriesUpgradeDowngradeAndReverse() {
    java.util.Set<TierChangeReason> reasons = new java.util.HashSet<>();
    AtomicInteger reversals = new AtomicInteger();
    AtomicInteger twoLevels = new AtomicInteger();
    Theories.qt().withExamples(300).forAll(HISTORIES).checkAssert(h -> {
      TierTimeline timeline = TierEngine.replay(h.program(), h.joinedAt(), h.entries(),
          h.until());
      timeline.changes().forEach(change -> reasons.add(change.reason()));
      reversals.addAndGet(h.entries().count(QualifyingEntry::reversal));
      if (timeline.changes().exists(c -> c.reason() == TierChangeReason.DOWNGRADE
          && c.from().equals("gold") && c.to().equals("member"))) {
        twoLevels.incrementAndGet();
      }
    });
    assertThat(reasons).contains(TierChangeReason.UPGRADE, TierChangeReason.DOWNGRADE);
    assertThat(reversals.get()).isPositive();
    assertThat(twoLevels.get()).as("TO_BASE drops of two levels").isPositive();
  }

  @Test
  void catchesAnAdvanceThatForgetsTheDowngrades() {
    TierLaws.Engine planted = new Planted() {
      @Override
      public TierTimeline advance(LoyaltyProgram program, Instant joinedAt,
          Seq<QualifyingEntry> history, TierStatus status, Instant since, Instant asOf) {
        // Bug: evaluations are skipped, only entries move the tier.
        TierTimeline timeline = super.advance(program, joinedAt, history, status, since, asOf);
        return timeline.changes().exists(c -> c.reason() == TierChangeReason.DOWNGRADE)
            ? new TierTimeline(status, List.empty(), List.empty()) : timeline;
      }
    };
    assertThatThrownBy(() -> TierLaws.pureFunctionOfHistoryAndDate(HISTORIES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAReplayWithHiddenState() {
    AtomicInteger calls = new AtomicInteger();
    TierLaws.Engine planted = new Planted() {
      @Override
      public TierTimeline replay(LoyaltyProgram program, Instant joinedAt,
          Seq<QualifyingEntry> history, Instant asOf) {
        // Bug: every other replay ignores the last entry.
        Seq<QualifyingEntry> seen = calls.incrementAndGet() % 2 == 0 && !history.isEmpty()
            ? history.init() : history;
        return super.replay(program, joinedAt, seen, asOf);
      }
    };
    assertThatThrownBy(() -> TierLaws.pureFunctionOfHistoryAndDate(HISTORIES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAReplayThatIgnoresReversals() {
    TierLaws.Engine planted = new Planted() {
      @Override
      public TierTimeline replay(LoyaltyProgram program, Instant joinedAt,
          Seq<QualifyingEntry> history, Instant asOf) {
        return super.replay(program, joinedAt, history.filter(e -> !e.reversal()), asOf);
      }
    };
    assertThatThrownBy(() -> TierLaws.reversalCancelsItsEntry(HISTORIES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesUpgradesThatWaitADay() {
    TierLaws.Engine planted = new Planted() {
      @Override
      public TierTimeline replay(LoyaltyProgram program, Instant joinedAt,
          Seq<QualifyingEntry> history, Instant asOf) {
        // Bug: entries count only from the next day on.
        Instant late = asOf.minus(java.time.Duration.ofDays(1));
        return super.replay(program, joinedAt, history,
            late.isBefore(joinedAt) ? joinedAt : late);
      }
    };
    assertThatThrownBy(() -> TierLaws.upgradesNeverWait(HISTORIES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesDowngradesWithoutANotice() {
    TierLaws.Engine planted = new Planted() {
      @Override
      public TierTimeline replay(LoyaltyProgram program, Instant joinedAt,
          Seq<QualifyingEntry> history, Instant asOf) {
        // Bug: a downgrade falls a week before its notice takes effect.
        TierTimeline timeline = super.replay(program, joinedAt, history, asOf);
        return new TierTimeline(timeline.status(), timeline.changes().map(c ->
            c.reason() == TierChangeReason.DOWNGRADE ? new io.rapport.crm.loyalty.TierChange(
                c.from(), c.to(), c.at().minus(java.time.Duration.ofDays(7)), c.reason()) : c),
            timeline.notices());
      }
    };
    assertThatThrownBy(() -> TierLaws.downgradesOnlyAtNotices(HISTORIES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAOneLevelPolicyThatFallsToTheBase() {
    TierLaws.Engine planted = new Planted() {
      @Override
      public TierTimeline replay(LoyaltyProgram program, Instant joinedAt,
          Seq<QualifyingEntry> history, Instant asOf) {
        TierLadder ladder = program.ladder();
        LoyaltyProgram toBase = new LoyaltyProgram(program.id(), program.name(), program.zone(),
            program.spendCurrency(), program.currencies(), program.earnRules(),
            new TierLadder(ladder.tiers(), ladder.window(), ladder.grace(),
                DowngradePolicy.TO_BASE), program.referral(), program.redemptionOrder(),
            program.negativeBalance(), program.pendingDays(), program.updatedAt());
        return super.replay(toBase, joinedAt, history, asOf);
      }
    };
    assertThatThrownBy(() -> TierLaws.oneLevelPerDowngrade(
        TierGenerators.histories(DowngradePolicy.ONE_LEVEL, 30), planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAnEngineThatCountsOnlyTheFirstEntries() {
    TierLaws.Engine planted = new Planted() {
      @Override
      public TierTimeline replay(LoyaltyProgram program, Instant joinedAt,
          Seq<QualifyingEntry> history, Instant asOf) {
        return super.replay(program, joinedAt, history.take(3), asOf);
      }
    };
    assertThatThrownBy(() -> TierLaws.addingAnEntryNeverLowersTheTier(
        TierGenerators.histories(DowngradePolicy.ONE_LEVEL, 30), planted))
        .isInstanceOf(AssertionError.class);
  }
}
