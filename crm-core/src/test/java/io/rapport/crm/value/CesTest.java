package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CesTest {

  private static final Instant AT = Instant.parse("2026-03-15T10:00:00Z");

  @Test
  void computesTheMeanItsTIntervalAndTheTopBox() {
    // Scores 7, 6, 5, 7, 5: mean 6, s = 1, t(0.975; 4) = 2.77645,
    // margin = 2.77645 × 1/√5 = 1.24167 → [4.7583, 7] (clipped at the top of the scale).
    Ces ces = Ces.of(SurveyAnswers.ofScores(AT, 7, 6, 5, 7, 5), SurveyScale.ONE_TO_SEVEN);

    ScoreInterval interval = ces.meanInterval(0.95);

    assertThat(ces.mean()).isCloseTo(6.0, within(1e-12));
    assertThat(ces.standardDeviation()).isCloseTo(1.0, within(1e-12));
    assertThat(interval.marginOfError()).isCloseTo(1.24167, within(1e-5));
    assertThat(interval.low()).isCloseTo(4.75833, within(1e-5));
    assertThat(interval.high()).isEqualTo(7.0);
    assertThat(ces.topBoxPercent()).isEqualTo(40.0);
    assertThat(ces.topBoxInterval(0.95).contains(40.0)).isTrue();
  }

  @Test
  void leavesNonAnswersOutOfTheMeanButCanCountThemInTheTopBoxBase() {
    SurveyAnswers answers = SurveyAnswers.of(List.of(SurveyAnswer.of(7, AT),
        SurveyAnswer.of(3, AT), SurveyAnswer.skipped(Option.none(), AT)));

    Ces passive = Ces.of(answers, SurveyScale.ONE_TO_SEVEN, NonAnswerPolicy.COUNT_AS_PASSIVE);

    assertThat(passive.mean()).isEqualTo(5.0);
    assertThat(passive.topBoxPercent()).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(Ces.of(answers, SurveyScale.ONE_TO_SEVEN).topBoxPercent()).isEqualTo(50.0);
  }

  @Test
  void spansTheScaleForASingleAnswer() {
    ScoreInterval interval = Ces.of(SurveyAnswers.ofScores(AT, 4), SurveyScale.ONE_TO_SEVEN)
        .meanInterval(0.9);

    assertThat(interval.low()).isEqualTo(1.0);
    assertThat(interval.high()).isEqualTo(7.0);
  }

  @Test
  void refusesScoresOffTheScaleAndNoAnswers() {
    assertThatThrownBy(() -> Ces.of(SurveyAnswers.ofScores(AT, 8, 0), SurveyScale.ONE_TO_SEVEN))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::field)).containsExactly("answers[0].score",
                "answers[1].score"));
    SurveyAnswers skipped = SurveyAnswers.of(List.of(SurveyAnswer.skipped(Option.none(), AT)));
    assertThatThrownBy(() -> Ces.of(skipped, SurveyScale.ONE_TO_SEVEN,
        NonAnswerPolicy.COUNT_AS_PASSIVE)).isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.violations().head().code()).isEqualTo("value.survey.no_answers"));
  }
}
