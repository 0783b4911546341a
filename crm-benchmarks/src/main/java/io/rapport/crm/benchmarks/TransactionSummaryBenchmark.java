package io.rapport.crm.benchmarks;

import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryTable;
import io.rapport.crm.value.TransactionLog;
import io.rapport.crm.value.TransactionSummaries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Summarises a generated log of 10 M transactions of about 1 M customers over two years, rows in
 * random order (so every customer's rows are sorted by day), with same-day purchases merged
 * (target: 1 s median). {@code summariseTimeOrdered} summarises the same rows appended in time
 * order, as a log read from a store usually is. Measured with {@code -bm sample} for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class TransactionSummaryBenchmark {

  static final int ROWS = 10_000_000;
  static final int CUSTOMERS = 1_000_000;
  static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  static final LocalDate END = LocalDate.of(2025, 12, 31);

  private TransactionLog shuffled;
  private TransactionLog timeOrdered;
  private SummaryPolicy policy;

  /** Generates the two logs with a fixed seed. */
  @Setup(Level.Trial)
  public void generate() {
    SplittableRandom random = new SplittableRandom(20261123L);
    String[] keys = new String[CUSTOMERS];
    for (int c = 0; c < CUSTOMERS; c++) {
      keys[c] = "C-" + c;
    }
    int days = (int) (END.toEpochDay() - FIRST.toEpochDay() + 1);
    int[] customer = new int[ROWS];
    int[] day = new int[ROWS];
    long[] cents = new long[ROWS];
    for (int r = 0; r < ROWS; r++) {
      customer[r] = random.nextInt(CUSTOMERS);
      day[r] = random.nextInt(days);
      cents[r] = 100 + random.nextInt(20_000);
    }
    TransactionLog.Builder random1 = TransactionLog.builder(Currency.getInstance("USD"),
        ZoneOffset.UTC);
    for (int r = 0; r < ROWS; r++) {
      random1.add(keys[customer[r]], FIRST.plusDays(day[r]), cents[r], 1);
    }
    shuffled = random1.build();
    int[] byDay = new int[days + 1];
    for (int r = 0; r < ROWS; r++) {
      byDay[day[r] + 1]++;
    }
    for (int d = 0; d < days; d++) {
      byDay[d + 1] += byDay[d];
    }
    int[] order = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      order[byDay[day[r]]++] = r;
    }
    TransactionLog.Builder ordered = TransactionLog.builder(Currency.getInstance("USD"),
        ZoneOffset.UTC);
    for (int r : order) {
      ordered.add(keys[customer[r]], FIRST.plusDays(day[r]), cents[r], 1);
    }
    timeOrdered = ordered.build();
    policy = SummaryPolicy.of(PeriodUnit.DAYS, END);
  }

  /** Summarises the log whose rows are in random order. */
  @Benchmark
  public SummaryTable summarise() {
    return TransactionSummaries.summarise(shuffled, policy);
  }

  /** Summarises the log whose rows are in time order. */
  @Benchmark
  public SummaryTable summariseTimeOrdered() {
    return TransactionSummaries.summarise(timeOrdered, policy);
  }
}
