package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.CODEC;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRefused;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRoundTrips;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRoundTripsAsValue;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.pricing.Condition;
import io.rapport.crm.pricing.DiscountAction;
import io.rapport.crm.pricing.DiscountPolicy;
import io.rapport.crm.pricing.PricingRule;
import io.rapport.crm.pricing.RoundingPolicy;
import io.rapport.crm.pricing.RuleSet;
import io.rapport.crm.pricing.StackingMode;
import io.rapport.crm.testkit.generators.PricingRuleGenerators;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/**
 * Every rule set and its parts round-trip through JSON; the hand-written rule set of
 * docs/guides/pricing-rules.md reads as documented; and a hand-written set with mistakes reports
 * every one at its path.
 */
class PricingRulesJsonRoundTripProperties {

  /** The rule set of docs/guides/pricing-rules.md, as a host writes it by hand. */
  static final String ROSEWOOD_PROMOTIONS = "{\"schemaVersion\":1,\"type\":\"pricing_rules\","
      + "\"data\":{\"name\":\"Rosewood promotions 红木促销\",\"currency\":\"CNY\","
      + "\"policy\":\"DISCOUNTS_ALLOWED\","
      + "\"rounding\":{\"mode\":\"HALF_EVEN\",\"stage\":\"LINE\"},"
      + "\"minimumMargin\":\"15%\","
      + "\"rules\":["
      + "{\"id\":\"double-11\",\"name\":\"Double 11: 10% off zitan 双十一\",\"priority\":100,"
      + "\"conditions\":["
      + "{\"kind\":\"attribute\",\"key\":\"wood\",\"values\":[\"zitan\"]},"
      + "{\"kind\":\"during\",\"from\":\"2026-11-11T00:00\",\"until\":\"2026-11-12T00:00\","
      + "\"zone\":\"Asia/Shanghai\"}],"
      + "\"action\":{\"kind\":\"percent_off\",\"off\":\"10%\"},"
      + "\"stacking\":\"STACKABLE\",\"commutative\":true,"
      + "\"caps\":{\"maxPerLine\":{\"amount\":\"5000.00\",\"currency\":\"CNY\"}}},"
      + "{\"id\":\"gold-tier\",\"name\":\"Tier benefit for gold and black\",\"priority\":90,"
      + "\"conditions\":[{\"kind\":\"customer_tiers\",\"tiers\":[\"black\",\"gold\"]}],"
      + "\"action\":{\"kind\":\"tier_benefit_discount\"},"
      + "\"stacking\":\"BEST_IN_GROUP\",\"group\":\"vip\"},"
      + "{\"id\":\"vip-coupon\",\"name\":\"VIP coupon: CNY 800 off the order\",\"priority\":90,"
      + "\"conditions\":[{\"kind\":\"coupon\",\"code\":\"VIP-800\"},"
      + "{\"kind\":\"cart_subtotal_at_least\","
      + "\"minimum\":{\"amount\":\"20000.00\",\"currency\":\"CNY\"}}],"
      + "\"action\":{\"kind\":\"amount_off\",\"amount\":{\"amount\":\"800.00\","
      + "\"currency\":\"CNY\"},\"per\":\"ORDER\"},"
      + "\"stacking\":\"BEST_IN_GROUP\",\"group\":\"vip\","
      + "\"caps\":{\"maxUsesPerCoupon\":500,\"maxUsesPerCustomer\":1}},"
      + "{\"id\":\"stools\",\"name\":\"Buy 2 stools, get 1 free\",\"priority\":50,"
      + "\"conditions\":[{\"kind\":\"products\",\"products\":[\"PRD-stool\"]}],"
      + "\"action\":{\"kind\":\"buy_x_get_y\",\"buy\":2,\"get\":1,\"off\":\"100%\"},"
      + "\"stacking\":\"EXCLUSIVE\"}],"
      + "\"updatedAt\":\"2026-11-01T00:00:00Z\"}}";

  static final Currency CNY = Currency.getInstance("CNY");

  @Test
  void ruleSetsRoundTrip() {
    assertRoundTrips(PricingRuleGenerators.ruleSets(), RuleSet.class);
  }

  @Test
  void partsRoundTripAsValues() {
    assertRoundTripsAsValue(PricingRuleGenerators.conditions(CNY), Condition.class);
    assertRoundTripsAsValue(PricingRuleGenerators.actions(Currency.getInstance("JPY")),
        DiscountAction.class);
    assertRoundTripsAsValue(PricingRuleGenerators.rules(), PricingRule.class);
    assertRoundTripsAsValue(PricingRuleGenerators.roundingPolicies(), RoundingPolicy.class);
  }

