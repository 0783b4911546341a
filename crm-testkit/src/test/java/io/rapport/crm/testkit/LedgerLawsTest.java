package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.LedgerRejection;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.testkit.generators.LoyaltyGenerators;
import io.rapport.crm.testkit.laws.LedgerCommand;
import io.rapport.crm.testkit.laws.LedgerHistory;
import io.rapport.crm.testkit.laws.LedgerLaws;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The ledger keeps its laws on generated histories, and the laws catch broken rules. */
class LedgerLawsTest {

  static final PointCurrency POINTS = PointCurrency.of("points");

  /** A team's earn rule: 100 points expiring at the end of next month, locked for 7 days. */
  static final LedgerLaws.EarnRule RULE = (ledger, source, stamp) -> ledger.earn(POINTS, 100,
      new PointsExpiry.EndOfMonth(1), ZoneId.of("Asia/Shanghai"),
      Option.of(stamp.at().plus(Duration.ofDays(7))), source, "purchase", stamp);

  @Test
  void balanceIsTheSumOfLiveLotsLessDebt() {
    assertThatCode(() -> LedgerLaws.balanceIsSumOfLiveLots(LoyaltyGenerators.ledgers()))
        .doesNotThrowAnyException();
  }

  @Test
  void balanceIsNeverNegativeUnlessAllowed() {
    assertThatCode(() -> LedgerLaws.balanceNeverNegativeUnlessAllowed(
        LoyaltyGenerators.histories())).doesNotThrowAnyException();
  }

  @Test
  void anEarnAndItsClawBackCancelOut() {
    assertThatCode(() -> LedgerLaws.clawBackUndoesEarn(LoyaltyGenerators.ledgers(), RULE))
        .doesNotThrowAnyException();
  }

  @Test
  void partialClawBacksAddUpToOneFullClawBack() {
    assertThatCode(() -> LedgerLaws.partialClawBacksAddUpToFull(LoyaltyGenerators.ledgers()))
        .doesNotThrowAnyException();
  }

  @Test
  void generatedHistoriesIncludePartialClawBacks() {
    var found = new boolean[1];
    Theories.qt().withExamples(100).forAll(LoyaltyGenerators.histories()).checkAssert(history ->
        history.commands().forEach(command -> found[0] |= command
            instanceof LedgerCommand.ClawBackPart));
    assertThat(found[0]).isTrue();
  }

  @Test
  void redemptionsUseOnlyUsableLots() {
    assertThatCode(() -> LedgerLaws.redemptionUsesOnlyUsableLots(LoyaltyGenerators.histories()))
        .doesNotThrowAnyException();
  }

  @Test
  void theJournalAccountsForEveryPoint() {
    assertThatCode(() -> LedgerLaws.conservesPoints(LoyaltyGenerators.histories()))
        .doesNotThrowAnyException();
  }

  @Test
  void expiryIsIdempotentAndReplayIsDeterministic() {
    assertThatCode(() -> {
      LedgerLaws.expireIsIdempotent(LoyaltyGenerators.histories());
      LedgerLaws.replaysDeterministically(LoyaltyGenerators.histories());
    }).doesNotThrowAnyException();
  }

  @Test
  void generatedHistoriesExerciseEveryKindOfEntry() {
    var kinds = new java.util.HashSet<Class<?>>();
    Gen<PointsLedger> ledgers = LoyaltyGenerators.ledgers();
    Theories.qt().withExamples(200).forAll(ledgers).checkAssert(ledger ->
        ledger.journal().forEach(entry -> kinds.add(entry.getClass())));
    assertThat(kinds).hasSize(6);
  }

  @Test
  void catchesARuleWhoseClawBackLeavesPointsBehind() {
    // A rule that earns twice for the same source, the second time for another source: the
    // clawback of the first leaves the second lot standing.
    LedgerLaws.EarnRule leaky = (ledger, source, stamp) -> RULE.earn(ledger, source, stamp)
        .flatMap(first -> first.state().adjust(POINTS, 5, "bonus", stamp.next(2)));
    assertThatThrownBy(() -> LedgerLaws.clawBackUndoesEarn(LoyaltyGenerators.ledgers(), leaky))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesACommandThatDoesNotReplayTheSame() {
    // A command with hidden state (a counter) adjusts by a different amount on each replay.
    int[] calls = {0};
    LedgerCommand flaky = new LedgerCommand() {
      @Override
      public Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger) {
        calls[0]++;
        return ledger.adjust(POINTS, calls[0], "flaky", io.rapport.crm.kernel.EventStamp.of(
            io.rapport.crm.kernel.EventId.parse("ev-flaky"), LoyaltyGenerators.START,
            io.rapport.crm.kernel.ActorId.parse("flaky")));
      }
    };
    Gen<LedgerHistory> histories = in -> new LedgerHistory(PointsLedger.open(
        io.rapport.crm.kernel.LoyaltyAccountId.parse("acc-1"), NegativeBalancePolicy.ALLOW),
        io.vavr.collection.List.of(flaky));
    assertThatThrownBy(() -> LedgerLaws.replaysDeterministically(histories))
        .isInstanceOf(AssertionError.class);
  }
}
