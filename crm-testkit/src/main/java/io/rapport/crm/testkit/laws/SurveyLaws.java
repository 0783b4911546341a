package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.testkit.Theories;
import io.rapport.crm.value.Csat;
import io.rapport.crm.value.Nps;
import io.rapport.crm.value.ScoreInterval;
import io.rapport.crm.value.SurveyAnswer;
import io.rapport.crm.value.SurveyAnswers;
import io.rapport.crm.value.SurveyScale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.quicktheories.core.Gen;

/**
 * Checks the laws every survey score keeps, on the library's calculations or on a team's own
 * (a cached dashboard, a warehouse query's client): the NPS lies in −100..100 and inside its
 * interval, which itself lies in −100..100; CSAT lies in 0..100; and reordering the answers
 * changes no result. Each runs {@link Theories#qt()} and throws an {@link AssertionError} with
 * the smallest falsifying example and the seed.
 */
public final class SurveyLaws {

  /**
   * Computes an NPS and its interval as {@link Nps} does; the laws check any implementation. The
   * methods default to the library's, so a test overrides only what it replaces.
   */
  public interface NpsCalculator {

    /**
     * Returns the NPS of answers, as {@link Nps#score()}.
     *
     * @param answers the answers
     * @return the score
     */
    default double score(SurveyAnswers answers) {
      return Nps.of(answers).score();
    }

    /**
     * Returns the NPS interval of answers, as {@link Nps#interval(double)}.
     *
     * @param answers the answers
     * @param confidence the confidence level
     * @return the interval
     */
    default ScoreInterval interval(SurveyAnswers answers, double confidence) {
      return Nps.of(answers).interval(confidence);
    }
  }

  /** The library's own NPS calculation. */
  public static final NpsCalculator STANDARD = new NpsCalculator() {};

  private SurveyLaws() {}

  /**
   * Checks that the NPS lies in [−100, 100], that its interval at confidence levels from 50 % to
   * 99 % lies in [−100, 100] with {@code low ≤ high}, and that the interval contains the score.
   *
   * @param answers the answers, each set with at least one scored answer
   * @param calculator the calculation under test
   * @throws AssertionError if the law fails
   */
  public static void npsInRangeAndInsideItsInterval(Gen<SurveyAnswers> answers,
      NpsCalculator calculator) {
    requireNonNull(answers, "answers");
    requireNonNull(calculator, "calculator");
    Theories.qt().forAll(answers, integers().between(50, 99)).checkAssert((a, level) -> {
      double score = calculator.score(a);
      ScoreInterval interval = calculator.interval(a, level / 100.0);
      assertThat(score).as("NPS").isBetween(-100.0, 100.0);
      assertThat(interval.low()).as("lower bound").isBetween(-100.0, 100.0);
      assertThat(interval.high()).as("upper bound").isBetween(-100.0, 100.0);
      assertThat(interval.low()).as("interval %s holds NPS %s", interval, score)
          .isLessThanOrEqualTo(score);
      assertThat(interval.high()).as("interval %s holds NPS %s", interval, score)
          .isGreaterThanOrEqualTo(score);
    });
  }

  /**
   * Checks that the library's CSAT lies in [0, 100]; see
   * {@link #csatInRange(Gen, ToDoubleFunction)}.
   *
   * @param answers answers on the scale
   * @param scale the scale
   * @throws AssertionError if the law fails
   */
  public static void csatInRange(Gen<SurveyAnswers> answers, SurveyScale scale) {
    requireNonNull(scale, "scale");
    csatInRange(answers, a -> Csat.of(a, scale).percent());
  }

  /**
   * Checks that a CSAT percentage lies in [0, 100] and is a number.
   *
   * @param answers answers on the calculation's scale
   * @param csat the calculation under test
   * @throws AssertionError if the law fails
   */
  public static void csatInRange(Gen<SurveyAnswers> answers, ToDoubleFunction<SurveyAnswers> csat) {
    requireNonNull(answers, "answers");
    requireNonNull(csat, "csat");
    Theories.qt().forAll(answers).checkAssert(a ->
        assertThat(csat.applyAsDouble(a)).as("CSAT").isBetween(0.0, 100.0));
  }

  /**
   * Checks that a calculation gives an equal result for the same answers in any order (a
   * generated permutation of each set).
   *
   * @param answers the answers
   * @param calculation the calculation under test, whose results compare by {@code equals}
   * @param <T> the result type
   * @throws AssertionError if the law fails
   */
  public static <T> void orderDoesNotMatter(Gen<SurveyAnswers> answers,
      Function<SurveyAnswers, T> calculation) {
    requireNonNull(answers, "answers");
    requireNonNull(calculation, "calculation");
    Theories.qt().forAll(answers, integers().all()).checkAssert((a, seed) -> {
      ArrayList<SurveyAnswer> shuffled = new ArrayList<>(a.answers().toJavaList());
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(calculation.apply(SurveyAnswers.of(shuffled)))
          .as("result after reordering").isEqualTo(calculation.apply(a));
    });
  }
}
