package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Arrays;
import org.hipparchus.special.Gamma;

/**
 * Describes a fitted Gamma-Gamma model of spend per transaction (Fader and Hardie 2013, "The
 * Gamma-Gamma Model of Monetary Value"): a customer's transactions are gamma with shape
 * {@code p} and a rate {@code ν ~ Gamma(q, v)}, independent of how often they buy. Immutable and
 * thread-safe.
 *
 * <p>The expected mean spend of a customer with {@code x} repeat transactions of mean
 * {@code zbar} is {@code p(v + x·zbar) / (p·x + q − 1)}, a weighted mean of the population mean
 * {@code p·v / (q − 1)} and {@code zbar}. Both need the denominator to be positive; for
 * {@code q ≤ 1} the population mean is infinite and {@link #populationMeanSpend()} is empty.
 *
 * @param p the shape of each transaction's value, &gt; 0
 * @param q the shape of the rate's gamma distribution, &gt; 0
 * @param v the scale of the rate's gamma distribution (Hardie's γ), &gt; 0
 */
public record GammaGamma(double p, double q, double v) {

  private static final String[] NAMES = {"p", "q", "v"};

  /**
   * Checks that every parameter is finite and positive.
   *
   * @throws InvalidValueException with every violation
   *     ({@code value.gamma_gamma.parameter_invalid})
   */
  public GammaGamma {
    List<Violation> problems = List.empty();
    double[] values = {p, q, v};
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] > 0) || Double.isInfinite(values[i])) {
        problems = problems.append(Violation.of("value.gamma_gamma.parameter_invalid", NAMES[i],
            NAMES[i] + " must be finite and > 0, was " + values[i]));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Fits the model by maximum likelihood on the customers of {@code table} with at least one
   * repeat purchase ({@code x > 0}), using their average repeat spend. Customers whose average
   * repeat spend is 0 (free repeat purchases) have no gamma density and are left out.
   *
   * @param table the summaries
   * @return the fit, or a {@link FitFailure}: {@code value.fit.no_data} when no customer has a
   *     repeat purchase with a positive spend, otherwise the codes of a failed optimisation
   */
  public static Either<FitFailure, FitResult<GammaGamma>> fit(SummaryTable table) {
    requireNonNull(table, "table");
    int[] frequency = table.frequencies();
    double[] spend = table.averageRepeatSpends();
    int[] xs = new int[frequency.length];
    double[] zs = new double[frequency.length];
    int size = 0;
    for (int i = 0; i < frequency.length; i++) {
      if (frequency[i] > 0 && spend[i] > 0) {
        xs[size] = frequency[i];
        zs[size] = spend[i];
        size++;
      }
    }
    if (size == 0) {
      return Either.left(new FitFailure("value.fit.no_data",
          "no customer has a repeat purchase with a positive spend", HashMap.empty()));
    }
    int[] x = Arrays.copyOf(xs, size);
    double[] z = Arrays.copyOf(zs, size);
    double[] logX = new double[size];
    double[] logZ = new double[size];
    for (int i = 0; i < size; i++) {
      logX[i] = Math.log(x[i]);
      logZ[i] = Math.log(z[i]);
    }
    return ClvMle.maximise(NAMES, new double[] {1, 1, 1}, params -> {
      double pp = params[0];
      double qq = params[1];
      double vv = params[2];
      double lgq = Gamma.logGamma(qq);
      double logV = Math.log(vv);
      double total = 0;
      for (int i = 0; i < x.length; i++) {
        double px = pp * x[i];
        total += Gamma.logGamma(px + qq) - Gamma.logGamma(px) - lgq + qq * logV
            + (px - 1) * logZ[i] + px * logX[i] - (px + qq) * Math.log(x[i] * z[i] + vv);
      }
      return total;
    }).map(o -> new FitResult<>(new GammaGamma(o.parameters()[0], o.parameters()[1],
        o.parameters()[2]), o.logLikelihood(), o.standardErrors(), o.evaluations(),
        o.iterations()));
  }

  /**
   * Returns the mean spend per transaction of the population, {@code p·v / (q − 1)}, or nothing
   * when {@code q ≤ 1} (the mean is infinite).
   *
   * @return the population mean, if finite
   */
  public Option<Double> populationMeanSpend() {
    return q > 1 ? Option.some(p * v / (q - 1)) : Option.none();
  }

  /**
   * Tells whether {@link #expectedAverageSpend(int, double)} is defined for every customer, that
   * is whether {@code q > 1}.
   *
   * @return true when the population mean spend is finite
   */
  public boolean hasFiniteMean() {
    return q > 1;
  }

  /**
   * Returns the expected mean spend per transaction of a customer with {@code x} repeat
   * transactions of mean {@code zbar}: {@code p(v + x·zbar) / (p·x + q − 1)}.
   *
   * @param x repeat transactions, ≥ 0
   * @param zbar their mean spend, finite and ≥ 0 (ignored when {@code x = 0})
   * @return the expected mean spend, ≥ 0
   * @throws InvalidValueException when {@code x} or {@code zbar} is out of range
   *     ({@code value.gamma_gamma.input_invalid}), or when {@code p·x + q ≤ 1} so the expectation
   *     is infinite ({@code value.gamma_gamma.mean_undefined})
   */
  public double expectedAverageSpend(int x, double zbar) {
    if (x < 0 || !(zbar >= 0) || Double.isInfinite(zbar)) {
      throw new InvalidValueException(List.of(Violation.of("value.gamma_gamma.input_invalid",
          x < 0 ? "x" : "zbar", "x must be ≥ 0 and zbar finite and ≥ 0, were " + x + ", "
              + zbar)));
    }
    double denominator = p * x + q - 1;
    if (!(denominator > 0)) {
      throw new InvalidValueException(List.of(Violation.of("value.gamma_gamma.mean_undefined",
          "q", "p·x + q − 1 must be > 0 for a finite expected spend, was " + denominator)));
    }
    return p * (v + (x == 0 ? 0 : x * zbar)) / denominator;
  }
}
