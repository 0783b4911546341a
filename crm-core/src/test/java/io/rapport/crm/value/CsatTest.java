package io.rapport.crm.value;

import static io.rapport.crm.value.SurveyTheories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.service.CsatScale;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsatTest {

  private static final Instant AT = Instant.parse("2026-03-15T10:00:00Z");

  @Test
  void countsTheTopTwoBoxesWithTheAdjustedWaldInterval() {
    // 8 of 10 answers are 4 or 5. By hand: z = 1.95996, n' = 10 + z² = 13.8415,
    // p' = (8 + z²/2)/n' = 0.71674, margin = z √(p'(1 − p')/n') = 0.23737 → [47.94, 95.41].
    Csat csat = Csat.of(SurveyAnswers.ofScores(AT, 5, 5, 4, 4, 5, 4, 5, 4, 3, 1),
        SurveyScale.ONE_TO_FIVE);

    ScoreInterval interval = csat.interval(0.95);

    assertThat(csat.percent()).isEqualTo(80.0);
    assertThat(interval.centre()).isCloseTo(71.674, within(1e-3));
    assertThat(interval.low()).isCloseTo(47.937, within(1e-3));
    assertThat(interval.high()).isCloseTo(95.411, within(1e-3));
  }

  @Test
  void readsAServiceScaleAndAChosenNumberOfTopBoxes() {
    SurveyScale seven = SurveyScale.from(CsatScale.of(1, 7, 3));
    SurveyAnswers answers = SurveyAnswers.ofScores(AT, 7, 6, 5, 5);

    assertThat(Csat.of(answers, seven).percent()).isEqualTo(50.0);
    assertThat(Csat.of(answers, seven, 3, NonAnswerPolicy.EXCLUDE).percent()).isEqualTo(100.0);
    assertThat(Csat.of(answers, seven, 1, NonAnswerPolicy.EXCLUDE).percent()).isEqualTo(25.0);
  }

  @Test
  void countsNonAnswersAsNotSatisfiedOnlyWhenAsked() {
    SurveyAnswers answers = SurveyAnswers.of(List.of(SurveyAnswer.of(5, AT),
        SurveyAnswer.skipped(Option.none(), AT)));

    assertThat(Csat.of(answers, SurveyScale.ONE_TO_FIVE).percent()).isEqualTo(100.0);
    assertThat(Csat.of(answers, SurveyScale.ONE_TO_FIVE, 2, NonAnswerPolicy.COUNT_AS_PASSIVE)
        .percent()).isEqualTo(50.0);
  }

  @Test
  void reportsEveryScoreOffTheScaleAndBadConfiguration() {
    assertThatThrownBy(() -> Csat.of(SurveyAnswers.ofScores(AT, 0, 3, 6), SurveyScale.ONE_TO_FIVE))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::field)).containsExactly("answers[0].score",
                "answers[2].score"));
    assertThatThrownBy(() -> Csat.of(SurveyAnswers.ofScores(AT, 3), SurveyScale.ONE_TO_FIVE, 5,
        NonAnswerPolicy.EXCLUDE)).isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.violations().head().code())
                .isEqualTo("value.survey.top_boxes_out_of_range"));
    assertThatThrownBy(() -> Csat.of(SurveyAnswers.ofScores(AT), SurveyScale.ONE_TO_FIVE))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().head().code()).isEqualTo("value.survey.no_answers"));
    assertThat(SurveyScale.validated(-1, -2).getError().map(Violation::code)).containsExactly(
        "value.survey.scale.min_negative", "value.survey.scale.max_not_above_min");
  }

  @Test
  void staysWithinZeroToHundredAndInsideItsInterval() {
    qt().forAll(lists().of(integers().between(1, 5)).ofSizeBetween(1, 40),
            integers().between(50, 99))
        .check((list, level) -> {
          Csat csat = Csat.of(SurveyAnswers.ofScores(AT,
              list.stream().mapToInt(Integer::intValue).toArray()), SurveyScale.ONE_TO_FIVE);
          ScoreInterval interval = csat.interval(level / 100.0);
          return csat.percent() >= 0 && csat.percent() <= 100 && interval.contains(csat.percent())
              && interval.low() >= 0 && interval.high() <= 100;
        });
    assertThat(Csat.of(SurveyAnswers.ofScores(AT, 1), SurveyScale.ONE_TO_FIVE).percent()).isZero();
  }
}
