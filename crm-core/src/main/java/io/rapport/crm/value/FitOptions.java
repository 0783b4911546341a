package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Tells a maximum-likelihood fit how hard to try and where to start. Immutable and thread-safe.
 *
 * <p>The optimiser (BOBYQA) works on the logarithms of the parameters; {@code tolerance} is the
 * final trust-region radius there, so {@code 1e-8} means about eight significant digits in every
 * parameter.
 *
 * @param maxEvaluations the most likelihood evaluations the optimiser may make, ≥ 1
 * @param tolerance the final trust-region radius in log-parameter space, in {@code (0, 0.1]}
 * @param start the natural parameters to start from, in the model's order (BG/NBD:
 *     {@code r, alpha, a, b}; Pareto/NBD: {@code r, alpha, s, beta}), or none for the model's
 *     own start point
 */
public record FitOptions(int maxEvaluations, double tolerance, Option<Seq<Double>> start) {

  /** The defaults: 10 000 evaluations, tolerance {@code 1e-7}, the model's own start point. */
  public static final FitOptions DEFAULT = new FitOptions(10_000, 1e-7, Option.none());

  /**
   * Checks the options.
   *
   * @throws InvalidValueException when a bound is out of range or a start value is not a finite
   *     number above zero, with every violation ({@code value.fit.options_invalid})
   * @throws NullPointerException when {@code start} is null
   */
  public FitOptions {
    requireNonNull(start, "start");
    List<Violation> problems = List.empty();
    if (maxEvaluations < 1) {
      problems = problems.append(Violation.of("value.fit.options_invalid", "maxEvaluations",
          "maxEvaluations must be ≥ 1, was " + maxEvaluations));
    }
    if (!(tolerance > 0 && tolerance <= 0.1)) {
      problems = problems.append(Violation.of("value.fit.options_invalid", "tolerance",
          "tolerance must lie in (0, 0.1], was " + tolerance));
    }
    if (start.isDefined()) {
      Seq<Double> values = start.get();
      for (int i = 0; i < values.size(); i++) {
        Double value = values.get(i);
        if (value == null || !(value > 0) || value.isInfinite()) {
          problems = problems.append(Violation.of("value.fit.options_invalid",
              "start[" + i + "]", "a start value must be a finite number > 0, was " + value));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the default options with another evaluation limit.
   *
   * @param maxEvaluations the most likelihood evaluations, ≥ 1
   * @return the options
   * @throws InvalidValueException when {@code maxEvaluations} is below 1
   */
  public static FitOptions withMaxEvaluations(int maxEvaluations) {
    return new FitOptions(maxEvaluations, DEFAULT.tolerance(), Option.none());
  }

  /**
   * Returns these options starting from the given natural parameters.
   *
   * @param values the start point, in the model's parameter order
   * @return the options
   * @throws InvalidValueException when a value is not a finite number above zero
   */
  public FitOptions startingAt(double... values) {
    requireNonNull(values, "values");
    return new FitOptions(maxEvaluations, tolerance,
        Option.some(io.vavr.collection.Vector.ofAll(values)));
  }
}
