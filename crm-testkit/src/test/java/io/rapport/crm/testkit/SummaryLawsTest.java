package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.generators.ValueGenerators.transactionRows;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.testkit.generators.ValueGenerators;
import io.rapport.crm.testkit.laws.SummaryLaws;
import io.rapport.crm.testkit.laws.SummaryLaws.Summariser;
import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryPolicy.Refunds;
import io.rapport.crm.value.SummaryPolicy.SameDay;
import io.rapport.crm.value.SummaryPolicy.ZeroAmounts;
import io.rapport.crm.value.TransactionLog;
import io.rapport.crm.value.TransactionSummaries;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The summary laws hold for the library and catch the mistakes they exist for. */
class SummaryLawsTest {

  private static final SummaryPolicy DEFAULT = SummaryPolicy.of(PeriodUnit.WEEKS,
      ValueGenerators.OBSERVATION_END);

  @Test
  void theLibrarysSummariesKeepEveryLawUnderEveryPolicy() {
    for (SameDay sameDay : SameDay.values()) {
      for (Refunds refunds : Refunds.values()) {
        for (ZeroAmounts zeros : ZeroAmounts.values()) {
          SummaryPolicy policy = new SummaryPolicy(PeriodUnit.DAYS,
              ValueGenerators.OBSERVATION_END, sameDay, refunds, zeros);
          assertThatCode(() -> SummaryLaws.all(transactionRows(), policy, SummaryLaws.STANDARD))
              .as("%s", policy).doesNotThrowAnyException();
        }
      }
    }
  }

  @Test
  void catchesASummariserThatDependsOnTheOrderOfRows() {
    // Planted bug: the last row of the log is lost, as with an off-by-one read loop.
    Summariser dropsLastRow = (log, policy) -> {
      TransactionLog.Builder shorter = TransactionLog.builder(log.currency(), ZoneOffset.UTC);
      for (int row = 0; row < log.size() - 1; row++) {
        shorter.add(log.customer(row), log.day(row), log.amountMinor(row), log.quantity(row));
      }
      return TransactionSummaries.summarise(shorter.build(), policy);
    };

    assertThatThrownBy(() -> SummaryLaws.orderInvariant(transactionRows(), DEFAULT,
        dropsLastRow)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesASummariserThatCountsRowsInsteadOfPurchaseDays() {
    Summariser countsRows = (log, policy) ->
        TransactionSummaries.summarise(log, policy.withSameDay(SameDay.KEEP));

    assertThatThrownBy(() -> SummaryLaws.frequencyIsPurchaseDaysLessOne(transactionRows(),
        DEFAULT, countsRows)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesASummariserThatMeasuresAgeToTheWrongDay() {
    Summariser oneWeekLate = (log, policy) -> TransactionSummaries.summarise(log,
        policy.withObservationEnd(policy.observationEnd().plusDays(7)));

    assertThatThrownBy(() -> SummaryLaws.recencyWithinAge(transactionRows(), DEFAULT,
        oneWeekLate)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesASummariserThatForgetsRefunds() {
    Summariser forgetsRefunds = (log, policy) ->
        TransactionSummaries.summarise(log, policy.withRefunds(Refunds.IGNORE));

    assertThatThrownBy(() -> SummaryLaws.totalSpendIsSumOfKeptAmounts(transactionRows(), DEFAULT,
        forgetsRefunds)).isInstanceOf(AssertionError.class);
  }
}
