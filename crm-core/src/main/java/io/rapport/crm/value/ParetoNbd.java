package io.rapport.crm.value;

import static io.rapport.crm.value.ModelChecks.logAddExp;
import static org.hipparchus.special.Gamma.logGamma;

import io.vavr.control.Either;
import java.util.function.Function;

/**
 * Describes a fitted Pareto/NBD model (Schmittlein, Morrison and Colombo 1987, in the form of
 * Fader and Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions"): while
 * alive a customer buys at a Poisson rate λ ~ Gamma(r, α) and has an exponential lifetime of rate
 * μ ~ Gamma(s, β). Immutable and thread-safe.
 *
 * <p>The likelihood's {@code 2F1} terms are evaluated in the Euler-transformed form
 * {@code 2F1(1, ·; ·; z)}, whose series has positive terms and converges at rate {@code z}, and
 * everything else in log-space.
 *
 * @param r the shape of the purchase-rate distribution
 * @param alpha the scale (rate) of the purchase-rate distribution, in the table's unit
 * @param s the shape of the drop-out-rate distribution
 * @param beta the scale (rate) of the drop-out-rate distribution, in the table's unit
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements PurchaseModel {

  private static final String[] NAMES = {"r", "alpha", "s", "beta"};

  /**
   * Checks that every parameter is a finite number above zero.
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when any is not, with a violation per
   *     parameter ({@code value.model.parameter_invalid})
   */
  public ParetoNbd {
    ModelChecks.parameters(NAMES, r, alpha, s, beta);
  }

  /**
   * Fits the model to a table by maximum likelihood with the default options.
   *
   * @param table the customers' summaries
   * @return the fit, or why it failed ({@code value.fit.*})
   */
  public static Either<FitFailure, FitResult<ParetoNbd>> fit(SummaryTable table) {
    return fit(table, FitOptions.DEFAULT);
  }

  /**
   * Fits the model to a table by maximum likelihood.
   *
   * @param table the customers' summaries
   * @param options the optimiser's limits and start point ({@code r, alpha, s, beta})
   * @return the fit, or why it failed ({@code value.fit.*})
   * @throws io.rapport.crm.kernel.InvalidValueException when the start point does not have four
   *     values ({@code value.fit.options_invalid})
   */
  public static Either<FitFailure, FitResult<ParetoNbd>> fit(SummaryTable table,
      FitOptions options) {
    return MaximumLikelihood.fit(table, options, SPEC);
  }

  @Override
  public String name() {
    return "Pareto/NBD";
  }

  /**
   * Returns the log-likelihood of one customer's summary (Fader and Hardie 2005, equation 22).
   *
   * @param frequency repeat purchases {@code x}
   * @param recency time of the last purchase {@code t_x}
   * @param age time since the first purchase {@code T}
   * @return the log-likelihood
   * @throws io.rapport.crm.kernel.InvalidValueException when the summary is not valid
   *     ({@code value.model.*})
   */
  public double logLikelihood(int frequency, double recency, double age) {
    ModelChecks.customer(frequency, recency, age);
    return logLikelihood(r, alpha, s, beta, frequency, recency, age,
        logGamma(r + frequency) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta));
  }

  /**
   * Returns the total log-likelihood of a table.
   *
   * @param table the customers' summaries
   * @return the sum of the customers' log-likelihoods
   */
  public double logLikelihood(SummaryTable table) {
    return totalLogLikelihood(new double[] {r, alpha, s, beta}, UniqueRows.of(table));
  }

  /**
   * Returns the probability that the customer is alive at {@code T} (Fader and Hardie 2005,
   * equation 18).
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when the summary is not valid
   */
  @Override
  public double probabilityAlive(int frequency, double recency, double age) {
    ModelChecks.customer(frequency, recency, age);
    return ModelChecks.logistic(logDeathOdds(r, alpha, s, beta, frequency, recency, age));
  }

  /**
   * Returns the expected purchases in {@code (T, T + horizon]} (Fader and Hardie 2005, equation
   * 24): {@code (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)}, with the
   * limit {@code (r+x)(β+T)/(α+T) · ln((β+T+t)/(β+T))} at {@code s = 1}.
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when the summary or horizon is not valid
   */
  @Override
  public double expectedPurchases(int frequency, double recency, double age, double horizon) {
    ModelChecks.customer(frequency, recency, age);
    ModelChecks.horizon(horizon);
    double rate = (r + frequency) / (alpha + age);
    double exposure = exposure(beta + age, horizon);
    double alive = ModelChecks.logistic(logDeathOdds(r, alpha, s, beta, frequency, recency, age));
    return ModelChecks.expectation(rate * exposure * alive, name());
  }

  /**
   * Returns the expected repeat purchases in {@code (0, t]} of a new customer (Fader and Hardie
   * 2005, equation 17): {@code rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]}.
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when {@code t} is not a finite number ≥ 0
   */
  @Override
  public double expectedPurchases(double t) {
    ModelChecks.horizon(t);
    return ModelChecks.expectation(r / alpha * exposure(beta, t), name());
  }

  /** Returns the expected time alive in the next {@code t}: {@code ∫0^t (β0/(β0+u))^s du}. */
  private double exposure(double beta0, double t) {
    double log = Math.log1p(t / beta0);
    if (Math.abs(s - 1) < 1e-9) {
      return beta0 * log;
    }
    return beta0 / (s - 1) * -Math.expm1(-(s - 1) * log);
  }

  /** Returns {@code log F(y)}, one of the two terms of A0 (see {@link #logA0}). */
  private static double logF(double r, double alpha, double s, double beta, int x, double y) {
    double rx = r + x;
    if (alpha >= beta) {
      double z = (alpha - beta) / (alpha + y);
      return Math.log(Hypergeometric.value(1, rx, rx + s + 1, z)) - s * Math.log(beta + y)
          - rx * Math.log(alpha + y);
    }
    double z = (beta - alpha) / (beta + y);
    return Math.log(Hypergeometric.value(1, s + 1, rx + s + 1, z)) + (1 - rx) * Math.log(alpha + y)
        - (s + 1) * Math.log(beta + y);
  }

  /**
   * Returns {@code log A0} where {@code A0 = F(t_x) − F(T)} is the bracket of equation 22 of Fader
   * and Hardie 2005 with the two {@code 2F1} terms Euler-transformed; −∞ when {@code t_x = T}.
   */
  private static double logA0(double r, double alpha, double s, double beta, int x, double tx,
      double age) {
    if (tx >= age) {
      return Double.NEGATIVE_INFINITY;
    }
    double first = logF(r, alpha, s, beta, x, tx);
    double second = logF(r, alpha, s, beta, x, age);
    double difference = second - first;
    if (!(difference < 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    return first + Math.log(-Math.expm1(difference));
  }

  private static double logDeathOdds(double r, double alpha, double s, double beta, int x,
      double tx, double age) {
    double rx = r + x;
    return Math.log(s / (rx + s)) + rx * Math.log(alpha + age) + s * Math.log(beta + age)
        + logA0(r, alpha, s, beta, x, tx, age);
  }

  private static double logLikelihood(double r, double alpha, double s, double beta, int x,
      double tx, double age, double head) {
    double rx = r + x;
    double alive = -rx * Math.log(alpha + age) - s * Math.log(beta + age);
    double dead = Math.log(s / (rx + s)) + logA0(r, alpha, s, beta, x, tx, age);
    return head + logAddExp(alive, dead);
  }

  static double totalLogLikelihood(double[] p, UniqueRows rows) {
    double r = p[0];
    double alpha = p[1];
    double s = p[2];
    double beta = p[3];
    int[] distinct = rows.distinctX;
    double[] head = new double[distinct.length];
    double common = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (int k = 0; k < distinct.length; k++) {
      head[k] = common + logGamma(r + distinct[k]);
    }
    double total = 0;
    for (int i = 0; i < rows.size; i++) {
      total += rows.weight[i] * logLikelihood(r, alpha, s, beta, rows.x[i], rows.recency[i],
          rows.age[i], head[rows.xIndex[i]]);
    }
    return total;
  }

  private static final MaximumLikelihood.Spec<ParetoNbd> SPEC = new MaximumLikelihood.Spec<>() {
    @Override
    public String[] names() {
      return NAMES.clone();
    }

    @Override
    public double[] start(UniqueRows rows) {
      double[] bg = BgNbd.startPoint(rows);
      return new double[] {1, bg[1], 1, bg[1]};
    }

    @Override
    public double logLikelihood(double[] p, UniqueRows rows) {
      return totalLogLikelihood(p, rows);
    }

    @Override
    public Function<double[], ParetoNbd> model() {
      return p -> new ParetoNbd(p[0], p[1], p[2], p[3]);
    }
  };
}
