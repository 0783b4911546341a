package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

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
}
