package io.rapport.crm.value;

import static io.rapport.crm.value.SegmentPropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class ChurnWarningsTest {

  /** A model that answers a fixed P(alive) for everybody, or a chosen one per frequency. */
  record FixedModel(double alive) implements PurchaseModel {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
      return alive;
    }

    @Override
    public double expectedPurchases(int frequency, double recency, double age, double horizon) {
      return 0;
    }

    @Override
    public double expectedPurchases(double t) {
      return 0;
    }
  }

  static final ChurnWarnings STANDARD = ChurnWarnings.standard();

  @Test
  void aLowProbabilityAliveWarnsWithItsNumbers() {
    CustomerSummary s = new CustomerSummary("a", 0, 0, 30, 0, 10);
    ChurnWarning w = STANDARD.check(s, new FixedModel(0.2)).get();
    assertThat(w.reasons()).containsExactly(ChurnReason.LOW_PROBABILITY_ALIVE);
    assertThat(w.probabilityAlive()).isEqualTo(0.2);
    assertThat(w.aliveThreshold()).isEqualTo(0.5);
    assertThat(w.meanGap()).isEqualTo(Option.none());
    assertThat(w.explanation()).isEqualTo("P(alive) 0.20 < 0.50");
    assertThat(STANDARD.check(s, new FixedModel(0.5))).isEmpty();
  }

  @Test
  void anOverdueCustomerIsWarnedAgainstTheirOwnRhythm() {
    // 4 repeat purchases over 20 weeks: one every 5 weeks; 11 weeks since the last > 2 × 5
    CustomerSummary late = new CustomerSummary("late", 4, 20, 31, 10, 50);
    ChurnWarning w = STANDARD.check(late, new FixedModel(0.9)).get();
    assertThat(w.reasons()).containsExactly(ChurnReason.OVERDUE);
    assertThat(w.meanGap()).isEqualTo(Option.some(5.0));
    assertThat(w.sinceLastPurchase()).isEqualTo(11.0);
    assertThat(w.explanation()).isEqualTo("11.0 since the last purchase > 2.0 × mean gap 5.0");
    // exactly 2 gaps is not yet overdue
    assertThat(STANDARD.check(new CustomerSummary("due", 4, 20, 30, 10, 50),
        new FixedModel(0.9))).isEmpty();
  }

  @Test
  void bothReasonsAreReportedTogether() {
    CustomerSummary s = new CustomerSummary("both", 2, 4, 40, 10, 30);
    ChurnWarning w = STANDARD.check(s, new FixedModel(0.1)).get();
    assertThat(w.reasons()).containsExactly(ChurnReason.LOW_PROBABILITY_ALIVE,
        ChurnReason.OVERDUE);
    assertThat(w.explanation()).contains("; ");
  }

  @Test
  void tooFewRepeatsGiveNoRhythm() {
    CustomerSummary oneRepeat = new CustomerSummary("one", 1, 1, 40, 10, 20);
    assertThat(STANDARD.check(oneRepeat, new FixedModel(0.9))).isEmpty();
    assertThat(new ChurnWarnings(0.5, 2, 1).check(oneRepeat, new FixedModel(0.9)).get()
        .reasons()).containsExactly(ChurnReason.OVERDUE);
  }

  @Test
  void warnKeepsTheWarnedRowsInOrder() {
    SummaryTable t = SummaryTable.builder(PeriodUnit.WEEKS)
        .add("fine", 3, 9, 10, 5, 20)
        .add("late", 4, 20, 31, 10, 50)
        .add("late-too", 2, 2, 30, 10, 30)
        .build();
    assertThat(STANDARD.warn(t, new FixedModel(0.8)).map(ChurnWarning::customer))
        .containsExactly("late", "late-too");
    assertThat(STANDARD.warn(t, new FixedModel(0.1))).hasSize(3);
  }

  @Test
  void aModelAnsweringOutsideZeroOneIsRefused() {
    CustomerSummary s = new CustomerSummary("a", 0, 0, 30, 0, 10);
    assertThatThrownBy(() -> STANDARD.check(s, new FixedModel(Double.NaN)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("value.churn.model_invalid"));
    assertThatThrownBy(() -> STANDARD.check(s, new FixedModel(1.5)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void settingsAreValidatedTogether() {
    assertThat(ChurnWarnings.validated(0, Double.POSITIVE_INFINITY, 0).getError())
        .extracting(Violation::code).containsExactly("value.churn.threshold_invalid",
            "value.churn.factor_invalid", "value.churn.minimum_invalid");
    assertThat(ChurnWarnings.validated(1, 3, 2).get()).isEqualTo(new ChurnWarnings(1, 3, 2));
    assertThatThrownBy(() -> new ChurnWarnings(1.5, 1, 1))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void everyWarningHasAReasonThatHolds() {
    qt().forAll(integers().between(0, 30), doubles().between(0, 1), doubles().between(0, 1),
            doubles().between(0, 1))
        .checkAssert((x, recencyShare, age, alive) -> {
          double t = age * 100;
          double tx = x == 0 ? 0 : recencyShare * t;
          Option<ChurnWarning> w = STANDARD.check(new CustomerSummary("c", x, tx, t, 0, 0),
              new FixedModel(alive));
          boolean low = alive < 0.5;
          boolean overdue = x >= 2 && t - tx > 2 * tx / x;
          assertThat(w.isDefined()).isEqualTo(low || overdue);
          w.forEach(warning -> assertThat(warning.reasons()).isEqualTo(List.of(
              ChurnReason.LOW_PROBABILITY_ALIVE, ChurnReason.OVERDUE)
              .filter(r -> r == ChurnReason.LOW_PROBABILITY_ALIVE ? low : overdue)));
        });
  }
}
