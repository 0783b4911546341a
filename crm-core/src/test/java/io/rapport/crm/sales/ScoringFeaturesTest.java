package io.rapport.crm.sales;

import static io.rapport.crm.sales.ScoringLeads.aLead;
import static io.rapport.crm.sales.ScoringLeads.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

class ScoringFeaturesTest {

  @Test
  void readsEveryFeatureAsACategory() {
    ScoringFeatures features = new ScoringFeatures(ScoringFeatures.standard().features()
        .appendAll(List.of(new ScoringFeature.Attribute("industry"),
            new ScoringFeature.HasContact(ContactKind.PHONE),
            new ScoringFeature.InterestedIn(ProductId.parse("P-1")))));
    Lead known = aLead().channel("store-visit").campaign("spring").decisionMaker(false)
        .timeline(ScoringLeads.AS_OF).need("A bed").organization("Grand Hotel")
        .attribute("industry", "hospitality").phone("+8613800138000").interestedIn("P-1")
        .build();

    assertThat(features.names()).containsExactly("source.channel", "source.campaign",
        "qualification.decision_maker", "qualification.timeline", "qualification.need",
        "organization", "attribute.industry", "contact.phone", "interest.P-1");
    assertThat(features.valuesOf(known)).containsExactly("store-visit", "spring", "no", "known",
        "stated", "yes", "hospitality", "yes", "yes");
    assertThat(features.valuesOf(aLead().build())).containsExactly("web", "none", "unknown",
        "unknown", "unknown", "no", "none", "no", "no");
  }

  @Test
  void bandsBudgetsBetweenThresholdsAndLeavesOtherCurrenciesUnknown() {
    ScoringFeature band = ScoringFeature.BudgetBand.of(cny("10000"), cny("50000"));

    assertThat(band.valueOf(aLead().budget(cny("9999.99")).build()))
        .isEqualTo("under CNY 10000.00");
    assertThat(band.valueOf(aLead().budget(cny("10000")).build()))
        .isEqualTo("CNY 10000.00 up to CNY 50000.00");
    assertThat(band.valueOf(aLead().budget(cny("50000")).build()))
        .isEqualTo("CNY 50000.00 or more");
    assertThat(band.valueOf(aLead().budget(Money.of("50000", ScoringLeads.USD)).build()))
        .isEqualTo("unknown");
    assertThat(band.valueOf(aLead().build())).isEqualTo("unknown");
  }

  @Test
  void validationReportsEveryProblem() {
    Seq<ScoringFeature> features = List.of(
        new ScoringFeature.SourceChannel(),
        new ScoringFeature.SourceChannel(),
        new ScoringFeature.Attribute("Industry"),
        ScoringFeature.BudgetBand.of(),
        new ScoringFeature.BudgetBand(List.of(cny("500"), cny("100"))),
        ScoringFeature.BudgetBand.of(cny("100"), Money.of("500", ScoringLeads.USD)));

    Seq<Violation> problems = ScoringFeatures.validated(features).getError();

    assertThat(problems.map(Violation::code)).containsExactly(
        "scoring.features.duplicate",
        "scoring.feature.attribute.malformed",
        "scoring.feature.thresholds.empty",
        "scoring.features.duplicate",
        "scoring.feature.thresholds.not_increasing",
        "scoring.features.duplicate",
        "scoring.feature.thresholds.currency_mismatch");
    assertThat(problems.map(Violation::field)).containsExactly("features[1]",
        "features[2].attribute", "features[3].thresholds", "features[4]",
        "features[4].thresholds", "features[5]", "features[5].thresholds");
    assertThatThrownBy(() -> new ScoringFeatures(List.empty()))
        .isInstanceOfSatisfying(InvalidValueException.class, thrown -> assertThat(
            thrown.violations().map(Violation::code)).containsExactly("scoring.features.empty"));
  }
}
