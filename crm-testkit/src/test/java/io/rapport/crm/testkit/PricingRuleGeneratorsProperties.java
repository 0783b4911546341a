package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Violation;
import io.rapport.crm.pricing.Condition;
import io.rapport.crm.pricing.DiscountAction;
import io.rapport.crm.pricing.DiscountPolicy;
import io.rapport.crm.pricing.PricingRule;
import io.rapport.crm.pricing.RoundingStage;
import io.rapport.crm.pricing.RuleSet;
import io.rapport.crm.pricing.StackingMode;
import io.rapport.crm.testkit.generators.PricingRuleGenerators;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The pricing-rule generators make only valid rule sets (the catalogue of
 * {@link PricingRuleGenerators#PRODUCTS} knows every product they name) and reach every kind of
 * condition and action, every stacking mode, amount basis, rounding stage and both policies.
 */
class PricingRuleGeneratorsProperties {

  @Test
  void generatedSetsAreValidAgainstTheCatalogue() {
    qt().forAll(PricingRuleGenerators.ruleSets()).checkAssert(set -> {
      Validation<Seq<Violation>, RuleSet> again = RuleSet.define(set.draft(),
          PricingRuleGenerators.catalogue(), set.updatedAt());
      assertThat(again.isValid()).as("%s", again).isTrue();
      assertThat(again.get()).isEqualTo(set);
    });
  }

  @Test
  void generatedSetsInOneCurrencyAreValid() {
    Currency eur = Currency.getInstance("EUR");
    qt().forAll(PricingRuleGenerators.ruleSets(eur, 30)).checkAssert(set -> {
      assertThat(set.currency()).isEqualTo(eur);
      assertThat(set.policy()).isEqualTo(DiscountPolicy.DISCOUNTS_ALLOWED);
      assertThat(RuleSet.define(set.draft(), PricingRuleGenerators.catalogue(), set.updatedAt())
          .isValid()).isTrue();
    });
  }

  @Test
  void reachesEveryVariant() {
    Set<String> seen = new TreeSet<>();
    qt().withExamples(400).forAll(PricingRuleGenerators.ruleSets()).checkAssert(set -> {
      seen.add("policy " + set.policy());
      seen.add("stage " + set.rounding().stage());
      for (PricingRule rule : set.rules()) {
        seen.add("stacking " + rule.stacking());
        seen.add("action " + rule.action().getClass().getSimpleName());
        if (rule.action() instanceof DiscountAction.AmountOff amount) {
          seen.add("basis " + amount.per());
        }
        for (Condition condition : rule.conditions()) {
          seen.add("condition " + condition.getClass().getSimpleName());
        }
        if (rule.commutative()) {
          seen.add("commutative");
        }
        rule.caps().maxUsesPerCoupon().forEach(cap -> seen.add("coupon cap"));
      }
    });
    Set<String> expected = new TreeSet<>();
    for (DiscountPolicy policy : DiscountPolicy.values()) {
      expected.add("policy " + policy);
    }
    for (RoundingStage stage : RoundingStage.values()) {
      expected.add("stage " + stage);
    }
    for (StackingMode mode : StackingMode.values()) {
      expected.add("stacking " + mode);
    }
    for (DiscountAction.AmountBasis basis : DiscountAction.AmountBasis.values()) {
      expected.add("basis " + basis);
    }
    for (Class<?> kind : DiscountAction.class.getPermittedSubclasses()) {
      expected.add("action " + kind.getSimpleName());
    }
    for (Class<?> kind : Condition.class.getPermittedSubclasses()) {
      expected.add("condition " + kind.getSimpleName());
    }
    expected.add("commutative");
    expected.add("coupon cap");
    assertThat(seen).containsAll(expected);
  }
}
