package io.rapport.crm.sales;

import static io.rapport.crm.sales.ScoringLeads.AS_OF;
import static io.rapport.crm.sales.ScoringLeads.aLead;
import static io.rapport.crm.sales.ScoringLeads.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.sales.ScoringCondition.AllOf;
import io.rapport.crm.sales.ScoringCondition.AnyOf;
import io.rapport.crm.sales.ScoringCondition.AttributeIn;
import io.rapport.crm.sales.ScoringCondition.BudgetAtLeast;
import io.rapport.crm.sales.ScoringCondition.CampaignIn;
import io.rapport.crm.sales.ScoringCondition.DecisionMaker;
import io.rapport.crm.sales.ScoringCondition.EstimatedValueAtLeast;
import io.rapport.crm.sales.ScoringCondition.HasEmail;
import io.rapport.crm.sales.ScoringCondition.HasOrganization;
import io.rapport.crm.sales.ScoringCondition.HasPhone;
import io.rapport.crm.sales.ScoringCondition.InterestedIn;
import io.rapport.crm.sales.ScoringCondition.NeedStated;
import io.rapport.crm.sales.ScoringCondition.Not;
import io.rapport.crm.sales.ScoringCondition.Outcome;
import io.rapport.crm.sales.ScoringCondition.SourceChannelIn;
import io.rapport.crm.sales.ScoringCondition.TimelineWithin;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoringConditionTest {

  static Stream<Arguments> everyKind() {
    return Stream.of(
        Arguments.of(SourceChannelIn.of("web", "call-center"), aLead().channel("call-center"),
            aLead().channel("store-visit"), "channel is store-visit"),
        Arguments.of(CampaignIn.of("spring-fair"), aLead().campaign("spring-fair"),
            aLead(), "no campaign"),
        Arguments.of(AttributeIn.of("industry", "retail", "hospitality"),
            aLead().attribute("industry", "retail"), aLead().attribute("industry", "mining"),
            "industry is mining"),
        Arguments.of(new HasEmail(), aLead().email("wang@example.com"),
            aLead().phone("+8613800138000"), "no email address"),
        Arguments.of(new HasPhone(), aLead().phone("+8613800138000"),
            aLead().email("wang@example.com"), "no phone number"),
        Arguments.of(new HasOrganization(), aLead().organization("Grand Hotel"), aLead(),
            "no organization"),
        Arguments.of(new BudgetAtLeast(cny("100000")), aLead().budget(cny("100000")),
            aLead().budget(cny("99999.99")), "budget CNY 99999.99 is below CNY 100000.00"),
        Arguments.of(new DecisionMaker(), aLead().decisionMaker(true),
            aLead().decisionMaker(false), "the contact does not decide"),
        Arguments.of(new NeedStated(), aLead().need("A tea table"), aLead(), "no need stated"),
        Arguments.of(new TimelineWithin(90), aLead().timeline(AS_OF.plusDays(90)),
            aLead().timeline(AS_OF.plusDays(91)), "timeline 2026-05-31 is 91 days away"),
        Arguments.of(new EstimatedValueAtLeast(cny("50000")),
            aLead().estimatedValue(cny("80000")), aLead(), "estimated value unknown"),
        Arguments.of(InterestedIn.of(ProductId.parse("P-2"), ProductId.parse("P-9")),
            aLead().interestedIn("P-1").interestedIn("P-9"), aLead().interestedIn("P-1"),
            "interested in none of them"));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void everyKindMatchesItsLeadAndExplainsTheOther(ScoringCondition condition,
      ScoringLeads.Builder matching, ScoringLeads.Builder other, String finding) {
    assertThat(condition.evaluate(matching.build(), AS_OF).matched()).isTrue();
    assertThat(condition.evaluate(other.build(), AS_OF)).isEqualTo(new Outcome(false, finding));
    assertThat(condition.problems("condition")).isEmpty();
  }

  @Test
  void aBudgetInAnotherCurrencyDoesNotMatchAndSaysWhy() {
    Outcome outcome = new BudgetAtLeast(cny("10000"))
        .evaluate(aLead().budget(Money.of("500000", ScoringLeads.USD)).build(), AS_OF);

    assertThat(outcome).isEqualTo(new Outcome(false,
        "budget USD 500000.00 is in another currency than CNY, so it is not compared"));
  }

  @Test
  void aTimelineIsMatchedFromTodayAndNotOnceItHasPassed() {
    TimelineWithin soon = new TimelineWithin(30);

    assertThat(soon.evaluate(aLead().timeline(AS_OF).build(), AS_OF))
        .isEqualTo(new Outcome(true, "timeline 2026-03-01 is 0 days away"));
    assertThat(soon.evaluate(aLead().timeline(AS_OF.minusDays(1)).build(), AS_OF))
        .isEqualTo(new Outcome(false, "timeline 2026-02-28 has passed"));
    assertThat(soon.evaluate(aLead().build(), AS_OF))
        .isEqualTo(new Outcome(false, "timeline unknown"));
  }

  @Test
  void combinatorsEvaluateEveryPartAndListTheFindings() {
    ScoringCondition decides = new DecisionMaker();
    ScoringCondition web = SourceChannelIn.of("web");
    Lead webLead = aLead().channel("web").decisionMaker(false).build();

    assertThat(AllOf.of(web, decides).evaluate(webLead, AS_OF)).isEqualTo(new Outcome(false,
        "(yes: channel is web; no: the contact does not decide)"));
    assertThat(AnyOf.of(web, decides).evaluate(webLead, AS_OF)).isEqualTo(new Outcome(true,
        "(yes: channel is web; no: the contact does not decide)"));
    assertThat(new Not(decides).evaluate(webLead, AS_OF))
        .isEqualTo(new Outcome(true, "the contact does not decide"));
    assertThat(AllOf.of(web, new Not(decides)).evaluate(webLead, AS_OF).matched()).isTrue();
    assertThat(AnyOf.of(new Not(web), decides).evaluate(webLead, AS_OF).matched()).isFalse();
  }

  @Test
  void descriptionsReadAsWordsWithSortedValues() {
    ScoringCondition condition = AnyOf.of(
        new SourceChannelIn(HashSet.of("web", "call-center", "store-visit")),
        AllOf.of(new BudgetAtLeast(cny("50000")), new Not(new TimelineWithin(1))));

    assertThat(condition.describe()).isEqualTo("any of (source channel is one of [call-center,"
        + " store-visit, web]; all of (budget at least CNY 50000.00; not (timeline within 1"
        + " day)))");
  }

  @Test
  void problemsAreFoundHoweverDeepTheyAreCombined() {
    ScoringCondition condition = AllOf.of(
        new SourceChannelIn(HashSet.empty()),
        AnyOf.of(),
        new Not(AttributeIn.of("Industry", " ")),
        new TimelineWithin(-1),
        new BudgetAtLeast(cny("-1")));

    assertThat(condition.problems("rule.condition").map(Violation::code)).containsExactly(
        "scoring.condition.channels.empty",
        "scoring.condition.any_of.empty",
        "scoring.condition.attribute.malformed",
        "scoring.condition.value.blank",
        "scoring.condition.days.out_of_range",
        "scoring.condition.minimum.negative");
    assertThat(condition.problems("rule.condition").map(Violation::field)).containsExactly(
        "rule.condition.conditions[0].channels",
        "rule.condition.conditions[1].conditions",
        "rule.condition.conditions[2].condition.name",
        "rule.condition.conditions[2].condition.values",
        "rule.condition.conditions[3].days",
        "rule.condition.conditions[4].minimum");
  }

  @Test
  void anEmptyAllOfIsAProblemAsWellAsAMalformedChannel() {
    assertThat(AllOf.of().problems("c").map(Violation::code))
        .containsExactly("scoring.condition.all_of.empty");
    assertThat(SourceChannelIn.of("Web Site").problems("c").map(Violation::code))
        .containsExactly("scoring.condition.channel.malformed");
    assertThat(new CampaignIn(List.<String>empty().toSet()).problems("c").map(Violation::code))
        .containsExactly("scoring.condition.campaigns.empty");
  }
}
