package io.rapport.crm.value;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.function.Function;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Fits a model by maximum likelihood: compresses the table to distinct rows; when the model has
 * analytic derivatives, maximises by a damped Newton iteration on the log-parameters whose final
 * Hessian gives the standard errors (decision 0005); otherwise, or when that path does not
 * converge, maximises the total
 * log-likelihood over the logarithms of the parameters with BOBYQA (bounded to
 * {@code [−BOUND, BOUND]}, so an optimum that runs off to 0 or ∞ shows as a boundary hit), then
 * takes the Hessian of the log-likelihood in the natural parameters by central differences and
 * inverts the observed information for the standard errors.
 */
final class MaximumLikelihood {

  static final double BOUND = 18;
  /** Above this many distinct rows, a fit on a thinned table finds the start point first. */
  static final int THINNING_THRESHOLD = 8_000;
  private static final double PENALTY = -1e100;

  /** What the fit needs to know about one model. */
  interface Spec<M> {

    String[] names();

    /** Returns the natural start point for these rows. */
    double[] start(UniqueRows rows);

    /** Returns the total log-likelihood of the rows at natural parameters {@code p}. */
    double logLikelihood(double[] p, UniqueRows rows);

    Function<double[], M> model();

    /** Tells whether {@link #derivatives} is implemented, so the Newton path can be taken. */
    default boolean hasDerivatives() {
      return false;
    }

    /**
     * Returns the total log-likelihood at natural parameters {@code p} and fills its analytic
     * gradient and Hessian (natural parameters); only called when {@link #hasDerivatives()}.
     */
    default double derivatives(double[] p, UniqueRows rows, double[] gradient,
        double[][] hessian) {
      throw new UnsupportedOperationException("no analytic derivatives");
    }
  }

  /** The Newton path's result: the optimum, its Hessian, and the work it took. */
  private record Optimum(double[] p, double[][] hessian, int evaluations, int iterations) {}

  private MaximumLikelihood() {}

