package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/** Checks the Newton path of the BG/NBD and MBG/NBD fits. */
class BgNbdFitTest {

  private static final UniqueRows ROWS = UniqueRows.of(CdnowWeeks.summary());

  private static double[] gradient(double[] p) {
    double[] g = new double[4];
    BgNbd.derivatives(p, ROWS, g, new double[4][4]);
    return g;
  }

  private static double[] shifted(double[] p, int i, double h) {
    double[] q = p.clone();
    q[i] += h;
    return q;
  }

  @Test
  void reachesThePublishedOptimumWithFewNewtonSteps() {
    FitResult<BgNbd> fit = BgNbd.fit(CdnowWeeks.summary()).get();
    assertThat(fit.model().r()).isCloseTo(0.243, within(0.0005));
    assertThat(fit.model().b()).isCloseTo(2.426, within(0.0005));
    // the Newton path: one evaluation per iteration plus a few rejected steps, far below the
    // ~165 of BOBYQA with a numerical Hessian
    assertThat(fit.evaluations()).isLessThan(60);
    double[] g = gradient(new double[] {fit.model().r(), fit.model().alpha(), fit.model().a(),
        fit.model().b()});
    for (double component : g) {
      assertThat(component).isCloseTo(0, within(1e-3));
    }
  }

  @Test
  void givesTheStandardErrorsOfTheNumericalHessian() {
    FitResult<BgNbd> fit = BgNbd.fit(CdnowWeeks.summary()).get();
    BgNbd m = fit.model();
    double[] p = {m.r(), m.alpha(), m.a(), m.b()};
    // the observed information by central differences of the log-likelihood itself
    double[][] information = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double hi = 1e-4 * p[i];
        double hj = 1e-4 * p[j];
        double pp = BgNbd.totalLogLikelihood(shifted(shifted(p, i, hi), j, hj), ROWS);
        double pm = BgNbd.totalLogLikelihood(shifted(shifted(p, i, hi), j, -hj), ROWS);
        double mp = BgNbd.totalLogLikelihood(shifted(shifted(p, i, -hi), j, hj), ROWS);
        double mm = BgNbd.totalLogLikelihood(shifted(shifted(p, i, -hi), j, -hj), ROWS);
        information[i][j] = -(pp - pm - mp + mm) / (4 * hi * hj);
      }
    }
    double[][] inverse = org.hipparchus.linear.MatrixUtils.inverse(
        org.hipparchus.linear.MatrixUtils.createRealMatrix(information)).getData();
    String[] names = {"r", "alpha", "a", "b"};
    for (int i = 0; i < 4; i++) {
      double numeric = Math.sqrt(inverse[i][i]);
      assertThat(fit.standardErrors().get(names[i]).get()).as(names[i])
          .isCloseTo(numeric, within(0.01 * numeric));
    }
  }

  @Test
  void fitsTheModifiedModelOnTheNewtonPathToo() {
    FitResult<ModifiedBgNbd> fit = ModifiedBgNbd.fit(CdnowWeeks.summary()).get();
    assertThat(fit.evaluations()).isLessThan(60);
    double[] g = new double[4];
    ModifiedBgNbd m = fit.model();
    BetaGeometricDerivatives.compute(new double[] {m.r(), m.alpha(), m.a(), m.b()}, ROWS, g,
        new double[4][4], true);
    for (double component : g) {
      assertThat(component).isCloseTo(0, within(1e-3));
    }
    fit.standardErrors().values().forEach(se -> assertThat(se).isFinite().isPositive());
  }

  @Test
  void fallsBackToBobyqaWhenNewtonHeadsForTheBoundary() {
    // nobody has dropped out (every last purchase is today): b runs off towards infinity, the
    // Newton path gives up near the log bound and the derivative-free path takes over
    SummaryTable.Builder builder = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int i = 0; i < 300; i++) {
      double age = 10 + i % 37;
      builder.add("c" + i, 1 + i % 5, age, age, 0, 0);
    }
    FitResult<BgNbd> fit = BgNbd.fit(builder.build()).get();
    assertThat(fit.iterations()).as("BOBYQA reports no iterations").isZero();
    assertThat(fit.evaluations()).isGreaterThan(200);
    assertThat(fit.model().b()).isGreaterThan(1e4);
    assertThat(fit.logLikelihood()).isFinite();
  }

  @Test
  void reportsNonConvergenceWhenTheBudgetIsTooSmallForBothPaths() {
    Either<FitFailure, FitResult<BgNbd>> tiny =
        BgNbd.fit(CdnowWeeks.summary(), FitOptions.withMaxEvaluations(3));
    assertThat(tiny.getLeft().code()).isEqualTo("value.fit.not_converged");
  }

  @Test
  void solvesAPositiveDefiniteSystemAndRefusesAnIndefiniteOne() {
    double[][] spd = {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}};
    double[] solution = new double[3];
    assertThat(MaximumLikelihood.solve(spd, new double[] {6, 8, 4}, solution)).isTrue();
    assertThat(solution[0]).isCloseTo(1, within(1e-12));
    assertThat(solution[1]).isCloseTo(1, within(1e-12));
    assertThat(solution[2]).isCloseTo(1, within(1e-12));
    double[][] indefinite = {{1, 2}, {2, 1}};
    assertThat(MaximumLikelihood.solve(indefinite, new double[] {1, 1}, new double[2]))
        .isFalse();
  }
}
