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

class ParetoNbdTest {

  private static final SummaryTable CDNOW = CdnowWeeks.summary();
  private static final FitResult<ParetoNbd> FIT = ParetoNbd.fit(CDNOW).get();
  private static final ParetoNbd MODEL = FIT.model();

  @Test
  void reproducesTheMaximumLikelihoodEstimatesOfFaderAndHardie2005() {
    // Published (Fader, Hardie and Lee 2005; Fader and Hardie's Pareto/NBD implementation note,
    // CDNOW sample, weeks): r 0.553, α 10.578, s 0.606, β 11.669, LL −9595.0. β is flat in the
    // likelihood (its standard error is about 6), so it is checked to 3 significant digits
    assertThat(MODEL.r()).isCloseTo(0.553, within(0.0005));
    assertThat(MODEL.alpha()).isCloseTo(10.578, within(0.0015));
    assertThat(MODEL.s()).isCloseTo(0.606, within(0.0005));
    assertThat(MODEL.beta()).isCloseTo(11.669, within(0.05));
    assertThat(FIT.logLikelihood()).isCloseTo(-9595.0, within(0.05));
  }

  @Test
  void forecastsCustomerOneCloseToTheBgNbd() {
    // no Pareto/NBD conditional expectation for this customer is published; Fader, Hardie and
    // Lee 2005 report the two models' forecasts as close, and the BG/NBD gives 1.226
    assertThat(MODEL.expectedPurchases(2, 30.43, 38.86, 39)).isCloseTo(1.226, within(0.3));
  }

  @Test
  void matchesTheClosedFormExpectationAtZeroHistory() {
    // E[X(t)] = rβ/(α(s−1)) · (1 − (β/(β+t))^(s−1)) (Fader and Hardie 2005, equation 17)
    double r = MODEL.r();
    double expected = r * MODEL.beta() / (MODEL.alpha() * (MODEL.s() - 1))
        * (1 - Math.pow(MODEL.beta() / (MODEL.beta() + 39), MODEL.s() - 1));
    assertThat(MODEL.expectedPurchases(39)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void givesFiniteAndPositiveStandardErrorsForEveryParameter() {
    assertThat(FIT.standardErrors().keySet().toJavaList())
        .containsExactly("r", "alpha", "s", "beta");
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
  void holdsACustomerAliveWhoJustBought() {
    // t_x = T: no time to have died since the last purchase
    assertThat(MODEL.probabilityAlive(3, 20, 20)).isEqualTo(1.0);
    // x = 0: P(alive) = ((α+T)/(α+T))… falls with T, stays above 0
    assertThat(MODEL.probabilityAlive(0, 0, 38.86)).isBetween(0.0, 1.0)
        .isLessThan(MODEL.probabilityAlive(0, 0, 10));
  }

  @Test
  void staysFiniteForACustomerWithHundredsOfPurchases() {
    assertThat(MODEL.probabilityAlive(500, 30, 30)).isEqualTo(1.0);
    assertThat(MODEL.probabilityAlive(500, 29.9, 30)).isCloseTo(1.0, within(0.5));
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
      return MODEL.probabilityAlive(x, earlier, h[2]) <= MODEL.probabilityAlive(x, h[1], h[2]);
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
    Either<FitFailure, FitResult<ParetoNbd>> fit =
        ParetoNbd.fit(CDNOW, FitOptions.withMaxEvaluations(3));
    assertThat(fit.isLeft()).isTrue();
    assertThat(fit.getLeft().code()).isEqualTo("value.fit.not_converged");
    assertThat(fit.getLeft().diagnostics().keySet().toJavaList())
        .contains("r", "alpha", "s", "beta", "logLikelihood", "evaluations");
  }

  @Test
  void refusesDataWithoutRepeatPurchases() {
    SummaryTable none = SummaryTable.builder(PeriodUnit.WEEKS)
        .add("1", 0, 0, 30, 0, 10).add("2", 0, 0, 20, 0, 10).build();
    assertThat(ParetoNbd.fit(none).getLeft().code()).isEqualTo("value.fit.no_data");
    assertThat(ParetoNbd.fit(SummaryTable.builder(PeriodUnit.WEEKS).build()).getLeft().code())
        .isEqualTo("value.fit.no_data");
  }

  @Test
  void startsFromAGivenPointAndReachesTheSameOptimum() {
    FitResult<ParetoNbd> fit =
        ParetoNbd.fit(CDNOW, FitOptions.DEFAULT.startingAt(0.5, 10, 2, 5)).get();
    assertThat(fit.model().r()).isCloseTo(MODEL.r(), within(1e-4));
    assertThat(fit.model().beta()).isCloseTo(MODEL.beta(), within(1e-3));
    assertThatThrownBy(() -> ParetoNbd.fit(CDNOW, FitOptions.DEFAULT.startingAt(1, 2)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.fit.options_invalid");
  }

  @Test
  void reportsEveryInvalidParameter() {
    assertThatThrownBy(() -> new ParetoNbd(0, -1, Double.NaN, 1))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::field).toJavaList()).containsExactly("r", "alpha", "s"));
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
