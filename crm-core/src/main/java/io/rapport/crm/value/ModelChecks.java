package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/** Checks the arguments of the purchase models, so a caller's mistake is a typed error. */
final class ModelChecks {

  private ModelChecks() {}

  /** Collects a violation for each parameter that is not a finite number above zero. */
  static void parameters(String[] names, double... values) {
    List<Violation> problems = List.empty();
    for (int i = 0; i < names.length; i++) {
      if (!(values[i] > 0) || Double.isInfinite(values[i])) {
        problems = problems.append(Violation.of("value.model.parameter_invalid", names[i],
            names[i] + " must be a finite number > 0, was " + values[i]));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /** Checks one customer's summary {@code (x, t_x, T)}. */
  static void customer(int frequency, double recency, double age) {
    List<Violation> problems = List.empty();
    if (frequency < 0) {
      problems = problems.append(Violation.of("value.model.frequency_negative", "frequency",
          "frequency must be ≥ 0, was " + frequency));
    }
    if (!(age >= 0) || Double.isInfinite(age)) {
      problems = problems.append(Violation.of("value.model.age_invalid", "age",
          "age must be a finite number ≥ 0, was " + age));
    }
    if (!(recency >= 0) || !(recency <= age)) {
      problems = problems.append(Violation.of("value.model.recency_invalid", "recency",
          "recency must lie in [0, age], was " + recency + " with age " + age));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /** Checks a forecast horizon. */
  static void horizon(double horizon) {
    if (!(horizon >= 0) || Double.isInfinite(horizon)) {
      throw new InvalidValueException(List.of(Violation.of("value.model.horizon_invalid",
          "horizon", "the horizon must be a finite number ≥ 0, was " + horizon)));
    }
  }

  /** Checks the arrays of a batched expectation: present, and the output long enough. */
  static void output(double[] horizons, double[] into) {
    requireNonNull(horizons, "horizons");
    requireNonNull(into, "into");
    if (into.length < horizons.length) {
      throw new InvalidValueException(List.of(Violation.of("value.model.output_too_short",
          "into", "into must hold " + horizons.length + " values, has " + into.length)));
    }
  }

  /** Returns {@code log(exp(u) + exp(v))} without overflow. */
  static double logAddExp(double u, double v) {
    if (u == Double.NEGATIVE_INFINITY) {
      return v;
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    double max = Math.max(u, v);
    return max + Math.log1p(Math.exp(-Math.abs(u - v)));
  }

  /** Returns {@code 1 / (1 + exp(logRatio))}, stable for any sign of {@code logRatio}. */
  static double logistic(double logRatio) {
    if (logRatio > 0) {
      double e = Math.exp(-logRatio);
      return e / (1 + e);
    }
    return 1 / (1 + Math.exp(logRatio));
  }

  /** Clamps a computed expectation to {@code [0, ∞)} and refuses NaN with a typed error. */
  static double expectation(double value, String model) {
    if (!Double.isFinite(value)) {
      throw new InvalidValueException(List.of(Violation.of("value.model.not_computable",
          "horizon", model + ": the expectation is not finite for these parameters and inputs")));
    }
    return Math.max(0, value);
  }

  /**
   * Writes, at every horizon {@code t} with {@code z = t/(α+T+t)}, the conditional expectation
   * shared by BG/NBD and MBG/NBD: {@code c/(a−1)·(1 − (1−z)^(a−1)·2F1(first, a−1; c; z))·alive}
   * (0 at a zero horizon), the Euler-transformed series summed for all horizons at once. The
   * caller has checked the customer and the output array.
   */
  static void betaGeometricExpectations(double alpha, double a, double first, double c,
      double alive, double age, double[] horizons, double[] into, String name) {
    int n = horizons.length;
    double[] z = new double[n];
    for (int j = 0; j < n; j++) {
      horizon(horizons[j]);
      z[j] = horizons[j] / (alpha + age + horizons[j]);
    }
    Hypergeometric.values(first, a - 1, c, z, into);
    for (int j = 0; j < n; j++) {
      if (horizons[j] == 0) {
        into[j] = 0;
      } else {
        double rest = Math.exp((a - 1) * Math.log1p(-z[j])) * into[j];
        into[j] = expectation(c / (a - 1) * (1 - rest) * alive, name);
      }
    }
  }
}
