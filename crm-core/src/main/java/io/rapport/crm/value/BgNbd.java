package io.rapport.crm.value;

import static io.rapport.crm.value.ModelChecks.logAddExp;
import static org.hipparchus.special.Gamma.logGamma;

import io.vavr.control.Either;
import java.util.function.Function;

/**
 * Describes a fitted BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy
 * Way"): while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they
 * drop out with probability p ~ Beta(a, b). Immutable and thread-safe.
 *
 * <p>Every formula is evaluated in log-space, and the Gauss hypergeometric function in its
 * Euler-transformed form, so customers with hundreds of purchases give finite numbers.
 *
 * @param r the shape of the purchase-rate distribution
 * @param alpha the scale (rate) of the purchase-rate distribution, in the table's unit
 * @param a the first shape of the drop-out distribution
 * @param b the second shape of the drop-out distribution
 */
public record BgNbd(double r, double alpha, double a, double b) implements PurchaseModel {

  private static final String[] NAMES = {"r", "alpha", "a", "b"};

  /**
   * Checks that every parameter is a finite number above zero.
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when any is not, with a violation per
   *     parameter ({@code value.model.parameter_invalid})
   */
  public BgNbd {
    ModelChecks.parameters(NAMES, r, alpha, a, b);
  }

  /**
   * Fits the model to a table by maximum likelihood with the default options.
   *
   * @param table the customers' summaries
   * @return the fit, or why it failed ({@code value.fit.*})
   */
  public static Either<FitFailure, FitResult<BgNbd>> fit(SummaryTable table) {
    return fit(table, FitOptions.DEFAULT);
  }

  /**
   * Fits the model to a table by maximum likelihood.
   *
   * @param table the customers' summaries
   * @param options the optimiser's limits and start point ({@code r, alpha, a, b})
   * @return the fit, or why it failed ({@code value.fit.*})
   * @throws io.rapport.crm.kernel.InvalidValueException when the start point does not have four
   *     values ({@code value.fit.options_invalid})
   */
  public static Either<FitFailure, FitResult<BgNbd>> fit(SummaryTable table, FitOptions options) {
    return MaximumLikelihood.fit(table, options, SPEC);
  }

  @Override
  public String name() {
    return "BG/NBD";
  }

  /**
   * Returns the log-likelihood of one customer's summary (equation 6 of Fader, Hardie and Lee).
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
    int x = frequency;
    double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
    double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
    double a3 = -(r + x) * Math.log(alpha + age);
    double a4 = x > 0
        ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + recency)
        : Double.NEGATIVE_INFINITY;
    return a1 + a2 + logAddExp(a3, a4);
  }

  /**
   * Returns the total log-likelihood of a table.
   *
   * @param table the customers' summaries
   * @return the sum of the customers' log-likelihoods
   */
  public double logLikelihood(SummaryTable table) {
    return totalLogLikelihood(new double[] {r, alpha, a, b}, UniqueRows.of(table));
  }

  /**
   * Returns the probability that the customer is alive at {@code T} (equation 11 of Fader,
   * Hardie and Lee 2005 "Computing P(alive) using the BG/NBD model"); 1 when {@code x = 0}.
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when the summary is not valid
   */
  @Override
  public double probabilityAlive(int frequency, double recency, double age) {
    ModelChecks.customer(frequency, recency, age);
    if (frequency == 0) {
      return 1;
    }
    return ModelChecks.logistic(logDeathOdds(frequency, recency, age));
  }

