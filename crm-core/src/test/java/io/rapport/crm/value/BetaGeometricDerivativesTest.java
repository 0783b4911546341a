package io.rapport.crm.value;

import static io.rapport.crm.value.BetaGeometricDerivatives.compute;
import static io.rapport.crm.value.ModelPropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Checks the analytic BG/NBD and MBG/NBD derivatives against central differences. */
class BetaGeometricDerivativesTest {

  private static final UniqueRows ROWS = UniqueRows.of(CdnowWeeks.summary());

  /** Draws natural parameters {@code (r, α, a, b)} over a wide range. */
  private static Gen<double[]> parameters() {
    return SourceDSL.doubles().between(0.05, 3).zip(SourceDSL.doubles().between(0.5, 30),
        SourceDSL.doubles().between(0.1, 4), SourceDSL.doubles().between(0.3, 8),
        (r, alpha, a, b) -> new double[] {r, alpha, a, b});
  }

  private static double total(double[] p, boolean modified) {
    return modified ? ModifiedBgNbd.totalLogLikelihood(p, ROWS)
        : BgNbd.totalLogLikelihood(p, ROWS);
  }

  private static double[] gradient(double[] p, boolean modified) {
    double[] g = new double[4];
    compute(p, ROWS, g, new double[4][4], modified);
    return g;
  }

  private static double[] shifted(double[] p, int i, double h) {
    double[] q = p.clone();
    q[i] += h;
    return q;
  }

  @Test
  void returnsTheSameLogLikelihoodAsTheDirectSum() {
    qt().withExamples(40).forAll(parameters(), SourceDSL.booleans().all())
        .checkAssert((p, modified) -> {
      double value = compute(p, ROWS, new double[4], new double[4][4], modified);
      assertThat(value).isCloseTo(total(p, modified),
          within(1e-9 * Math.abs(value)));
    });
  }

  @Test
  void matchesCentralDifferencesOfTheLogLikelihoodInTheGradient() {
    qt().withExamples(40).forAll(parameters(), SourceDSL.booleans().all())
        .checkAssert((p, modified) -> {
      double[] g = gradient(p, modified);
      for (int i = 0; i < 4; i++) {
        double h = 1e-5 * p[i];
        double numeric = (total(shifted(p, i, h), modified)
            - total(shifted(p, i, -h), modified)) / (2 * h);
        assertThat(g[i])
            .as("∂%d at %s (modified %s)", i, java.util.Arrays.toString(p), modified)
            .isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
      }
    });
  }

  @Test
  void matchesCentralDifferencesOfTheGradientInTheHessian() {
    qt().withExamples(40).forAll(parameters(), SourceDSL.booleans().all())
        .checkAssert((p, modified) -> {
      double[][] hessian = new double[4][4];
      compute(p, ROWS, new double[4], hessian, modified);
      for (int j = 0; j < 4; j++) {
        double h = 1e-5 * p[j];
        double[] plus = gradient(shifted(p, j, h), modified);
        double[] minus = gradient(shifted(p, j, -h), modified);
        for (int i = 0; i < 4; i++) {
          double numeric = (plus[i] - minus[i]) / (2 * h);
          assertThat(hessian[i][j])
              .as("∂%d∂%d at %s (modified %s)", i, j, java.util.Arrays.toString(p), modified)
              .isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
          assertThat(hessian[i][j]).isEqualTo(hessian[j][i]);
        }
      }
    });
  }
}
