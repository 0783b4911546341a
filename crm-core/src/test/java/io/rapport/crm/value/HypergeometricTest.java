package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class HypergeometricTest {

  @Test
  void matchesClosedForms() {
    // 2F1(1, 1; 2; z) = −ln(1 − z)/z
    for (double z : new double[] {0.01, 0.3, 0.7, 0.99}) {
      assertThat(Hypergeometric.value(1, 1, 2, z))
          .isCloseTo(-Math.log1p(-z) / z, within(1e-12 * -Math.log1p(-z) / z));
    }
    // 2F1(a, b; b; z) = (1 − z)^−a
    assertThat(Hypergeometric.value(2.5, 3, 3, 0.4)).isCloseTo(Math.pow(0.6, -2.5), within(1e-12));
  }

  @Test
  void agreesWithItsEulerTransform() {
    // 2F1(a, b; c; z) = (1 − z)^(c−a−b) · 2F1(c−a, c−b; c; z), as the models rely on
    double a = 12.24;
    double b = 13.4;
    double c = 14.2;
    double z = 0.47;
    double direct = Hypergeometric.value(a, b, c, z);
    double euler = Math.pow(1 - z, c - a - b) * Hypergeometric.value(c - a, c - b, c, z);
    assertThat(euler).isCloseTo(direct, within(1e-10 * direct));
  }

  @Test
  void answersNanOutsideItsRange() {
    assertThat(Hypergeometric.value(1, 1, 2, 1.0)).isNaN();
    assertThat(Hypergeometric.value(1, 1, 2, -0.1)).isNaN();
    assertThat(Hypergeometric.value(1, 1, 0, 0.5)).isNaN();
  }

  @Test
  void valuesEqualsValueAtEveryArgumentIncludingLargeFrequencies() {
    double[] z = new double[40];
    for (int j = 0; j < z.length; j++) {
      z[j] = 0.999 * ((j * 17) % z.length) / z.length;
    }
    double[] into = new double[z.length];
    // the BG/NBD's Euler-transformed parameters at the CDNOW estimates, x from 0 to 5 000
    for (int x : new int[] {0, 1, 2, 7, 30, 150, 600, 5_000}) {
      double a = 1.976;
      double b = -0.207;
      double c = 2.219 + x;
      Hypergeometric.values(a, b, c, z, into);
      for (int j = 0; j < z.length; j++) {
        double single = Hypergeometric.value(a, b, c, z[j]);
        assertThat(into[j]).as("x=%d z=%s", x, z[j])
            .isCloseTo(single, within(1e-12 * Math.abs(single)));
      }
    }
    ModelPropertyChecks.qt().forAll(SourceDSL.doubles().between(-3, 20),
            SourceDSL.doubles().between(-3, 20), SourceDSL.doubles().between(0.05, 500),
            SourceDSL.doubles().between(0, 0.98))
        .checkAssert((a, b, c, zMax) -> {
          double[] points = {zMax, 0, zMax / 3, zMax / 2, zMax * 0.9};
          double[] out = new double[points.length];
          Hypergeometric.values(a, b, c, points, out);
          for (int j = 0; j < points.length; j++) {
            double single = Hypergeometric.value(a, b, c, points[j]);
            if (Double.isNaN(single)) {
              assertThat(out[j]).isNaN();
            } else {
              assertThat(out[j]).isCloseTo(single, within(1e-12 * Math.abs(single)));
            }
          }
        });
  }

  @Test
  void valuesAnswersNanWhereValueDoes() {
    double[] into = new double[4];
    Hypergeometric.values(1, 1, 2, new double[] {1.0, -0.1, 0.5, 0}, into);
    assertThat(into[0]).isNaN();
    assertThat(into[1]).isNaN();
    assertThat(into[2]).isCloseTo(-Math.log1p(-0.5) / 0.5, within(1e-12));
    assertThat(into[3]).isEqualTo(1);
    Hypergeometric.values(1, 1, 0, new double[] {0.5, 0}, into);
    assertThat(into[0]).isNaN();
    assertThat(into[1]).isEqualTo(1);
  }
}
