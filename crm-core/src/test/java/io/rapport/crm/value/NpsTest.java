package io.rapport.crm.value;

import static io.rapport.crm.value.SurveyTheories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class NpsTest {

  private static final Instant AT = Instant.parse("2026-03-15T10:00:00Z");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static int[] scores(int promoters, int passives, int detractors) {
    int[] scores = new int[promoters + passives + detractors];
    int i = 0;
    for (int k = 0; k < promoters; k++) {
      scores[i++] = k % 2 == 0 ? 9 : 10;
    }
    for (int k = 0; k < passives; k++) {
      scores[i++] = k % 2 == 0 ? 7 : 8;
    }
    for (int k = 0; k < detractors; k++) {
      scores[i++] = k % 7;
    }
    return scores;
  }

  @Test
  void classifiesTheElevenPointsAsTheNpsDefinitionDoes() {
    Nps nps = Nps.of(SurveyAnswers.ofScores(AT, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

    assertThat(nps.detractors()).isEqualTo(7);
    assertThat(nps.passives()).isEqualTo(2);
    assertThat(nps.promoters()).isEqualTo(2);
    assertThat(nps.score()).isCloseTo(100.0 * (2 - 7) / 11, within(1e-12));
  }

  @Test
  void followsTheAdjustedWaldRecipeStepByStep() {
    // 30 promoters, 20 passives, 10 detractors. Worked by hand from the Sauro & Lewis recipe:
    // n' = 63, p' = 30.75/63 = 0.48810, d' = 10.75/63 = 0.17063, NPS' = 31.746,
    // Var' = (p' + d' − (p' − d')²)/n' = 0.0088563, SE = 9.4108 points,
    // 95 %: 31.746 ± 1.95996 × 9.4108 = [13.301, 50.191].
    Nps nps = Nps.of(SurveyAnswers.ofScores(AT, scores(30, 20, 10)));

    ScoreInterval interval = nps.interval(0.95);

    assertThat(nps.score()).isCloseTo(33.333, within(1e-3));
    assertThat(interval.centre()).isCloseTo(31.746, within(1e-3));
    assertThat(nps.standardError()).isCloseTo(9.4108, within(1e-4));
    assertThat(interval.marginOfError()).isCloseTo(18.445, within(1e-3));
    assertThat(interval.low()).isCloseTo(13.301, within(1e-3));
    assertThat(interval.high()).isCloseTo(50.191, within(1e-3));
  }

  @Test
  void testsTwoPeriodsWithTheAdjustedWaldZTest() {
    // Earlier: 20/20/20, NPS' = 0, SE = 10.2255. Later: 30/20/10 as above.
    // SE(diff) = √(0.0088563 + 0.0104560) × 100 = 13.8969, z = 31.746/13.8969 = 2.2844,
    // two-sided p = 0.02235.
    Nps earlier = Nps.ofCounts(20, 20, 20);
    Nps later = Nps.ofCounts(30, 20, 10);

    NpsComparison comparison = later.differenceFrom(earlier);

    assertThat(comparison.difference()).isCloseTo(33.333, within(1e-3));
    assertThat(comparison.standardError()).isCloseTo(13.8969, within(1e-4));
    assertThat(comparison.z()).isCloseTo(2.2844, within(1e-4));
    assertThat(comparison.pValue()).isCloseTo(0.02235, within(1e-5));
    assertThat(comparison.isSignificant(0.05)).isTrue();
    assertThat(comparison.isSignificant(0.01)).isFalse();
    assertThat(earlier.differenceFrom(later).z()).isCloseTo(-2.2844, within(1e-4));
  }

  @Test
  void keepsAllPromotersInsideTheRange() {
    Nps one = Nps.ofCounts(1, 0, 0);
    Nps many = Nps.ofCounts(500, 0, 0);

    assertThat(one.score()).isEqualTo(100.0);
    assertThat(one.interval(0.95).high()).isEqualTo(100.0);
    assertThat(one.interval(0.95).contains(100.0)).isTrue();
    assertThat(one.interval(0.95).low()).isGreaterThanOrEqualTo(-100.0);
    assertThat(many.interval(0.95).high()).isEqualTo(100.0);
    assertThat(many.interval(0.95).low()).isGreaterThan(98.0);
  }

  @Test
  void refusesNoAnswersWithATypedError() {
    assertThatThrownBy(() -> Nps.of(SurveyAnswers.ofScores(AT)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::code)).containsExactly("value.survey.no_answers"));
    SurveyAnswers onlySkipped = SurveyAnswers.of(List.of(SurveyAnswer.skipped(Option.none(), AT)));
    assertThatThrownBy(() -> Nps.of(onlySkipped)).isInstanceOf(InvalidValueException.class);
    assertThat(Nps.of(onlySkipped, NonAnswerPolicy.COUNT_AS_PASSIVE).score()).isZero();
  }

  @Test
  void reportsEveryScoreOutsideZeroToTen() {
    assertThatThrownBy(() -> Nps.of(SurveyAnswers.ofScores(AT, 9, 11, 5, -1, 10)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.violations().map(Violation::field))
              .containsExactly("answers[1].score", "answers[3].score");
          assertThat(e.violations().map(Violation::code)).containsOnly(
              "value.survey.score_out_of_scale");
        });
  }

  @Test
  void refusesAConfidenceOutsideZeroAndOne() {
    Nps nps = Nps.ofCounts(3, 2, 1);
    for (double bad : new double[] {0, 1, -0.5, Double.NaN}) {
      assertThatThrownBy(() -> nps.interval(bad))
          .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
              e.violations().head().code()).isEqualTo("value.survey.confidence_out_of_range"));
    }
  }

  @Test
  void reportsNegativeCountsTogether() {
    assertThat(Nps.validated(-1, 2, -3, 0, NonAnswerPolicy.EXCLUDE).getError()
        .map(Violation::field)).containsExactly("promoters", "detractors");
  }

  @Test
  void countsNonAnswersByTheStatedPolicy() {
    SurveyAnswers answers = SurveyAnswers.of(List.of(SurveyAnswer.of(10, AT),
        SurveyAnswer.of(10, AT), SurveyAnswer.of(3, AT),
        SurveyAnswer.skipped(Option.none(), AT)));

    Nps excluded = Nps.of(answers);
    Nps passive = Nps.of(answers, NonAnswerPolicy.COUNT_AS_PASSIVE);

    assertThat(excluded.base()).isEqualTo(3);
    assertThat(excluded.score()).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(passive.base()).isEqualTo(4);
    assertThat(passive.score()).isEqualTo(25.0);
    assertThat(passive.nonAnswers()).isEqualTo(1);
  }

  @Test
  void breaksDownBySegment() {
    SurveyAnswers answers = SurveyAnswers.of(List.of(SurveyAnswer.of(10, "vip", AT),
        SurveyAnswer.of(2, "vip", AT), SurveyAnswer.of(9, "store", AT),
        SurveyAnswer.of(8, AT), SurveyAnswer.skipped(Option.some("call"), AT)));

    SortedMap<String, Nps> bySegment = Nps.bySegment(answers, NonAnswerPolicy.EXCLUDE);

    assertThat(bySegment.keySet().toJavaList()).containsExactly(Nps.UNSEGMENTED, "store", "vip");
    assertThat(bySegment.get("vip").get().score()).isZero();
    assertThat(bySegment.get("store").get().score()).isEqualTo(100.0);
    assertThat(bySegment.get(Nps.UNSEGMENTED).get().passives()).isEqualTo(1);
    assertThat(Nps.bySegment(answers, NonAnswerPolicy.COUNT_AS_PASSIVE).get("call").get().base())
        .isEqualTo(1);
  }

  @Test
  void trendsByQuarterInTheZone() {
    // 2026-03-31T17:00Z is already 1 April in Shanghai: the second quarter there.
    SurveyAnswers answers = SurveyAnswers.of(List.of(
        SurveyAnswer.of(10, Instant.parse("2026-01-10T02:00:00Z")),
        SurveyAnswer.of(0, Instant.parse("2026-03-31T17:00:00Z")),
        SurveyAnswer.of(9, Instant.parse("2026-05-01T02:00:00Z")),
        SurveyAnswer.of(7, Instant.parse("2026-11-11T02:00:00Z"))));

    Seq<NpsTrendPoint> quarters = Nps.trend(answers, TrendPeriod.QUARTER, SHANGHAI,
        NonAnswerPolicy.EXCLUDE);
    Seq<NpsTrendPoint> months = Nps.trend(answers, TrendPeriod.MONTH, ZoneId.of("UTC"),
        NonAnswerPolicy.EXCLUDE);

    assertThat(quarters.map(NpsTrendPoint::periodStart)).containsExactly(
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 10, 1));
    assertThat(quarters.map(p -> p.nps().score())).containsExactly(100.0, 0.0, 0.0);
    assertThat(months.map(NpsTrendPoint::periodStart)).containsExactly(
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1),
        LocalDate.of(2026, 11, 1));
  }

  @Test
  void staysInRangeAndInsideItsInterval() {
    qt().forAll(lists().of(integers().between(0, 10)).ofSizeBetween(1, 60),
            integers().between(50, 99))
        .check((list, level) -> {
          Nps nps = Nps.of(SurveyAnswers.ofScores(AT,
              list.stream().mapToInt(Integer::intValue).toArray()));
          ScoreInterval interval = nps.interval(level / 100.0);
          return nps.score() >= -100 && nps.score() <= 100 && interval.contains(nps.score())
              && interval.low() >= -100 && interval.high() <= 100;
        });
    assertThat(Nps.ofCounts(0, 0, 1).interval(0.5).contains(-100)).isTrue();
  }

  @Test
  void breakdownAndTrendSumToTheTotalAndOrderDoesNotMatter() {
    String[] segments = {"vip", "store", "call"};
    qt().forAll(lists().of(integers().between(-1, 10)).ofSizeBetween(1, 60),
            integers().between(0, 1000))
        .check((list, shuffleSeed) -> {
          ArrayList<SurveyAnswer> answers = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            Option<String> segment = i % 4 == 3 ? Option.none()
                : Option.some(segments[i % 3]);
            Instant at = AT.plusSeconds(86_400L * 17 * i);
            answers.add(list.get(i) < 0 ? SurveyAnswer.skipped(segment, at)
                : new SurveyAnswer(Option.some(list.get(i)), segment, at));
          }
          SortedMap<String, Nps> parts = Nps.bySegment(SurveyAnswers.of(answers),
              NonAnswerPolicy.COUNT_AS_PASSIVE);
          Nps total = Nps.of(SurveyAnswers.of(answers), NonAnswerPolicy.COUNT_AS_PASSIVE);
          Nps sum = parts.values().reduce(Nps::plus);
          Nps byMonth = Nps.trend(SurveyAnswers.of(answers), TrendPeriod.MONTH, SHANGHAI,
              NonAnswerPolicy.COUNT_AS_PASSIVE).map(NpsTrendPoint::nps).reduce(Nps::plus);
          Collections.shuffle(answers, new java.util.Random(shuffleSeed));
          Nps shuffled = Nps.of(SurveyAnswers.of(answers), NonAnswerPolicy.COUNT_AS_PASSIVE);
          return sum.equals(total) && byMonth.equals(total) && shuffled.equals(total);
        });
    assertThat(Nps.ofCounts(1, 2, 3).plus(Nps.ofCounts(4, 5, 6))).isEqualTo(Nps.ofCounts(5, 7, 9));
  }
}
