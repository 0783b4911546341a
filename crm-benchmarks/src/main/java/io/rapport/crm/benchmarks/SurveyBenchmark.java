package io.rapport.crm.benchmarks;

import io.rapport.crm.value.Csat;
import io.rapport.crm.value.Nps;
import io.rapport.crm.value.ScoreInterval;
import io.rapport.crm.value.SurveyAnswers;
import io.rapport.crm.value.SurveyScale;
import java.time.Instant;
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
 * Computes the NPS of 1 000 000 answers (0 to 10, a fixed-seed mix of about 45 % promoters,
 * 30 % passives, 25 % detractors) with its 95 % adjusted-Wald interval ({@code npsWithInterval}),
 * and the top-two-box CSAT of 1 000 000 answers on 1 to 5 with its interval
 * ({@code csatWithInterval}). Measured with {@code -bm sample} for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SurveyBenchmark {

  private static final int ANSWERS = 1_000_000;
  private static final Instant AT = Instant.parse("2026-11-11T04:00:00Z");

  private SurveyAnswers nps;
  private SurveyAnswers csat;

  /** Draws the answers once, from a fixed seed. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261123L);
    int[] npsScores = new int[ANSWERS];
    int[] csatScores = new int[ANSWERS];
    for (int i = 0; i < ANSWERS; i++) {
      int draw = random.nextInt(100);
      npsScores[i] = draw < 45 ? 9 + random.nextInt(2)
          : draw < 75 ? 7 + random.nextInt(2) : random.nextInt(7);
      csatScores[i] = 1 + random.nextInt(5);
    }
    nps = SurveyAnswers.ofScores(AT, npsScores);
    csat = SurveyAnswers.ofScores(AT, csatScores);
  }

  /**
   * Computes the NPS and its 95 % interval of a million answers.
   *
   * @return the interval
   */
  @Benchmark
  public ScoreInterval npsWithInterval() {
    return Nps.of(nps).interval(0.95);
  }

  /**
   * Computes the top-two-box CSAT and its 95 % interval of a million answers.
   *
   * @return the interval
   */
  @Benchmark
  public ScoreInterval csatWithInterval() {
    return Csat.of(csat, SurveyScale.ONE_TO_FIVE).interval(0.95);
  }
}
