package io.rapport.crm.value;

import static io.rapport.crm.value.ModelPropertyChecks.histories;
import static io.rapport.crm.value.ModelPropertyChecks.horizons;
import static io.rapport.crm.value.ModelPropertyChecks.qt;
import static io.rapport.crm.value.ModelPropertyChecks.shares;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

class BgNbdTest {

  private static final SummaryTable CDNOW = CdnowWeeks.summary();
  private static final FitResult<BgNbd> FIT = BgNbd.fit(CDNOW).get();
  private static final BgNbd MODEL = FIT.model();

  @Test
  void reproducesTheMaximumLikelihoodEstimatesOfFaderHardieAndLee2005() {
    // Published (Fader, Hardie and Lee 2005, CDNOW sample, weeks): r 0.243, α 4.414, a 0.793,
    // b 2.426, LL −9582.4; checked to the published rounding (≥ 3 significant digits)
    assertThat(MODEL.r()).isCloseTo(0.243, within(0.0005));
    assertThat(MODEL.alpha()).isCloseTo(4.414, within(0.0005));
    assertThat(MODEL.a()).isCloseTo(0.793, within(0.0005));
    assertThat(MODEL.b()).isCloseTo(2.426, within(0.0005));
    assertThat(FIT.logLikelihood()).isCloseTo(-9582.4, within(0.05));
  }

  @Test
  void reproducesThePublishedConditionalExpectation() {
    // Fader, Hardie and Lee 2005, section 4: customer 1 (x 2, t_x 30.43, T 38.86) is expected to
    // make 1.226 purchases in the next 39 weeks
    assertThat(MODEL.expectedPurchases(2, 30.43, 38.86, 39)).isCloseTo(1.226, within(0.0005));
  }

  @Test
  void givesFiniteAndPositiveStandardErrorsForEveryParameter() {
    assertThat(FIT.standardErrors().keySet().toJavaList())
        .containsExactly("r", "alpha", "a", "b");
    FIT.standardErrors().values().forEach(se -> assertThat(se).isFinite().isPositive());
    // the parameters are significantly away from zero on this data
    assertThat(MODEL.r() / FIT.standardErrors().get("r").get()).isGreaterThan(5);
    assertThat(MODEL.alpha() / FIT.standardErrors().get("alpha").get()).isGreaterThan(5);
  }

  @Test
  void sumsTheCustomersLogLikelihoodsToTheTotal() {
    double sum = 0;
    for (int i = 0; i < CDNOW.size(); i++) {
      sum += MODEL.logLikelihood(CDNOW.frequency(i), CDNOW.recency(i), CDNOW.age(i));
    }
    assertThat(MODEL.logLikelihood(CDNOW)).isCloseTo(sum, within(1e-6))
        .isCloseTo(FIT.logLikelihood(), within(1e-9));
  }

  @Test
  void holdsACustomerWithoutRepeatPurchasesAlive() {
    assertThat(MODEL.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
    assertThat(MODEL.probabilityAlive(0, 0, 1000)).isEqualTo(1.0);
  }

  @Test
  void staysFiniteForACustomerWithHundredsOfPurchases() {
    assertThat(MODEL.probabilityAlive(500, 30, 30)).isCloseTo(1.0, within(0.01));
    assertThat(MODEL.probabilityAlive(500, 3, 30)).isFinite().isBetween(0.0, 1e-100);
    assertThat(MODEL.logLikelihood(500, 30, 30)).isFinite();
    double expected = MODEL.expectedPurchases(500, 30, 30, 39);
    // a customer buying 500 times in 30 weeks keeps roughly that rate: about 500/30 a week
    assertThat(expected).isFinite().isBetween(300.0, 700.0);
  }

  @Test
  void keepsProbabilityAliveWithinZeroAndOne() {
    qt().forAll(histories()).check(h -> {
      double p = MODEL.probabilityAlive((int) h[0], h[1], h[2]);
      return p >= 0 && p <= 1;
    });
    assertThat(MODEL.probabilityAlive(3, 1, 38)).isBetween(0.0, 1.0);
  }

  @Test
  void lowersProbabilityAliveAsTheLastPurchaseRecedes() {
    qt().forAll(histories(), shares()).check((h, share) -> {
      int x = (int) h[0];
      double earlier = h[1] * share;
      return x == 0
          || MODEL.probabilityAlive(x, earlier, h[2]) <= MODEL.probabilityAlive(x, h[1], h[2]);
    });
    assertThat(MODEL.probabilityAlive(2, 5, 38)).isLessThan(MODEL.probabilityAlive(2, 30, 38));
  }

  @Test
  void expectsMorePurchasesOverALongerHorizon() {
    qt().forAll(histories(), horizons(), horizons()).check((h, t1, t2) -> {
      double shorter = Math.min(t1, t2);
      double longer = Math.max(t1, t2);
      int x = (int) h[0];
      double a = MODEL.expectedPurchases(x, h[1], h[2], shorter);
      double b = MODEL.expectedPurchases(x, h[1], h[2], longer);
      return a >= 0 && b >= a * (1 - 1e-12)
          && MODEL.expectedPurchases(longer) >= MODEL.expectedPurchases(shorter);
    });
    assertThat(MODEL.expectedPurchases(39)).isLessThan(MODEL.expectedPurchases(78));
  }

  @Test
  void reportsNonConvergenceWithDiagnostics() {
    Either<FitFailure, FitResult<BgNbd>> fit = BgNbd.fit(CDNOW, FitOptions.withMaxEvaluations(3));
    assertThat(fit.isLeft()).isTrue();
    assertThat(fit.getLeft().code()).isEqualTo("value.fit.not_converged");
    assertThat(fit.getLeft().diagnostics().keySet().toJavaList())
        .contains("r", "alpha", "a", "b", "logLikelihood", "evaluations");
  }

  @Test
  void refusesDataWithoutRepeatPurchases() {
    SummaryTable none = SummaryTable.builder(PeriodUnit.WEEKS)
        .add("1", 0, 0, 30, 0, 10).add("2", 0, 0, 20, 0, 10).build();
    assertThat(BgNbd.fit(none).getLeft().code()).isEqualTo("value.fit.no_data");
    assertThat(BgNbd.fit(SummaryTable.builder(PeriodUnit.WEEKS).build()).getLeft().code())
        .isEqualTo("value.fit.no_data");
  }

  @Test
  void startsFromAGivenPointAndReachesTheSameOptimum() {
    FitResult<BgNbd> fit =
        BgNbd.fit(CDNOW, FitOptions.DEFAULT.startingAt(0.5, 10, 2, 5)).get();
    assertThat(fit.model().r()).isCloseTo(MODEL.r(), within(1e-4));
    assertThat(fit.model().b()).isCloseTo(MODEL.b(), within(1e-3));
    assertThatThrownBy(() -> BgNbd.fit(CDNOW, FitOptions.DEFAULT.startingAt(1, 2)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.fit.options_invalid");
  }

  @Test
  void reportsEveryInvalidParameter() {
    assertThatThrownBy(() -> new BgNbd(0, -1, Double.NaN, 1))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::field).toJavaList()).containsExactly("r", "alpha", "a"));
  }

  @Test
  void refusesAnImpossibleHistoryWithATypedError() {
    assertThatThrownBy(() -> MODEL.probabilityAlive(2, 40, 30))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.model.recency_invalid");
    assertThatThrownBy(() -> MODEL.expectedPurchases(2, 10, 30, -1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.model.horizon_invalid");
  }
}
