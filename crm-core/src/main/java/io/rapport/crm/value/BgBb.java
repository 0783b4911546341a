package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Describes a fitted discrete-time beta-geometric/beta-binomial (BG/BB) model (Fader, Hardie and
 * Shang 2010): while alive a customer transacts at each opportunity with probability
 * {@code p ~ Beta(alpha, beta)}, and dies before each opportunity with probability
 * {@code θ ~ Beta(gamma, delta)}. Immutable and thread-safe.
 *
 * <p>All quantities are computed in log-space from {@code logBeta} and {@code logGamma}, so
 * customers with many opportunities neither overflow nor underflow.
 *
 * @param alpha the first shape of the transaction probability, &gt; 0
 * @param beta the second shape of the transaction probability, &gt; 0
 * @param gamma the first shape of the dropout probability, &gt; 0
 * @param delta the second shape of the dropout probability, &gt; 0
 */
public record BgBb(double alpha, double beta, double gamma, double delta) {

  private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

  /**
   * Checks that every parameter is finite and positive.
   *
   * @throws InvalidValueException with every violation ({@code value.bgbb.parameter_invalid})
   */
  public BgBb {
    List<Violation> problems = List.empty();
    double[] values = {alpha, beta, gamma, delta};
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] > 0) || Double.isInfinite(values[i])) {
        problems = problems.append(Violation.of("value.bgbb.parameter_invalid", NAMES[i],
            NAMES[i] + " must be finite and > 0, was " + values[i]));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Fits the model by maximum likelihood on pattern counts, starting from all parameters 1.
   *
   * @param data the pattern counts
   * @return the fit, or a {@link FitFailure} ({@code value.fit.*}) when the optimiser does not
   *     converge, the optimum is degenerate or the Hessian is singular
   */
  public static Either<FitFailure, FitResult<BgBb>> fit(PatternCounts data) {
    requireNonNull(data, "data");
    int[] x = data.frequencies();
    int[] tx = data.recencies();
    int[] n = data.periodCounts();
    long[] count = data.counts();
    return ClvMle.maximise(NAMES, new double[] {1, 1, 1, 1}, p -> {
      double total = 0;
      for (int i = 0; i < count.length; i++) {
        total += count[i] * logLikelihood(p[0], p[1], p[2], p[3], x[i], tx[i], n[i]);
      }
      return total;
    }).map(o -> new FitResult<>(new BgBb(o.parameters()[0], o.parameters()[1],
        o.parameters()[2], o.parameters()[3]), o.logLikelihood(), o.standardErrors(),
        o.evaluations(), o.iterations()));
  }

  /**
   * Returns the log-likelihood of one customer's pattern.
   *
   * @param x repeat transactions
   * @param tx the opportunity of the last transaction
   * @param n the number of opportunities
   * @return the log-likelihood, ≤ 0
   * @throws InvalidValueException when the pattern is not valid ({@code value.pattern.*})
   */
  public double logLikelihood(int x, int tx, int n) {
    check(x, tx, n);
    return logLikelihood(alpha, beta, gamma, delta, x, tx, n);
  }

  /**
   * Returns the probability that a customer with this pattern is alive at opportunity
   * {@code n + 1}.
   *
   * @param x repeat transactions
   * @param tx the opportunity of the last transaction
   * @param n the number of opportunities
   * @return a probability in [0, 1]
   * @throws InvalidValueException when the pattern is not valid ({@code value.pattern.*})
   */
  public double probabilityAlive(int x, int tx, int n) {
    check(x, tx, n);
    double log = Beta.logBeta(alpha + x, beta + n - x) - Beta.logBeta(alpha, beta)
        + Beta.logBeta(gamma, delta + n + 1) - Beta.logBeta(gamma, delta)
        - logLikelihood(alpha, beta, gamma, delta, x, tx, n);
    return Math.min(1, Math.max(0, Math.exp(log)));
  }

  /**
   * Returns the expected number of transactions in the next {@code future} opportunities
   * ({@code n + 1 … n + future}) of a customer with this pattern (the conditional expectation).
   *
   * @param x repeat transactions
   * @param tx the opportunity of the last transaction
   * @param n the number of opportunities
   * @param future the number of future opportunities, ≥ 0
   * @return the expected number of transactions, ≥ 0
   * @throws InvalidValueException when the pattern is not valid ({@code value.pattern.*}) or
   *     {@code future} is negative ({@code value.bgbb.horizon_invalid})
   */
  public double expectedTransactions(int x, int tx, int n, int future) {
    check(x, tx, n);
    checkHorizon(future);
    double log = Beta.logBeta(alpha + x + 1, beta + n - x) - Beta.logBeta(alpha, beta)
        - logLikelihood(alpha, beta, gamma, delta, x, tx, n)
        + Gamma.logGamma(gamma + delta) - Gamma.logGamma(1 + delta)
        + Gamma.logGamma(1 + delta + n) - Gamma.logGamma(gamma + delta + n);
    return Math.max(0, Math.exp(log) * delta * survivalRatio(n, (double) n + future));
  }

  /**
   * Returns the expected number of transactions in the first {@code n} opportunities of a
   * customer just acquired (the unconditional expectation).
   *
   * @param n the number of opportunities, ≥ 0
   * @return the expected number of transactions, ≥ 0
   * @throws InvalidValueException when {@code n} is negative ({@code value.bgbb.horizon_invalid})
   */
  public double expectedTransactions(int n) {
    checkHorizon(n);
    return Math.max(0, alpha / (alpha + beta) * delta * survivalRatio(0, n));
  }

  /**
   * {@code [1 − Γ(1+δ+to)Γ(γ+δ+from) / (Γ(1+δ+from)Γ(γ+δ+to))] / (γ − 1)}, with its limit
   * {@code ψ(1+δ+to) − ψ(1+δ+from)} at {@code γ = 1}.
   */
  private double survivalRatio(double from, double to) {
    if (Math.abs(gamma - 1) < 1e-9) {
      return Gamma.digamma(1 + delta + to) - Gamma.digamma(1 + delta + from);
    }
    double d = Gamma.logGamma(1 + delta + to) - Gamma.logGamma(1 + delta + from)
        - Gamma.logGamma(gamma + delta + to) + Gamma.logGamma(gamma + delta + from);
    return -Math.expm1(d) / (gamma - 1);
  }

  static double logLikelihood(double a, double b, double g, double d, int x, int tx, int n) {
    double betaAb = Beta.logBeta(a, b);
    double betaGd = Beta.logBeta(g, d);
    double first = Beta.logBeta(a + x, b + n - x) - betaAb + Beta.logBeta(g, d + n) - betaGd;
    int terms = n - tx;
    double[] logs = new double[terms + 1];
    logs[0] = first;
    double max = first;
    for (int i = 0; i < terms; i++) {
      double term = Beta.logBeta(a + x, b + tx - x + i) - betaAb
          + Beta.logBeta(g + 1, d + tx + i) - betaGd;
      logs[i + 1] = term;
      max = Math.max(max, term);
    }
    double sum = 0;
    for (double value : logs) {
      sum += Math.exp(value - max);
    }
    return max + Math.log(sum);
  }

  private static void check(int x, int tx, int n) {
    var problems = PatternCounts.problems(x, tx, n, 1, "");
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  private static void checkHorizon(int periods) {
    if (periods < 0) {
      throw new InvalidValueException(List.of(Violation.of("value.bgbb.horizon_invalid",
          "periods", "the number of opportunities must be ≥ 0, was " + periods)));
    }
  }
}
