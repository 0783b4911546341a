package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.testkit.generators.SurveyGenerators;
import io.rapport.crm.testkit.laws.SurveyLaws;
import io.rapport.crm.value.Ces;
import io.rapport.crm.value.Csat;
import io.rapport.crm.value.NonAnswerPolicy;
import io.rapport.crm.value.Nps;
import io.rapport.crm.value.ScoreInterval;
import io.rapport.crm.value.SurveyAnswers;
import io.rapport.crm.value.SurveyScale;
import org.junit.jupiter.api.Test;

/** The survey laws hold for the library and catch the mistakes they exist for. */
class SurveyLawsTest {

  @Test
  void holdForTheLibrary() {
    assertThatCode(() -> {
      SurveyLaws.npsInRangeAndInsideItsInterval(SurveyGenerators.npsAnswers(),
          SurveyLaws.STANDARD);
      SurveyLaws.csatInRange(SurveyGenerators.answers(SurveyScale.ONE_TO_FIVE),
          SurveyScale.ONE_TO_FIVE);
      SurveyLaws.orderDoesNotMatter(SurveyGenerators.npsAnswers(),
          a -> Nps.bySegment(a, NonAnswerPolicy.COUNT_AS_PASSIVE));
      SurveyLaws.orderDoesNotMatter(SurveyGenerators.answers(SurveyScale.ONE_TO_SEVEN),
          a -> Ces.of(a, SurveyScale.ONE_TO_SEVEN).topBox());
    }).doesNotThrowAnyException();
  }

  @Test
  void catchesAnIntervalThatMissesTheScore() {
    // The plain adjusted-Wald interval, not widened: one promoter scores 100 but the interval
    // ends near 98.5, and a narrow made-up margin misses the raw score far more often.
    SurveyLaws.NpsCalculator narrow = new SurveyLaws.NpsCalculator() {
      @Override
      public ScoreInterval interval(SurveyAnswers answers, double confidence) {
        Nps nps = Nps.of(answers);
        double centre = nps.adjustedScore();
        return new ScoreInterval(nps.score(), centre, centre - 1, centre + 1, 1, confidence);
      }
    };
    assertThatThrownBy(() -> SurveyLaws.npsInRangeAndInsideItsInterval(
        SurveyGenerators.npsAnswers(), narrow)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAnNpsOutOfRange() {
    // Dividing by the promoters instead of all answers.
    SurveyLaws.NpsCalculator byPromoters = new SurveyLaws.NpsCalculator() {
      @Override
      public double score(SurveyAnswers answers) {
        Nps nps = Nps.of(answers);
        return 100.0 * (nps.promoters() - nps.detractors()) / Math.max(1, nps.promoters());
      }
    };
    assertThatThrownBy(() -> SurveyLaws.npsInRangeAndInsideItsInterval(
        SurveyGenerators.npsAnswers(), byPromoters)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesANetCsatBelowZero() {
    // A "net satisfaction": top two boxes minus bottom two, which goes negative.
    assertThatThrownBy(() -> SurveyLaws.csatInRange(
        SurveyGenerators.answers(SurveyScale.ONE_TO_FIVE), a -> {
          Csat top = Csat.of(a, SurveyScale.ONE_TO_FIVE);
          long bottom = a.answers().count(x -> x.score().exists(s -> s <= 2));
          return 100.0 * (top.satisfied() - bottom) / top.base();
        })).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesACalculationThatReadsOnlyTheFirstAnswers() {
    assertThatThrownBy(() -> SurveyLaws.orderDoesNotMatter(SurveyGenerators.npsAnswers(),
        a -> a.answer(0).score())).isInstanceOf(AssertionError.class);
  }
}
