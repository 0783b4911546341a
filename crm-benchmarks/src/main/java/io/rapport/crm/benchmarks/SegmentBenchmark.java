package io.rapport.crm.benchmarks;

import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.RfmScores;
import io.rapport.crm.value.RfmSegments;
import io.rapport.crm.value.SummaryTable;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.util.Random;
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
 * Scores 1 M customers on RFM quintiles and names their standard segments. The population is
 * generated once with a fixed seed, shaped like the CDNOW sample: 60 % one-time buyers, repeat
 * counts skewed low, ages up to 78 weeks, spends on a coarse grid (many ties). {@code scores}:
 * the three quintile scores; {@code scoresAndSegments}: scores, then every row's segment name;
 * {@code scoresAndCounts}: scores, then the customers per segment. No target in the issue;
 * measured with {@code -bm sample} for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SegmentBenchmark {

  private static final int CUSTOMERS = 1_000_000;

  private SummaryTable table;
  private RfmSegments segments;

  /** Generates the population and the standard segment map. */
  @Setup
  public void setUp() {
    Random random = new Random(20261123L);
    SummaryTable.Builder b = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int i = 0; i < CUSTOMERS; i++) {
      double age = 1 + random.nextInt(78 * 7) / 7.0;
      int x = random.nextInt(100) < 60 ? 0 : 1 + (int) Math.floor(-Math.log(
          1 - random.nextDouble()) * 3);
      double recency = x == 0 ? 0 : Math.min(age, age * random.nextDouble());
      double average = x == 0 ? 0 : 5 + random.nextInt(60);
      double first = 5 + random.nextInt(60);
      b.add("c" + i, x, recency, age, average, first + x * average);
    }
    table = b.build();
    segments = RfmSegments.standard();
  }

  /**
   * Scores the population.
   *
   * @return the scores
   */
  @Benchmark
  public RfmScores scores() {
    return RfmScores.of(table);
  }

  /**
   * Scores the population and names each row's segment.
   *
   * @return the segment names, row by row
   */
  @Benchmark
  public Seq<String> scoresAndSegments() {
    return segments.assign(RfmScores.of(table));
  }

  /**
   * Scores the population and counts the customers per segment.
   *
   * @return the counts
   */
  @Benchmark
  public Map<String, Integer> scoresAndCounts() {
    return segments.counts(RfmScores.of(table));
  }
}