  private double logDeathOdds(int x, double recency, double age) {
    return Math.log(a) - Math.log(b + x - 1)
        + (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
  }

  /**
   * Returns the expected purchases in {@code (T, T + horizon]} (equation 10 of Fader, Hardie and
   * Lee 2005), with {@code 2F1} in its Euler-transformed form.
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when the summary or horizon is not
   *     valid, or the series does not converge ({@code value.model.not_computable})
   */
  @Override
  public double expectedPurchases(int frequency, double recency, double age, double horizon) {
    ModelChecks.customer(frequency, recency, age);
    ModelChecks.horizon(horizon);
    if (horizon == 0) {
      return 0;
    }
    int x = frequency;
    double z = horizon / (alpha + age + horizon);
    // ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)
    //   = (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z)
    double c = a + b + x - 1;
    double rest = Math.exp((a - 1) * Math.log1p(-z)) * Hypergeometric.value(a + b - 1 - r, a - 1,
        c, z);
    double alive = x == 0 ? 1 : ModelChecks.logistic(logDeathOdds(x, recency, age));
    return ModelChecks.expectation(c / (a - 1) * (1 - rest) * alive, name());
  }

  /**
   * Returns the expected repeat purchases in {@code (0, t]} of a new customer (equation 9 of
   * Fader, Hardie and Lee 2005).
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when {@code t} is not a finite number
   *     ≥ 0, or the series does not converge
   */
  @Override
  public double expectedPurchases(double t) {
    ModelChecks.horizon(t);
    if (t == 0) {
      return 0;
    }
    double z = t / (alpha + t);
    double c = a + b - 1;
    double rest = Math.exp((a - 1) * Math.log1p(-z)) * Hypergeometric.value(c - r, a - 1, c, z);
    return ModelChecks.expectation(c / (a - 1) * (1 - rest), name());
  }

  static double totalLogLikelihood(double[] p, UniqueRows rows) {
    double r = p[0];
    double alpha = p[1];
    double a = p[2];
    double b = p[3];
    int[] distinct = rows.distinctX;
    double[] head = new double[distinct.length];
    double[] dropOut = new double[distinct.length];
    double common = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
    double logA = Math.log(a);
    for (int k = 0; k < distinct.length; k++) {
      int x = distinct[k];
      head[k] = common + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
      dropOut[k] = x > 0 ? logA - Math.log(b + x - 1) : Double.NEGATIVE_INFINITY;
    }
    double[] logAge = UniqueRows.logs(alpha, rows.distinctAge);
    double[] logRecency = UniqueRows.logs(alpha, rows.distinctRecency);
    int[] ageIndex = rows.ageIndex;
    int[] recencyIndex = rows.recencyIndex;
    double total = 0;
    int[] xs = rows.x;
    int[] index = rows.xIndex;
    double[] w = rows.weight;
    for (int i = 0; i < rows.size; i++) {
      int k = index[i];
      double rx = r + xs[i];
      double a3 = -rx * logAge[ageIndex[i]];
      double term;
      if (xs[i] == 0) {
        term = a3;
      } else {
        double a4 = dropOut[k] - rx * logRecency[recencyIndex[i]];
        term = logAddExp(a3, a4);
      }
      total += w[i] * (head[k] + term);
    }
    return total;
  }

  /**
   * Returns the total log-likelihood at natural parameters {@code p} and fills its analytic
   * gradient and Hessian (see {@link BetaGeometricDerivatives}).
   */
  static double derivatives(double[] p, UniqueRows rows, double[] gradient, double[][] hessian) {
    return BetaGeometricDerivatives.compute(p, rows, gradient, hessian, false);
  }

  static double[] startPoint(UniqueRows rows) {
    double rate = Math.max(rows.totalFrequency, 1) / Math.max(rows.totalAge, 1e-9);
    return new double[] {1, 1 / rate, 1, 1};
  }

  private static final MaximumLikelihood.Spec<BgNbd> SPEC = new MaximumLikelihood.Spec<>() {
    @Override
    public String[] names() {
      return NAMES.clone();
    }

    @Override
    public double[] start(UniqueRows rows) {
      return startPoint(rows);
    }

    @Override
    public double logLikelihood(double[] p, UniqueRows rows) {
      return totalLogLikelihood(p, rows);
    }

    @Override
    public boolean hasDerivatives() {
      return true;
    }

    @Override
    public double derivatives(double[] p, UniqueRows rows, double[] gradient,
        double[][] hessian) {
      return BgNbd.derivatives(p, rows, gradient, hessian);
    }

    @Override
    public Function<double[], BgNbd> model() {
      return p -> new BgNbd(p[0], p[1], p[2], p[3]);
    }
  };

  /**
   * Writes the expected purchases in {@code (T, T + horizons[j]]} into {@code into[j]} for
   * every horizon (equation 10 of Fader, Hardie and Lee 2005), equal to the single-horizon method's answers: the
   * Euler-transformed {@code 2F1} has the same parameters at every horizon, so its series
   * coefficients are computed once and summed for all horizons together.
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when {@code into} is shorter than
   *     {@code horizons} ({@code value.model.output_too_short}), the summary or a horizon is not
   *     valid, or the series does not converge ({@code value.model.not_computable})
   */
  @Override
  public void expectedPurchases(int frequency, double recency, double age, double[] horizons,
      double[] into) {
    ModelChecks.output(horizons, into);
    ModelChecks.customer(frequency, recency, age);
    int x = frequency;
    double c = a + b + x - 1;
    double alive = x == 0 ? 1 : ModelChecks.logistic(logDeathOdds(x, recency, age));
    ModelChecks.betaGeometricExpectations(alpha, a, a + b - 1 - r, c, alive, age, horizons,
        into, name());
  }
}
