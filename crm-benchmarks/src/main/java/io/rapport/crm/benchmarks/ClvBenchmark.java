package io.rapport.crm.benchmarks;

import io.rapport.crm.value.BgNbd;
import io.rapport.crm.value.ClvOptions;
import io.rapport.crm.value.ClvTable;
import io.rapport.crm.value.CustomerEquity;
import io.rapport.crm.value.GammaGamma;
import io.rapport.crm.value.ModelClv;
import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.PurchaseModel;
import io.rapport.crm.value.SummaryTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Computes the CLV over 12 months (12 periods of 365.25 / 12 / 7 weeks, 1 % a month, margin
 * 30 %) of 1 M customers from the BG/NBD and Gamma-Gamma estimates published for the CDNOW
 * sample (BG/NBD r 0.243, α 4.414, a 0.793, b 2.426 in weeks, Fader, Hardie and Lee 2005;
 * Gamma-Gamma p 6.25, q 3.74, v 15.44, Fader and Hardie 2013); target: 1 s.
 * {@code cdnowRows}: the 2 357 CDNOW summaries repeated to 1 M rows, as real data repeats
 * (x, t_x, T) a lot; {@code simulatedRows}: 1 M customers drawn from the BG/NBD process itself in
 * continuous weeks (first purchase uniform over the first 12 weeks, observed at week 39, as in
 * CDNOW; spend per transaction from the Gamma-Gamma model), so almost every (x, t_x, T) differs.
 * Measured with {@code -bm sample} for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class ClvBenchmark {

  private static final int CUSTOMERS = 1_000_000;
  private static final double OBSERVED_UNTIL = 39;
  private static final double ACQUIRED_WITHIN = 12;

  private SummaryTable cdnowRows;
  private SummaryTable simulatedRows;
  private GammaGamma spend;
  private PurchaseModel model;
  private ClvOptions options;

  /** Reads the CDNOW summary and builds the two 1 M-row tables. */
  @Setup
  public void setUp() {
    List<String[]> rows = read();
    BgNbd bgNbd = new BgNbd(0.243, 4.414, 0.793, 2.426);
    spend = new GammaGamma(6.25, 3.74, 15.44);
    SummaryTable.Builder repeated = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int i = 0; i < CUSTOMERS; i++) {
      add(repeated, rows.get(i % rows.size()), "c" + i);
    }
    cdnowRows = repeated.build();
    simulatedRows = simulate(bgNbd, spend, new SplittableRandom(20_050_101L));
    model = bgNbd;
    options = new ClvOptions(12, 365.25 / 12 / 7, 0.01, 0.3);
  }

  /**
   * Draws customers from the BG/NBD process: λ ~ Gamma(r, α), p ~ Beta(a, b); exponential gaps
   * at rate λ, a drop-out with probability p after each repeat purchase.
   */
  static SummaryTable simulate(BgNbd m, GammaGamma g, SplittableRandom random) {
    SummaryTable.Builder builder = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int i = 0; i < CUSTOMERS; i++) {
      double lambda = gamma(random, m.r()) / m.alpha();
      double x1 = gamma(random, m.a());
      double p = x1 / (x1 + gamma(random, m.b()));
      double age = OBSERVED_UNTIL - ACQUIRED_WITHIN * random.nextDouble();
      int x = 0;
      double tx = 0;
      double t = 0;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / lambda;
        if (!(t <= age)) {
          break;
        }
        x++;
        tx = t;
        if (random.nextDouble() < p) {
          break;
        }
      }
      // z_i ~ Gamma(p, ν) with ν ~ Gamma(q, γ): the mean of x draws is Gamma(p·x, ν·x)
      double nu = gamma(random, g.q()) / g.v();
      double zbar = x == 0 ? 0 : gamma(random, g.p() * x) / (nu * x);
      builder.add("s" + i, x, tx, age, zbar, zbar * x + zbar);
    }
    return builder.build();
  }

  /** Draws Gamma(shape, 1) by Marsaglia and Tsang's method (boosted below shape 1). */
  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double n = normal(random);
      double v = 1 + c * n;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1 - random.nextDouble();
      if (Math.log(u) < 0.5 * n * n + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static void add(SummaryTable.Builder builder, String[] row, String key) {
    int x = Integer.parseInt(row[1]);
    double zbar = Double.parseDouble(row[4]);
    builder.add(key, x, Double.parseDouble(row[2]), Double.parseDouble(row[3]), zbar,
        zbar * (x + 1));
  }

  private static List<String[]> read() {
    var stream = ClvBenchmark.class.getResourceAsStream(
        "/value/cdnow/cdnow_customers_summary_with_transactions.csv");
    if (stream == null) {
      throw new IllegalStateException("missing the CDNOW summary resource");
    }
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.trim().split(","));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Twelve-month CLV and the equity of 1 M customers whose summaries repeat as CDNOW's do. */
  @Benchmark
  public double cdnowRows() {
    ClvTable table = ModelClv.compute(cdnowRows, model, spend, options);
    return CustomerEquity.of(table).value();
  }

  /** Twelve-month CLV and the equity of 1 M customers simulated from BG/NBD (mostly distinct). */
  @Benchmark
  public double simulatedRows() {
    ClvTable table = ModelClv.compute(simulatedRows, model, spend, options);
    return CustomerEquity.of(table).value();
  }

  /**
   * Computes the simulated customers' CLV with {@link ModelClv#computeParallel}, blocks of rows
   * on the common fork-join pool (two threads on the reference machine).
   *
   * @return the customer equity, so the work is not eliminated
   */
  @Benchmark
  public double simulatedRowsParallel() {
    ClvTable table = ModelClv.computeParallel(simulatedRows, model, spend, options);
    return CustomerEquity.of(table).value();
  }
}
