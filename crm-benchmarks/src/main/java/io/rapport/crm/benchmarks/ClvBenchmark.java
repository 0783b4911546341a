package io.rapport.crm.benchmarks;

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
 * 30 %) of 1 M customers with a Gamma-Gamma model fitted on the CDNOW sample (target: 1 s).
 * {@code cdnowRows}: the 2 357 CDNOW summaries repeated to 1 M rows, as real data repeats
 * (x, t_x, T) a lot; {@code distinctRows}: 1 M rows whose ages all differ, so the per-row cache
 * never hits. The purchase model is benchmark-local (a Pareto-like exponential-dropout Poisson
 * with P(alive) from the customer's history, a few exp/log per call), since BG/NBD is written
 * elsewhere at the same time; it is to be switched to the fitted BG/NBD at merge. Measured with
 * {@code -bm sample} for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class ClvBenchmark {

  private static final int CUSTOMERS = 1_000_000;

  /** Poisson purchases at λ while alive, exponential lifetimes at μ; P(alive) from history. */
  record DropoutPoisson(double lambda, double mu) implements PurchaseModel {
    @Override
    public String name() {
      return "dropout Poisson (benchmark)";
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
      double ratio = mu / (lambda + mu);
      double dead = ratio * -Math.expm1(-(lambda + mu) * (age - recency));
      return 1 / (1 + dead * Math.exp(lambda * (age - recency)) * (frequency + 1) / (frequency
          + 2));
    }

    @Override
    public double expectedPurchases(int frequency, double recency, double age, double horizon) {
      double rate = lambda * (frequency + 1) / (1 + lambda * age);
      return probabilityAlive(frequency, recency, age) * rate / mu * -Math.expm1(-mu * horizon);
    }

    @Override
    public double expectedPurchases(double t) {
      return lambda / mu * -Math.expm1(-mu * t);
    }
  }

  private SummaryTable cdnowRows;
  private SummaryTable distinctRows;
  private GammaGamma spend;
  private PurchaseModel model;
  private ClvOptions options;

  /** Reads the CDNOW summary, fits Gamma-Gamma on it and builds the two 1 M-row tables. */
  @Setup
  public void setUp() {
    List<String[]> rows = read();
    SummaryTable.Builder sample = SummaryTable.builder(PeriodUnit.WEEKS);
    SummaryTable.Builder repeated = SummaryTable.builder(PeriodUnit.WEEKS);
    SummaryTable.Builder distinct = SummaryTable.builder(PeriodUnit.WEEKS);
    for (String[] row : rows) {
      add(sample, row, row[0], 0);
    }
    for (int i = 0; i < CUSTOMERS; i++) {
      String[] row = rows.get(i % rows.size());
      add(repeated, row, "c" + i, 0);
      add(distinct, row, "c" + i, i * 1e-6);
    }
    cdnowRows = repeated.build();
    distinctRows = distinct.build();
    spend = GammaGamma.fit(sample.build()).get().model();
    model = new DropoutPoisson(0.05, 0.02);
    options = new ClvOptions(12, 365.25 / 12 / 7, 0.01, 0.3);
  }

  private static void add(SummaryTable.Builder builder, String[] row, String key, double extra) {
    int x = Integer.parseInt(row[1]);
    double zbar = Double.parseDouble(row[4]);
    builder.add(key, x, Double.parseDouble(row[2]), Double.parseDouble(row[3]) + extra, zbar,
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

  /** Twelve-month CLV and the equity of 1 M customers with all-distinct summaries. */
  @Benchmark
  public double distinctRows() {
    ClvTable table = ModelClv.compute(distinctRows, model, spend, options);
    return CustomerEquity.of(table).value();
  }
}
