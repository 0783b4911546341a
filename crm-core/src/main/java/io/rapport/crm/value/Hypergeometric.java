package io.rapport.crm.value;

/**
 * Sums the Gauss hypergeometric series {@code 2F1(a, b; c; z)} for {@code 0 ≤ z < 1}, the only
 * range the purchase models need. The models call it in the Euler-transformed form, where
 * {@code a} and {@code b} stay small whatever the customer's frequency, so the series converges
 * geometrically at rate {@code z} and its terms never overflow.
 */
final class Hypergeometric {

  static final int MAX_TERMS = 500_000;
  private static final double EPSILON = 1e-16;

  private Hypergeometric() {}

  /**
   * Returns {@code 2F1(a, b; c; z)}, or NaN when the series does not converge within
   * {@link #MAX_TERMS} terms, {@code z} is outside {@code [0, 1)} or {@code c + k} meets zero.
   */
  static double value(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1)) {
      return Double.NaN;
    }
    if (z == 0) {
      return 1;
    }
    double term = 1;
    double sum = 1;
    for (int k = 0; k < MAX_TERMS; k++) {
      double denominator = (c + k) * (k + 1);
      if (denominator == 0) {
        return Double.NaN;
      }
      double ratio = (a + k) * (b + k) / denominator * z;
      term *= ratio;
      sum += term;
      if (!Double.isFinite(sum)) {
        return Double.NaN;
      }
      if (term == 0 || (Math.abs(term) <= EPSILON * Math.abs(sum) && Math.abs(ratio) < 1)) {
        return sum;
      }
    }
    return Double.NaN;
  }
}