  static <M> Either<FitFailure, FitResult<M>> fit(SummaryTable table, FitOptions options,
      Spec<M> spec) {
    java.util.Objects.requireNonNull(table, "table");
    java.util.Objects.requireNonNull(options, "options");
    String[] names = spec.names();
    int n = names.length;
    if (table.size() == 0) {
      return Either.left(new FitFailure("value.fit.no_data", "the table has no customers",
          LinkedHashMap.of("customers", 0.0)));
    }
    UniqueRows rows = UniqueRows.of(table);
    if (rows.repeaters == 0) {
      return Either.left(new FitFailure("value.fit.no_data",
          "no customer made a repeat purchase, so the purchase rate cannot be estimated",
          LinkedHashMap.of("customers", (double) rows.customers, "repeaters", 0.0)));
    }
    double[] start = options.start().map(MaximumLikelihood::toArray)
        .getOrElse(() -> spec.start(rows));
    if (start.length != n) {
      throw new InvalidValueException(List.of(Violation.of("value.fit.options_invalid", "start",
          "the start point needs " + n + " values (" + String.join(", ", names) + "), had "
              + start.length)));
    }
    double[] logStart = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    for (int i = 0; i < n; i++) {
      logStart[i] = Math.max(-BOUND + 1, Math.min(BOUND - 1, Math.log(start[i])));
      lower[i] = -BOUND;
      upper[i] = BOUND;
    }
    int newtonEvaluations = 0;
    if (spec.hasDerivatives()) {
      Optimum optimum = newton(spec, rows, logStart, options);
      if (optimum.p() != null) {
        double[] p = optimum.p();
        double logLikelihood = spec.logLikelihood(p, rows);
        Map<String, Double> diagnostics =
            diagnostics(names, p, logLikelihood, optimum.evaluations());
        double[] errors = Double.isFinite(logLikelihood) ? invert(optimum.hessian()) : null;
        if (errors != null) {
          return Either.right(new FitResult<>(spec.model().apply(p), logLikelihood,
              standardErrors(names, errors), optimum.evaluations() + 1, optimum.iterations()));
        }
        // not a proper maximum: let the derivative-free path decide and report
      }
      newtonEvaluations = optimum.evaluations();
    }
    double radius = 0.5;
    int pilotEvaluations = newtonEvaluations;
    if (rows.size > THINNING_THRESHOLD && options.maxEvaluations() > 1000) {
      UniqueRows pilot = rows.thinned(rows.size / (THINNING_THRESHOLD / 2));
      BOBYQAOptimizer first = new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-4);
      try {
        PointValuePair rough = first.optimize(new MaxEval(options.maxEvaluations()),
            new ObjectiveFunction(theta -> {
              double value = spec.logLikelihood(exp(theta), pilot);
              return Double.isFinite(value) ? value : PENALTY;
            }), GoalType.MAXIMIZE, new InitialGuess(logStart), new SimpleBounds(lower, upper));
        double[] point = rough.getPoint();
        for (int i = 0; i < n; i++) {
          logStart[i] = Math.max(-BOUND + 1, Math.min(BOUND - 1, point[i]));
        }
        radius = 0.02;
      } catch (MathIllegalStateException | MathIllegalArgumentException e) {
        radius = 0.5;
      }
      pilotEvaluations += first.getEvaluations();
    }
    double[] last = logStart.clone();
    double[] lastValue = {Double.NaN};
    ObjectiveFunction objective = new ObjectiveFunction(theta -> {
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = Math.exp(theta[i]);
      }
      double value = spec.logLikelihood(p, rows);
      System.arraycopy(theta, 0, last, 0, n);
      lastValue[0] = value;
      return Double.isFinite(value) ? value : PENALTY;
    });
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, radius,
        Math.min(options.tolerance(), radius / 10));
    PointValuePair optimum;
    try {
      optimum = optimizer.optimize(new MaxEval(options.maxEvaluations()), objective,
          GoalType.MAXIMIZE, new InitialGuess(logStart), new SimpleBounds(lower, upper));
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      return Either.left(new FitFailure("value.fit.not_converged",
          "the optimiser stopped before converging: " + e.getMessage(),
          diagnostics(names, exp(last), lastValue[0], optimizer.getEvaluations())));
    }
    double[] theta = optimum.getPoint();
    double[] p = exp(theta);
    double logLikelihood = spec.logLikelihood(p, rows);
    int evaluations = optimizer.getEvaluations();
    Map<String, Double> diagnostics = diagnostics(names, p, logLikelihood, evaluations);
    if (!Double.isFinite(logLikelihood)) {
      return Either.left(new FitFailure("value.fit.degenerate",
          "the log-likelihood is not finite at the optimum", diagnostics));
    }
    for (int i = 0; i < n; i++) {
      if (Math.abs(theta[i]) > BOUND - 0.5) {
        return Either.left(new FitFailure("value.fit.degenerate",
            "the optimum lies on the boundary: " + names[i] + " runs off to "
                + (theta[i] > 0 ? "infinity" : "zero"),
            diagnostics));
      }
    }
    double[] errors = standardErrors(spec, rows, p, logLikelihood);
    if (errors == null) {
      return Either.left(new FitFailure("value.fit.hessian_singular",
          "the observed information is not positive definite at the optimum", diagnostics));
    }
    return Either.right(new FitResult<>(spec.model().apply(p), logLikelihood,
        standardErrors(names, errors), evaluations + pilotEvaluations + 2 * n * n + 1,
        optimizer.getIterations()));
  }

  private static Map<String, Double> standardErrors(String[] names, double[] errors) {
    Map<String, Double> standardErrors = LinkedHashMap.empty();
    for (int i = 0; i < names.length; i++) {
      standardErrors = standardErrors.put(names[i], errors[i]);
    }
    return standardErrors;
  }

  /**
   * Maximises by a damped Newton iteration on the log-parameters with the model's analytic
   * gradient and Hessian (Levenberg–Marquardt damping when the Hessian is not negative definite
   * or a step does not raise the likelihood, steps capped at 2 in log-space). Returns an optimum
   * with a null point when it does not converge within the evaluation budget, or when a
   * parameter heads for the boundary, so the caller falls back to BOBYQA.
   */
  private static Optimum newton(Spec<?> spec, UniqueRows rows, double[] logStart,
      FitOptions options) {
    int n = logStart.length;
    int budget = Math.min(options.maxEvaluations(), 200);
    double[] theta = logStart.clone();
    double[] p = exp(theta);
    double[] g = new double[n];
    double[][] h = new double[n][n];
    double[] trialG = new double[n];
    double[][] trialH = new double[n][n];
    double[] gt = new double[n];
    double[][] ht = new double[n][n];
    double[][] system = new double[n][n];
    double[] step = new double[n];
    int evaluations = 1;
    double f = spec.derivatives(p, rows, g, h);
    if (!Double.isFinite(f)) {
      return new Optimum(null, null, evaluations, 0);
    }
    double mu = 0;
    int iterations = 0;
    while (evaluations < budget) {
      iterations++;
      double scale = 0;
      for (int i = 0; i < n; i++) {
        gt[i] = p[i] * g[i];
        for (int j = 0; j < n; j++) {
          ht[i][j] = p[i] * p[j] * h[i][j];
        }
        ht[i][i] += gt[i];
        scale = Math.max(scale, Math.abs(ht[i][i]));
      }
      if (!(scale > 0) || Double.isInfinite(scale)) {
        return new Optimum(null, null, evaluations, iterations);
      }
      // solve (−H + μ·I) step = g, raising μ until the matrix is positive definite
      while (true) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            system[i][j] = -ht[i][j];
          }
          system[i][i] += mu;
        }
        if (solve(system, gt, step)) {
          break;
        }
        mu = Math.max(4 * mu, 1e-6 * scale);
      }
      double largest = 0;
      for (int i = 0; i < n; i++) {
        largest = Math.max(largest, Math.abs(step[i]));
      }
      if (mu == 0 && largest < options.tolerance()) {
        return new Optimum(p, h, evaluations, iterations);
      }
      double shrink = largest > 2 ? 2 / largest : 1;
      double[] trial = new double[n];
      for (int i = 0; i < n; i++) {
        trial[i] = theta[i] + shrink * step[i];
        if (Math.abs(trial[i]) > BOUND - 0.5) {
          return new Optimum(null, null, evaluations, iterations);
        }
      }
      double[] q = exp(trial);
      double value = spec.derivatives(q, rows, trialG, trialH);
      evaluations++;
      if (Double.isFinite(value) && value >= f - 1e-12 * Math.abs(f)) {
        theta = trial;
        p = q;
        f = value;
        System.arraycopy(trialG, 0, g, 0, n);
        for (int i = 0; i < n; i++) {
          System.arraycopy(trialH[i], 0, h[i], 0, n);
        }
        mu = mu < 1e-9 * scale ? 0 : mu / 8;
      } else {
        mu = Math.max(4 * mu, 1e-3 * scale);
      }
    }
    return new Optimum(null, null, evaluations, iterations);
  }

  /**
   * Solves {@code A·x = b} in place by a Cholesky factorisation of the symmetric {@code A};
   * returns false when {@code A} is not positive definite.
   */
  static boolean solve(double[][] matrix, double[] rhs, double[] solution) {
    int n = rhs.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = matrix[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0) || Double.isInfinite(sum)) {
            return false;
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = rhs[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * solution[k];
      }
      solution[i] = sum / l[i][i];
    }
    return true;
  }

  /** Returns the standard errors, or null when the information matrix cannot be inverted. */
  private static double[] standardErrors(Spec<?> spec, UniqueRows rows, double[] p, double f0) {
    int n = p.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = 1e-4 * p[i];
    }
    double[][] information = new double[n][n];
    for (int i = 0; i < n; i++) {
      double plus = at(spec, rows, p, i, h[i], -1, 0);
      double minus = at(spec, rows, p, i, -h[i], -1, 0);
      information[i][i] = -(plus - 2 * f0 + minus) / (h[i] * h[i]);
      for (int j = 0; j < i; j++) {
        double pp = at(spec, rows, p, i, h[i], j, h[j]);
        double pm = at(spec, rows, p, i, h[i], j, -h[j]);
        double mp = at(spec, rows, p, i, -h[i], j, h[j]);
        double mm = at(spec, rows, p, i, -h[i], j, -h[j]);
        double value = -(pp - pm - mp + mm) / (4 * h[i] * h[j]);
        information[i][j] = value;
        information[j][i] = value;
      }
    }
    return invertInformation(information);
  }

  /** Returns the standard errors from the Hessian, or null when −Hessian is not invertible. */
  private static double[] invert(double[][] hessian) {
    int n = hessian.length;
    double[][] information = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        information[i][j] = -hessian[i][j];
      }
    }
    return invertInformation(information);
  }

  private static double[] invertInformation(double[][] information) {
    int n = information.length;
    try {
      RealMatrix inverse = new CholeskyDecomposition(MatrixUtils.createRealMatrix(information),
          1e-12, 1e-14).getSolver().getInverse();
      double[] errors = new double[n];
      for (int i = 0; i < n; i++) {
        double variance = inverse.getEntry(i, i);
        if (!(variance > 0) || Double.isInfinite(variance)) {
          return null;
        }
        errors[i] = Math.sqrt(variance);
      }
      return errors;
    } catch (MathIllegalArgumentException | MathIllegalStateException e) {
      return null;
    }
  }

  private static double at(Spec<?> spec, UniqueRows rows, double[] p, int i, double hi, int j,
      double hj) {
    double[] q = p.clone();
    q[i] += hi;
    if (j >= 0) {
      q[j] += hj;
    }
    return spec.logLikelihood(q, rows);
  }

  private static double[] exp(double[] theta) {
    double[] p = new double[theta.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(theta[i]);
    }
    return p;
  }

  private static double[] toArray(Seq<Double> values) {
    return values.toJavaStream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Map<String, Double> diagnostics(String[] names, double[] p, double ll,
      int evaluations) {
    Map<String, Double> result = LinkedHashMap.empty();
    for (int i = 0; i < names.length; i++) {
      result = result.put(names[i], p[i]);
    }
    return result.put("logLikelihood", ll).put("evaluations", (double) evaluations);
  }
}
