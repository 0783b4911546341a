package io.rapport.crm.sales;

import static io.rapport.crm.sales.ScoringLeads.AS_OF;
import static io.rapport.crm.sales.ScoringLeads.aLead;
import static io.rapport.crm.sales.ScoringLeads.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.sales.ScoringCondition.AnyOf;
import io.rapport.crm.sales.ScoringCondition.BudgetAtLeast;
import io.rapport.crm.sales.ScoringCondition.DecisionMaker;
import io.rapport.crm.sales.ScoringCondition.HasPhone;
import io.rapport.crm.sales.ScoringCondition.SourceChannelIn;
import io.rapport.crm.sales.ScoringCondition.TimelineWithin;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

class PointsModelTest {

  static final PointsModel MODEL = PointsModel.of(20, List.of(
      new ScoringRule("web", SourceChannelIn.of("web"), 10),
      new ScoringRule("decides", new DecisionMaker(), 25),
      new ScoringRule("big-budget", new BudgetAtLeast(cny("100000")), 30),
      new ScoringRule("soon", new TimelineWithin(90), 20),
      new ScoringRule("no-phone", new ScoringCondition.Not(new HasPhone()), -15)));

  @Test
  void addsThePointsOfMatchedRulesToTheBaseAndListsEveryRule() {
    Lead lead = aLead().channel("web").decisionMaker(true)
        .budget(cny("50000")).timeline(AS_OF.plusDays(30)).build();

    LeadScore score = MODEL.score(lead, AS_OF);

    // 20 base + 10 web + 25 decides + 0 budget below + 20 soon - 15 no phone = 60
    assertThat(score.value()).isEqualTo(60);
    assertThat(score.model()).isEqualTo("points");
    assertThat(score.contributions().map(ScoreContribution::code))
        .containsExactly("base", "web", "decides", "big-budget", "soon", "no-phone");
    assertThat(score.total()).isEqualTo(60.0);
    assertThat(score.explain()).isEqualTo(String.join("\n",
        "Score 60/100 by the points model as of 2026-03-01: base 20 and +40 from 4 of 5 rules"
            + " matched",
        "  +20  base score",
        "  +10  rule web (+10 if source channel is one of [web]): matched, channel is web",
        "  +25  rule decides (+25 if the contact is the decision maker): matched, the contact"
            + " decides the purchase",
        "  +0  rule big-budget (+30 if budget at least CNY 100000.00): not matched, budget CNY"
            + " 50000.00 is below CNY 100000.00",
        "  +20  rule soon (+20 if timeline within 90 days): matched, timeline 2026-03-31 is 30"
            + " days away",
        "  -15  rule no-phone (-15 if not (has a phone number)): matched, no phone number"));
  }

  @Test
  void clampsAboveOneHundredAndSaysSo() {
    Lead lead = aLead().channel("web").decisionMaker(true).budget(cny("200000"))
        .timeline(AS_OF.plusDays(10)).phone("+8613800138000").build();

    LeadScore score = MODEL.score(lead, AS_OF);

    assertThat(score.value()).isEqualTo(100);
    assertThat(score.contributions().last())
        .isEqualTo(new ScoreContribution.Clamping(105, 100));
    assertThat(score.total()).isEqualTo(100.0);
    assertThat(score.summary()).endsWith("clamped from 105 to 100");
    assertThat(score.explain()).endsWith(
        "  -5  clamped to 100: the points added up to 105, outside 0..100");
  }

  @Test
  void clampsBelowZeroAndSaysSo() {
    PointsModel harsh = PointsModel.of(5, List.of(
        new ScoringRule("no-phone", new ScoringCondition.Not(new HasPhone()), -40)));

    LeadScore score = harsh.score(aLead().build(), AS_OF);

    assertThat(score.value()).isZero();
    assertThat(score.contributions().last()).isEqualTo(new ScoreContribution.Clamping(-35, 0));
    assertThat(score.explain()).endsWith(
        "  +35  clamped to 0: the points added up to -35, outside 0..100");
  }

  @Test
  void scoresTheBaseWhenNoRuleMatchesAndAddsNoClampingLine() {
    LeadScore score = MODEL.score(aLead().channel("store-visit").phone("+8613800138000")
        .build(), AS_OF);

    assertThat(score.value()).isEqualTo(20);
    assertThat(score.contributions()).hasSize(6);
    assertThat(score.contributions().filter(c -> c instanceof ScoreContribution.Clamping))
        .isEmpty();
  }

  @Test
  void validationReportsEveryProblemOfModelRulesAndConditions() {
    Seq<ScoringRule> rules = List.of(
        new ScoringRule("web", SourceChannelIn.of("web"), 10),
        new ScoringRule(" ", new DecisionMaker(), 5),
        new ScoringRule("web", new AnyOf(List.empty()), 101),
        new ScoringRule("Bad Code", new TimelineWithin(4000), -101));

    Seq<Violation> problems = PointsModel.validated(120, rules).getError();

    assertThat(problems.map(Violation::code)).containsExactly(
        "scoring.model.base.out_of_range",
        "scoring.rule.code.blank",
        "scoring.rule.code.duplicate",
        "scoring.rule.points.out_of_range",
        "scoring.condition.any_of.empty",
        "scoring.rule.code.malformed",
        "scoring.rule.points.out_of_range",
        "scoring.condition.days.out_of_range");
    assertThat(problems.map(Violation::field)).containsExactly(
        "base", "rules[1].code", "rules[2].code", "rules[2].points",
        "rules[2].condition.conditions", "rules[3].code", "rules[3].points",
        "rules[3].condition.days");
    assertThatThrownBy(() -> PointsModel.of(120, rules))
        .isInstanceOfSatisfying(InvalidValueException.class,
            thrown -> assertThat(thrown.violations()).isEqualTo(problems));
  }

  @Test
  void validationAcceptsAGoodModel() {
    assertThat(PointsModel.validated(MODEL.base(), MODEL.rules()).get()).isEqualTo(MODEL);
  }

  @Test
  void theValueIsClampedPointsAndTheContributionsAddUpToIt() {
    ScoringLeads.qt().forAll(integers().between(0, 100),
            lists().of(integers().between(-100, 100)).ofSizeBetween(0, 8),
            integers().between(0, 3))
        .checkAssert((base, points, facts) -> {
          Seq<ScoringRule> rules = List.ofAll(points).zipWithIndex().map(pair ->
              new ScoringRule("r" + pair._2, pair._2 % 2 == 0
                  ? new DecisionMaker() : SourceChannelIn.of("web"), pair._1));
          Lead lead = (facts % 2 == 0 ? aLead().channel("web") : aLead().channel("fair"))
              .decisionMaker(facts < 2).build();
          LeadScore score = PointsModel.of(base, rules).score(lead, AS_OF);
          long expected = base + List.ofAll(points).zipWithIndex()
              .filter(pair -> pair._2 % 2 == 0 ? facts < 2 : facts % 2 == 0)
              .map(pair -> (long) pair._1).sum().longValue();
          assertThat(score.value()).isEqualTo((int) Math.max(0, Math.min(100, expected)));
          assertThat(score.total()).isEqualTo(score.value());
          assertThat(score.contributions()).hasSize(points.size() + 1
              + (expected < 0 || expected > 100 ? 1 : 0));
        });
  }
}