  @Test
  void readsTheDocumentedSet() {
    RuleSet set = CODEC.decodeDocument(ROSEWOOD_PROMOTIONS, RuleSet.class);

    assertThat(set.name()).isEqualTo("Rosewood promotions 红木促销");
    assertThat(set.minimumMargin()).contains(Percentage.ofPercent(15));
    assertThat(set.rules().map(r -> r.id().value()))
        .containsExactly("double-11", "gold-tier", "vip-coupon", "stools");
    PricingRule double11 = set.rules().get(0);
    assertThat(double11.conditions().get(1)).isEqualTo(new Condition.During(
        LocalDateTime.parse("2026-11-11T00:00"), LocalDateTime.parse("2026-11-12T00:00"),
        ZoneId.of("Asia/Shanghai")));
    assertThat(double11.commutative()).isTrue();
    assertThat(double11.caps().maxPerLine()).contains(Money.of("5000.00", CNY));
    assertThat(set.rules().get(1).action()).isEqualTo(new DiscountAction.TierBenefitDiscount());
    assertThat(set.rules().get(2).group()).contains("vip");
    assertThat(set.rules().get(2).caps().maxUsesPerCoupon()).contains(500L);
    assertThat(set.rules().get(3).action()).isEqualTo(
        new DiscountAction.BuyXGetY(2, 1, Percentage.ONE_HUNDRED));
    assertThat(set.rules().get(3).stacking()).isEqualTo(StackingMode.EXCLUSIVE);
    assertThat(CODEC.decodeDocument(CODEC.encodeDocument(set), RuleSet.class)).isEqualTo(set);
    assertThat(RuleSet.define(set.draft(), PricingRuleGenerators.catalogue(), set.updatedAt())
        .isValid()).isTrue();
  }

  @Test
  void reportsThreeMistakesOfAHandWrittenSetAtTheirPaths() {
    String broken = edit(ROSEWOOD_PROMOTIONS, data -> {
      ObjectNode first = (ObjectNode) data.withArray("rules").get(0);
      ((ObjectNode) first.get("action")).put("off", "150%");
      ObjectNode coupon = (ObjectNode) data.withArray("rules").get(2).withArray("conditions")
          .get(0);
      coupon.put("code", "vip 800");
      ((ObjectNode) data.withArray("rules").get(3)).put("priority", 90)
          .put("stacking", "STOP_AFTER");
    });

    assertThatThrownBy(() -> CODEC.decodeDocument(broken, RuleSet.class))
        .isInstanceOfSatisfying(CodecException.class, problem ->
            assertThat(problem.violations().map(v -> v.code() + " @ " + v.field()))
                .containsExactlyInAnyOrder(
                    "pricing.rule.percentage.out_of_range @ $.data.rules[0].action.off",
                    "pricing.rule.coupon.malformed @ $.data.rules[2].conditions[0].code",
                    "pricing.rule.priority.conflict @ $.data.rules[3].priority"));
  }

  /** Without its group, the tier rule also meets the coupon rule's priority as a stranger. */
  @Test
  void keepsCheckingTheRulesWhenAnotherPropertyIsBroken() {
    String broken = edit(ROSEWOOD_PROMOTIONS, data -> {
      data.putObject("rounding").put("mode", "UNNECESSARY").put("stage", "LINE");
      ((ObjectNode) data.withArray("rules").get(1)).remove("group");
    });

    assertThatThrownBy(() -> CODEC.decodeDocument(broken, RuleSet.class))
        .isInstanceOfSatisfying(CodecException.class, problem ->
            assertThat(problem.violations().map(v -> v.code() + " @ " + v.field()))
                .containsExactlyInAnyOrder(
                    "pricing.rounding.unnecessary @ $.data.rounding.mode",
                    "pricing.rule.group.missing @ $.data.rules[1].group",
                    "pricing.rule.priority.conflict @ $.data.rules[2].priority"));
  }

  @Test
  void refusesUnknownKinds() {
    String broken = edit(ROSEWOOD_PROMOTIONS, data ->
        ((ObjectNode) data.withArray("rules").get(3).get("action")).put("kind", "half_off"));

    assertRefused(broken, RuleSet.class, "json.invalid_value", "$.data.rules[3].action.kind");
  }

  @Test
  void writesTheNoDiscountsSetPlainly() {
    RuleSet none = RuleSet.noDiscounts("不折不扣", CNY, RoundingPolicy.STANDARD,
        Instant.parse("2026-11-01T00:00:00Z"));

    assertThat(CODEC.encode(none)).isEqualTo("{\"name\":\"不折不扣\",\"currency\":\"CNY\","
        + "\"policy\":\"NO_DISCOUNTS\",\"rounding\":{\"mode\":\"HALF_EVEN\",\"stage\":\"LINE\"},"
        + "\"rules\":[],\"updatedAt\":\"2026-11-01T00:00:00Z\"}");
    assertThat(CODEC.decode(CODEC.encode(none), RuleSet.class).policy())
        .isEqualTo(DiscountPolicy.NO_DISCOUNTS);
  }

  @Test
  void writesActionsWithTheirKinds() {
    PricingRule rule = new PricingRule(PricingRuleId.parse("free-stool"), "A free stool", 1,
        io.vavr.collection.List.of(new Condition.Channels(HashSet.of("store"))),
        new DiscountAction.FreeItem(ProductId.parse("PRD-stool"), Quantity.pieces(1)),
        StackingMode.STACKABLE, Option.none(), false, io.rapport.crm.pricing.RuleCaps.NONE);
    String json = CODEC.encode(rule);

    assertThat(json).contains("{\"kind\":\"free_item\",\"product\":\"PRD-stool\","
        + "\"quantity\":{\"amount\":\"1\",\"unit\":\"pc\"}}");
    assertThat(CODEC.decode(json, PricingRule.class)).isEqualTo(rule);
    assertThat(CODEC.encode(new DiscountAction.UnitPriceOverride(UnitPrice.of(
        Money.of("1180.00", CNY), QuantityUnit.JIN))))
        .isEqualTo("{\"kind\":\"unit_price_override\",\"price\":{\"amount\":\"1180.00\","
            + "\"currency\":\"CNY\",\"unit\":\"jin\"}}");
  }
}
