package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;
import static java.util.Objects.requireNonNull;

import io.rapport.crm.value.SurveyAnswer;
import io.rapport.crm.value.SurveyAnswers;
import io.rapport.crm.value.SurveyScale;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates survey answers for property tests: NPS answers on 0 to 10 and answers on any CSAT or
 * CES scale, with about one in ten invitations left unanswered, segments drawn from a few names
 * (Chinese and Latin) or none, and times between 2024 and 2028. The first answer of every
 * generated set is scored, so every set has at least one counted answer under either
 * non-answer policy.
 *
 * <p>Use them in your own laws:
 * {@code Theories.qt().forAll(SurveyGenerators.npsAnswers()).check(…)}.
 */
public final class SurveyGenerators {

  private static final Instant EARLIEST = Instant.parse("2024-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = 4L * 365 * 24 * 3600;
  private static final String[] SEGMENTS = {"vip", "store", "call-center", "新客户", "老客户"};
  private static final int MAX_ANSWERS = 200;

  private SurveyGenerators() {}

  /**
   * Generates 1 to 200 answers on the NPS scale, 0 to 10.
   *
   * @return the generator
   */
  public static Gen<SurveyAnswers> npsAnswers() {
    return answers(0, 10);
  }

  /**
   * Generates 1 to 200 answers on a scale.
   *
   * @param scale the scale the scores lie on
   * @return the generator
   */
  public static Gen<SurveyAnswers> answers(SurveyScale scale) {
    requireNonNull(scale, "scale");
    return answers(scale.min(), scale.max());
  }

  /**
   * Generates CSAT/CES scales: 1 to 5, 1 to 7, 0 to 10 and other ranges from 2 to 11 points.
   *
   * @return the generator
   */
  public static Gen<SurveyScale> scales() {
    return in -> {
      int min = pick(in, 2);
      return new SurveyScale(min, min + 1 + pick(in, 10));
    };
  }

  private static Gen<SurveyAnswers> answers(int min, int max) {
    return in -> {
      int size = 1 + pick(in, MAX_ANSWERS);
      ArrayList<SurveyAnswer> answers = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        answers.add(answer(in, min, max, i > 0));
      }
      return SurveyAnswers.of(answers);
    };
  }

  private static SurveyAnswer answer(RandomnessSource in, int min, int max, boolean maySkip) {
    Option<String> segment = chance(in, 25) ? Option.none() : Option.some(oneOf(in, SEGMENTS));
    Instant at = EARLIEST.plusSeconds(pickLong(in, SPAN_SECONDS));
    if (maySkip && chance(in, 10)) {
      return SurveyAnswer.skipped(segment, at);
    }
    return new SurveyAnswer(Option.some(min + pick(in, max - min + 1)), segment, at);
  }
}
