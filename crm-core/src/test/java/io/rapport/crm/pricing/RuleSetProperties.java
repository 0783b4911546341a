package io.rapport.crm.pricing;

import static io.rapport.crm.pricing.RuleSetTest.CATALOGUE;
import static io.rapport.crm.pricing.RuleSetTest.CNY;
import static io.rapport.crm.pricing.RuleSetTest.T0;
import static io.rapport.crm.pricing.RuleSetTest.tenOff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/** Laws of rule-set validation over generated percentages, coupon codes, caps and priorities. */
class RuleSetProperties {

  /** The seed, fixed so a failing law fails the same way everywhere; override with -Drapport.seed. */
  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private static final Pattern COUPON = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(500);
  }

  private static Seq<String> codes(Validation<Seq<Violation>, RuleSet> result) {
    return result.isValid() ? List.empty() : result.getError().map(Violation::code);
  }

  private static Validation<Seq<Violation>, RuleSet> define(PricingRule... rules) {
    return RuleSet.define(RuleSetDraft.of("Set", CNY, List.of(rules)), CATALOGUE, T0);
  }

  @Test
  void aPercentOffIsValidExactlyFromZeroToOneHundred() {
    qt().forAll(integers().between(-20_000, 20_000)).checkAssert(basisPoints -> {
      Percentage off = Percentage.ofBasisPoints(basisPoints);
      Seq<String> codes = codes(define(RuleSetTest.rule("r",
          new DiscountAction.PercentOff(off))));
      boolean inRange = basisPoints >= 0 && basisPoints <= 10_000;
      assertThat(codes).isEqualTo(inRange ? List.empty()
          : List.of("pricing.rule.percentage.out_of_range"));
    });
  }

  @Test
  void aCouponCodeIsValidExactlyWhenItMatchesTheDocumentedPattern() {
    Gen<String> codes = strings().betweenCodePoints('*', '`').ofLengthBetween(0, 34);
    qt().forAll(codes).checkAssert(code -> {
      Seq<String> found = codes(define(RuleSetTest.rule("r", tenOff("x").action(),
          new Condition.Coupon(code))));
      assertThat(found.isEmpty()).as("%s gives %s", code, found)
          .isEqualTo(COUPON.matcher(code).matches());
    });
  }

  @Test
  void aMoneyCapIsValidExactlyWhenPositive() {
    qt().forAll(longs().between(-1_000, 1_000)).checkAssert(minor -> {
      RuleCaps caps = new RuleCaps(Option.of(Money.ofMinor(minor, CNY)), Option.none(),
          Option.none(), Option.none());
      PricingRule r = RuleSetTest.with(tenOff("r"), 1, StackingMode.STACKABLE, Option.none(),
          false, caps);
      assertThat(codes(define(r)).isEmpty()).isEqualTo(minor > 0);
    });
  }

  @Test
  void nonStackableRulesConflictExactlyWhenTwoSharePriority() {
    qt().forAll(lists().of(integers().between(0, 12)).ofSizeBetween(0, 8)).checkAssert(prios -> {
      PricingRule[] rules = new PricingRule[prios.size()];
      for (int i = 0; i < rules.length; i++) {
        rules[i] = new PricingRule(PricingRuleId.parse("r" + i), "Rule " + i, prios.get(i),
            List.empty(), tenOff("x").action(), StackingMode.EXCLUSIVE, Option.none(), false,
            RuleCaps.NONE);
      }
      long repeats = prios.size() - prios.stream().distinct().count();
      assertThat(codes(define(rules)))
          .isEqualTo(List.fill((int) repeats, "pricing.rule.priority.conflict"));
    });
  }

  @Test
  void underNoDiscountsEveryRuleIsRefusedOnce() {
    qt().forAll(integers().between(0, 20)).checkAssert(count -> {
      List<PricingRule> rules = List.range(0, count).map(i -> tenOff("r" + i));
      RuleSetDraft draft = new RuleSetDraft("Set", CNY, DiscountPolicy.NO_DISCOUNTS,
          RoundingPolicy.STANDARD, Option.none(), rules);
      Seq<String> codes = codes(RuleSet.define(draft, CATALOGUE, T0));
      assertThat(codes).isEqualTo(List.fill(count, "pricing.policy.no_discounts"));
      assertThat(RuleSet.define(RuleSetDraft.of("Set", CNY, rules), CATALOGUE, T0).isValid())
          .isTrue();
    });
  }
}
