package io.rapport.crm.value;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over strictly positive parameters for the BG/BB and Gamma-Gamma
 * fits: Nelder–Mead on the logarithms of the parameters (so no bound is ever crossed), restarted
 * from its own optimum until the value stops moving, then standard errors from a central-difference
 * Hessian of the negative log-likelihood in the natural parameters.
 */
final class ClvMle {

  static final int MAX_EVALUATIONS = 40_000;

  private ClvMle() {}

  /** The optimum: natural parameters, log-likelihood, standard errors, work done. */
  record Optimum(double[] parameters, double logLikelihood, Map<String, Double> standardErrors,
      int evaluations, int iterations) {}

  /**
   * Maximises {@code logLikelihood} starting at {@code start} (natural, positive parameters).
   */
  static Either<FitFailure, Optimum> maximise(String[] names, double[] start,
      ToDoubleFunction<double[]> logLikelihood) {
    int n = start.length;
    int[] evaluations = new int[1];
    ObjectiveFunction objective = new ObjectiveFunction(logs -> {
      evaluations[0]++;
      double[] natural = new double[n];
      for (int i = 0; i < n; i++) {
        natural[i] = Math.exp(logs[i]);
      }
      double value = logLikelihood.applyAsDouble(natural);
      return Double.isFinite(value) ? -value : Double.MAX_VALUE;
    });
    double[] point = new double[n];
    for (int i = 0; i < n; i++) {
      point[i] = Math.log(start[i]);
    }
    double best = Double.MAX_VALUE;
    int iterations = 0;
    try {
      for (int round = 0; round < 8; round++) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-11);
        PointValuePair pair = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective,
            GoalType.MINIMIZE, new InitialGuess(point), new NelderMeadSimplex(n, 0.3));
        iterations += optimizer.getIterations();
        point = pair.getPoint();
        double value = pair.getValue();
        boolean settled = Math.abs(best - value) < 1e-9 * Math.max(1, Math.abs(value));
        best = Math.min(best, value);
        if (settled) {
          break;
        }
      }
    } catch (MathIllegalStateException e) {
      return Either.left(failure("value.fit.not_converged",
          "the optimiser reached its limit of " + MAX_EVALUATIONS + " evaluations", names, point,
          -best, evaluations[0]));
    }
    double[] natural = new double[n];
    for (int i = 0; i < n; i++) {
      natural[i] = Math.exp(point[i]);
    }
    double ll = logLikelihood.applyAsDouble(natural);
    if (!Double.isFinite(ll) || best == Double.MAX_VALUE) {
      return Either.left(failure("value.fit.degenerate",
          "the log-likelihood is not finite at the optimum", names, point, ll, evaluations[0]));
    }
    for (double value : natural) {
      if (!(value > 1e-8) || !(value < 1e8)) {
        return Either.left(failure("value.fit.degenerate",
            "the optimum lies on the boundary of the parameter space", names, point, ll,
            evaluations[0]));
      }
    }
    double[] errors = standardErrors(natural, logLikelihood);
    if (errors == null) {
      return Either.left(failure("value.fit.hessian_singular",
          "the observed information matrix cannot be inverted", names, point, ll,
          evaluations[0]));
    }
    Map<String, Double> named = LinkedHashMap.empty();
    for (int i = 0; i < n; i++) {
      named = named.put(names[i], errors[i]);
    }
    return Either.right(new Optimum(natural, ll, named, evaluations[0], iterations));
  }

  private static double[] standardErrors(double[] at, ToDoubleFunction<double[]> ll) {
    int n = at.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = 1e-4 * Math.max(at[i], 1e-3);
    }
    double[][] hessian = new double[n][n];
    double centre = ll.applyAsDouble(at);
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double value;
        if (i == j) {
          value = (shifted(ll, at, i, h[i], j, 0) - 2 * centre + shifted(ll, at, i, -h[i], j, 0))
              / (h[i] * h[i]);
        } else {
          value = (shifted(ll, at, i, h[i], j, h[j]) - shifted(ll, at, i, h[i], j, -h[j])
              - shifted(ll, at, i, -h[i], j, h[j]) + shifted(ll, at, i, -h[i], j, -h[j]))
              / (4 * h[i] * h[j]);
        }
        hessian[i][j] = -value;
        hessian[j][i] = -value;
      }
    }
    RealMatrix information = new Array2DRowRealMatrix(hessian, false);
    LUDecomposition lu = new LUDecomposition(information, 1e-300);
    if (!lu.getSolver().isNonSingular()) {
      return null;
    }
    RealMatrix inverse = lu.getSolver().getInverse();
    double[] errors = new double[n];
    for (int i = 0; i < n; i++) {
      double variance = inverse.getEntry(i, i);
      if (!(variance > 0) || !Double.isFinite(variance)) {
        return null;
      }
      errors[i] = Math.sqrt(variance);
    }
    return errors;
  }

  private static double shifted(ToDoubleFunction<double[]> ll, double[] at, int i, double di,
      int j, double dj) {
    double[] point = at.clone();
    point[i] += di;
    point[j] += dj;
    return ll.applyAsDouble(point);
  }

  static FitFailure failure(String code, String message, String[] names, double[] logPoint,
      double logLikelihood, int evaluations) {
    Map<String, Double> diagnostics = LinkedHashMap.empty();
    for (int i = 0; i < names.length; i++) {
      diagnostics = diagnostics.put(names[i], Math.exp(logPoint[i]));
    }
    diagnostics = diagnostics.put("logLikelihood", logLikelihood)
        .put("evaluations", (double) evaluations);
    return new FitFailure(code, message, diagnostics);
  }
}
