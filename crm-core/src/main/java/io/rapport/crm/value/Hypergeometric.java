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

  /**
   * Writes {@code 2F1(a, b; c; z[j])} into {@code into[j]} for every {@code j}, as {@link #value}
   * would answer within rounding (a few units of 1e-16 relative), for one customer's several
   * horizons at once. The term ratio {@code (a+k)(b+k)/((c+k)(k+1))} is computed once per
   * {@code k} and the terms of the arguments still running advance together in one branch-free
   * loop; the terms are {@code value}'s bit for bit. Arguments retire from the front: while the
   * first running one meets {@code value}'s stop test it is final, so with ascending {@code z}
   * (as horizons give) each argument stops when {@code value} would, and an argument behind a
   * slower one only receives a few more terms, each below 1e-16 of its sum. If the series stops
   * early (a zero denominator, {@link #MAX_TERMS}, overflow), the running arguments are summed
   * alone by {@code value}, so the answers are NaN exactly where {@code value} answers NaN.
   * {@code into} must be at least as long as {@code z} and must not be {@code z}.
   */
  static void values(double a, double b, double c, double[] z, double[] into) {
    int n = z.length;
    double[] term = new double[n];
    double[] lane = new double[n];
    for (int j = 0; j < n; j++) {
      double zj = z[j];
      lane[j] = zj >= 0 && zj < 1 ? zj : 0;
      term[j] = 1;
      into[j] = 1;
    }
    int first = 0;
    for (int k = 0; k < MAX_TERMS && first < n; k++) {
      double denominator = (c + k) * (k + 1);
      if (denominator == 0) {
        break;
      }
      double shared = (a + k) * (b + k) / denominator;
      for (int j = first; j < n; j++) {
        double t = term[j] * (shared * lane[j]);
        term[j] = t;
        into[j] += t;
      }
      if (!Double.isFinite(into[first])) {
        break;
      }
      while (first < n && stopped(term[first], into[first], shared * lane[first])) {
        first++;
      }
    }
    for (int j = first; j < n; j++) {
      into[j] = value(a, b, c, lane[j]);
    }
    for (int j = 0; j < n; j++) {
      if (!(z[j] >= 0 && z[j] < 1)) {
        into[j] = Double.NaN;
      }
    }
  }

  /** Tells whether a sum whose last term was {@code term}, at ratio {@code ratio}, has converged. */
  private static boolean stopped(double term, double sum, double ratio) {
    return Double.isFinite(sum)
        && (term == 0 || (Math.abs(term) <= EPSILON * Math.abs(sum) && Math.abs(ratio) < 1));
  }
}
