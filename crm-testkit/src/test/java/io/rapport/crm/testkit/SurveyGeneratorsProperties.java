package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.testkit.generators.SurveyGenerators;
import io.rapport.crm.value.SurveyAnswer;
import io.rapport.crm.value.SurveyScale;
import org.junit.jupiter.api.Test;

/** The survey generators give what they promise. */
class SurveyGeneratorsProperties {

  @Test
  void npsAnswersLieOnZeroToTenAndStartWithAScore() {
    Theories.qt().forAll(SurveyGenerators.npsAnswers()).checkAssert(answers -> {
      assertThat(answers.size()).isBetween(1, 200);
      assertThat(answers.answer(0).isSkipped()).isFalse();
      for (SurveyAnswer answer : answers.answers()) {
        answer.score().forEach(score -> assertThat(score).isBetween(0, 10));
      }
    });
  }

  @Test
  void scaledAnswersLieOnTheirScale() {
    Theories.qt().forAll(SurveyGenerators.scales().flatMap(scale ->
            SurveyGenerators.answers(scale).map(answers -> io.vavr.Tuple.of(scale, answers))))
        .checkAssert(pair -> {
          SurveyScale scale = pair._1;
          assertThat(scale.max()).isGreaterThan(scale.min());
          assertThat(pair._2.answer(0).isSkipped()).isFalse();
          for (SurveyAnswer answer : pair._2.answers()) {
            answer.score().forEach(score -> assertThat(score)
                .isBetween(scale.min(), scale.max()));
          }
        });
  }
}
