package io.rapport.crm.sales;

import static io.rapport.crm.sales.ScoringLeads.AS_OF;
import static io.rapport.crm.sales.ScoringLeads.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class NaiveBayesModelTest {

  static final ScoringFeatures FEATURES = ScoringFeatures.of(new ScoringFeature.SourceChannel(),
      new ScoringFeature.DecisionMaker());

  /** Three won (web/yes, web/yes, store-visit/no) and two lost (web/no, call-center/no). */
  static final Seq<TrainingExample> HISTORY = List.of(
      TrainingExample.won(lead("web", true)),
      TrainingExample.won(lead("web", true)),
      TrainingExample.won(lead("store-visit", false)),
      TrainingExample.lost(lead("web", false)),
      TrainingExample.lost(lead("call-center", false)));

  static final NaiveBayesModel MODEL = NaiveBayesModel.train(HISTORY, FEATURES).get();

  static Lead lead(String channel, Boolean decides) {
    ScoringLeads.Builder builder = aLead().channel(channel);
    return decides == null ? builder.build() : builder.decisionMaker(decides).build();
  }

  /** Returns round(100 * odds / (1 + odds)) half up, exactly, for odds = numerator/denominator. */
  static int exactScore(long numerator, long denominator) {
    return new BigDecimal(BigInteger.valueOf(100 * numerator))
        .divide(new BigDecimal(numerator + denominator), 0, RoundingMode.HALF_UP).intValueExact();
  }

  @Test
  void learnsTheCounts() {
    assertThat(MODEL.won()).isEqualTo(3);
    assertThat(MODEL.lost()).isEqualTo(2);
    assertThat(MODEL.counts()).containsExactly(
        new NaiveBayesCounts("source.channel", TreeMap.of("web", 2, "store-visit", 1),
            TreeMap.of("web", 1, "call-center", 1)),
        new NaiveBayesCounts("qualification.decision_maker", TreeMap.of("yes", 2, "no", 1),
            TreeMap.of("no", 2)));
  }

  @Test
  void scoresTheHandComputedPosterior() {
    // channel has 3 values seen, so 4 outcomes with the unseen one; decision maker 2 seen, 3.
    // prior odds 3/2
    // P(web | won) = (2+1)/(3+4) = 3/7, P(web | lost) = (1+1)/(2+4) = 1/3: ratio 9/7
    // P(yes | won) = (2+1)/(3+3) = 1/2, P(yes | lost) = (0+1)/(2+3) = 1/5: ratio 5/2
    // odds = 3/2 * 9/7 * 5/2 = 135/28, P(won) = 135/163 = 0.8282..., score 83
    Lead probe = lead("web", true);

    LeadScore score = MODEL.score(probe, AS_OF);

    assertThat(exactScore(135, 28)).isEqualTo(83);
    assertThat(score.value()).isEqualTo(exactScore(135, 28));
    assertThat(MODEL.winProbability(probe)).isCloseTo(135.0 / 163, within(1e-12));
    assertThat(MODEL.logOdds(probe)).isCloseTo(Math.log(135.0 / 28), within(1e-12));
    assertThat(score.explain()).isEqualTo(String.join("\n",
        "Score 83/100 by the naive-bayes model as of 2026-03-01: log odds +1.5731 from the prior"
            + " and 2 features, P(won) = 1/(1+e^-logodds) = 0.8282; learned from 3 won and 2"
            + " lost examples, alpha 1",
        "  +0.4055  prior: 3 won and 2 lost examples, log(3/2)",
        "  +0.2513  source.channel = web: P(web | won) = (2+1)/(3+4) = 0.4286,"
            + " P(web | lost) = (1+1)/(2+4) = 0.3333",
        "  +0.9163  qualification.decision_maker = yes: P(yes | won) = (2+1)/(3+3) = 0.5000,"
            + " P(yes | lost) = (0+1)/(2+3) = 0.2000"));
  }

  @Test
  void smoothsValuesNeverSeenInTraining() {
    // P(trade-fair | won) = (0+1)/(3+4) = 1/7, P(trade-fair | lost) = (0+1)/(2+4) = 1/6
    // P(unknown | won) = (0+1)/(3+3) = 1/6, P(unknown | lost) = (0+1)/(2+3) = 1/5
    // odds = 3/2 * 6/7 * 5/6 = 15/14, P(won) = 15/29 = 0.5172..., score 52
    Lead probe = lead("trade-fair", null);

    LeadScore score = MODEL.score(probe, AS_OF);

    assertThat(score.value()).isEqualTo(exactScore(15, 14)).isEqualTo(52);
    ScoreContribution.FeatureEvidence channel =
        (ScoreContribution.FeatureEvidence) score.contributions().get(1);
    assertThat(channel.seen()).isFalse();
    assertThat(channel.wonLikelihood()).isCloseTo(1.0 / 7, within(1e-15));
    assertThat(channel.lostLikelihood()).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(channel.line()).isEqualTo("-0.1542  source.channel = trade-fair (not seen in"
        + " training, smoothed): P(trade-fair | won) = (0+1)/(3+4) = 0.1429,"
        + " P(trade-fair | lost) = (0+1)/(2+4) = 0.1667");
  }

  @Test
  void showsASmoothingOtherThanOneInTheFractions() {
    NaiveBayesModel model = NaiveBayesModel.train(HISTORY, FEATURES, 0.5).get();

    // P(web | won) = (2+0.5)/(3+0.5*4) = 0.5, P(web | lost) = (1+0.5)/(2+0.5*4) = 0.375
    assertThat(model.score(lead("web", true), AS_OF).contributions().get(1).line())
        .isEqualTo("+0.2877  source.channel = web: P(web | won) = (2+0.5)/(3+0.5*4) = 0.5000,"
            + " P(web | lost) = (1+0.5)/(2+0.5*4) = 0.3750");
  }

  @Test
  void refusesTrainingOnOneClass() {
    Seq<TrainingExample> onlyWon = HISTORY.filter(TrainingExample::won);

    assertThat(NaiveBayesModel.train(onlyWon, FEATURES).getError()).containsExactly(
        Violation.of("scoring.training.one_class", "examples",
            "Training needs won and lost examples, but got 3 won and 0 lost"));
  }

  @Test
  void reportsEveryTrainingProblemAtOnce() {
    assertThat(NaiveBayesModel.train(List.empty(), FEATURES, 0.0).getError()
        .map(Violation::code)).containsExactly("scoring.training.too_few",
        "scoring.training.alpha.not_positive");
    assertThat(NaiveBayesModel.train(HISTORY.take(1), FEATURES, Double.NaN, 10).getError()
        .map(Violation::code)).containsExactly("scoring.training.too_few",
        "scoring.training.one_class", "scoring.training.alpha.not_positive");
    assertThat(NaiveBayesModel.train(HISTORY, FEATURES, 1.0, 6).getError()
        .map(Violation::code)).containsExactly("scoring.training.too_few");
  }

  @Test
  void restoresAStoredModelFromItsCounts() {
    NaiveBayesModel restored = NaiveBayesModel.restore(FEATURES, MODEL.alpha(), MODEL.won(),
        MODEL.lost(), MODEL.counts());

    assertThat(restored).isEqualTo(MODEL);
    assertThat(restored.score(lead("web", true), AS_OF))
        .isEqualTo(MODEL.score(lead("web", true), AS_OF));
  }

  @Test
  void refusesToRestoreCountsThatCannotComeFromTraining() {
    Seq<NaiveBayesCounts> counts = List.of(
        new NaiveBayesCounts("qualification.decision_maker", TreeMap.of("yes", 2, " ", 0),
            TreeMap.of("no", 2)),
        new NaiveBayesCounts("source.channel", TreeMap.of("web", 3), TreeMap.of("web", 2)));

    Seq<Violation> problems = NaiveBayesModel.validated(FEATURES, 0, 3, 0, counts).getError();

    assertThat(problems.map(Violation::code)).containsExactly(
        "scoring.model.alpha.not_positive",
        "scoring.model.lost.not_positive",
        "scoring.model.counts.features_mismatch",
        "scoring.model.counts.value.blank",
        "scoring.model.counts.not_positive",
        "scoring.model.counts.sum_mismatch",
        "scoring.model.counts.sum_mismatch");
    assertThat(problems.map(Violation::field)).containsExactly("alpha", "lost", "counts",
        "counts[0]", "counts[0]", "counts[0]", "counts[1]");
    assertThatThrownBy(() -> NaiveBayesModel.restore(FEATURES, 0, 3, 0, counts))
        .isInstanceOfSatisfying(InvalidValueException.class,
            thrown -> assertThat(thrown.violations()).isEqualTo(problems));
  }
}
