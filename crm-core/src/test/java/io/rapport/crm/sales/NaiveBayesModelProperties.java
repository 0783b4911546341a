package io.rapport.crm.sales;

import static io.rapport.crm.sales.ScoringLeads.AS_OF;
import static io.rapport.crm.sales.ScoringLeads.aLead;
import static io.rapport.crm.sales.ScoringLeads.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.Money;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Laws of the naive Bayes model over leads drawn from 135 feature combinations (3 channels, 3
 * campaigns, 3 decision-maker answers, 5 budgets). A training example is an int: the combination
 * times two, plus one when won.
 */
class NaiveBayesModelProperties {

  static final ScoringFeatures FEATURES = ScoringFeatures.of(new ScoringFeature.SourceChannel(),
      new ScoringFeature.Campaign(), new ScoringFeature.DecisionMaker(),
      ScoringFeature.BudgetBand.of(cny("10000"), cny("50000")));

  static final int COMBINATIONS = 3 * 3 * 3 * 5;

  static Lead lead(int combination) {
    int rest = combination;
    ScoringLeads.Builder builder = aLead().channel(List.of("web", "store-visit", "call-center")
        .get(rest % 3));
    rest /= 3;
    if (rest % 3 > 0) {
      builder.campaign(rest % 3 == 1 ? "spring" : "autumn");
    }
    rest /= 3;
    if (rest % 3 > 0) {
      builder.decisionMaker(rest % 3 == 1);
    }
    rest /= 3;
    if (rest > 0) {
      builder.budget(List.of(cny("5000"), cny("20000"), cny("90000"),
          Money.of("100", ScoringLeads.USD)).get(rest - 1));
    }
    return builder.build();
  }

  static Seq<TrainingExample> examples(java.util.List<Integer> codes) {
    // one won and one lost example always, so training has both classes
    return List.of(TrainingExample.won(lead(0)), TrainingExample.lost(lead(COMBINATIONS - 1)))
        .appendAll(List.ofAll(codes).map(code -> new TrainingExample(lead(code / 2),
            code % 2 == 1)));
  }

  static NaiveBayesModel trained(Seq<TrainingExample> examples, double alpha) {
    return NaiveBayesModel.train(examples, FEATURES, alpha).get();
  }

  @Test
  void theScoreIsFromZeroToOneHundredAndRoundsTheProbability() {
    ScoringLeads.qt().forAll(lists().of(integers().between(0, 2 * COMBINATIONS - 1))
            .ofSizeBetween(0, 40), integers().between(0, COMBINATIONS - 1),
            doubles().between(0.01, 5.0))
        .checkAssert((codes, probe, alpha) -> {
          NaiveBayesModel model = trained(examples(codes), alpha);
          LeadScore score = model.score(lead(probe), AS_OF);
          assertThat(score.value()).isBetween(0, 100);
          assertThat(score.value()).isEqualTo(BigDecimal.valueOf(100 * model.winProbability(
              lead(probe))).setScale(0, RoundingMode.HALF_UP).intValueExact());
        });
  }

  @Test
  void symmetricTrainingScoresFifty() {
    ScoringLeads.qt().forAll(lists().of(integers().between(0, COMBINATIONS - 1))
            .ofSizeBetween(1, 30), integers().between(0, COMBINATIONS - 1),
            doubles().between(0.01, 5.0))
        .checkAssert((combinations, probe, alpha) -> {
          Seq<TrainingExample> examples = List.ofAll(combinations).flatMap(combination ->
              List.of(TrainingExample.won(lead(combination)),
                  TrainingExample.lost(lead(combination))));
          LeadScore score = trained(examples, alpha).score(lead(probe), AS_OF);
          assertThat(score.value()).isEqualTo(50);
          assertThat(score.total()).isZero();
        });
  }

  @Test
  void aWonExampleWithTheLeadsFeaturesNeverLowersItsScore() {
    ScoringLeads.qt().forAll(lists().of(integers().between(0, 2 * COMBINATIONS - 1))
            .ofSizeBetween(0, 40), integers().between(0, COMBINATIONS - 1),
            doubles().between(0.01, 1.0))
        .checkAssert((codes, probe, alpha) -> {
          Seq<TrainingExample> examples = examples(codes);
          Lead lead = lead(probe);
          NaiveBayesModel before = trained(examples, alpha);
          NaiveBayesModel after = trained(examples.append(TrainingExample.won(lead)), alpha);
          assertThat(after.logOdds(lead)).isGreaterThan(before.logOdds(lead));
          assertThat(after.score(lead, AS_OF).value())
              .isGreaterThanOrEqualTo(before.score(lead, AS_OF).value());
        });
  }

  @Test
  void theContributionsAddUpToTheLogOddsComputedFromTheCounts() {
    ScoringLeads.qt().forAll(lists().of(integers().between(0, 2 * COMBINATIONS - 1))
            .ofSizeBetween(0, 40), integers().between(0, COMBINATIONS - 1),
            doubles().between(0.01, 5.0))
        .checkAssert((codes, probe, alpha) -> {
          Seq<TrainingExample> examples = examples(codes);
          Lead lead = lead(probe);
          LeadScore score = trained(examples, alpha).score(lead, AS_OF);
          assertThat(score.total()).isCloseTo(logOddsFromCounts(examples, lead, alpha),
              within(1e-9));
        });
  }

  /** Computes the log odds from scratch: log prior odds plus the log-likelihood ratios. */
  static double logOddsFromCounts(Seq<TrainingExample> examples, Lead lead, double alpha) {
    Seq<TrainingExample> won = examples.filter(TrainingExample::won);
    Seq<TrainingExample> lost = examples.filter(example -> !example.won());
    double logOdds = Math.log(won.size()) - Math.log(lost.size());
    for (ScoringFeature feature : FEATURES.features()) {
      String value = feature.valueOf(lead);
      int outcomes = examples.map(example -> feature.valueOf(example.lead())).distinct().size()
          + 1;
      double wonWith = won.count(example -> feature.valueOf(example.lead()).equals(value));
      double lostWith = lost.count(example -> feature.valueOf(example.lead()).equals(value));
      logOdds += Math.log((wonWith + alpha) / (won.size() + alpha * outcomes))
          - Math.log((lostWith + alpha) / (lost.size() + alpha * outcomes));
    }
    return logOdds;
  }
}
