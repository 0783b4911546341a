package io.rapport.crm.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Examples of defining a rule set: one per violation code, and sets with many mistakes. */
class RuleSetTest {

  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ProductId CHAIR = ProductId.parse("PRD-chair");
  static final ProductId TABLE = ProductId.parse("PRD-table");
  static final ProductId GHOST = ProductId.parse("PRD-ghost");
  static final Predicate<ProductId> CATALOGUE = HashSet.of(CHAIR, TABLE)::contains;

  static Money cny(String amount) {
    return Money.of(amount, CNY);
  }

  static PricingRule rule(String id, DiscountAction action, Condition... conditions) {
    return PricingRule.stackable(PricingRuleId.parse(id), "Rule " + id, 10, List.of(conditions),
        action);
  }

  static PricingRule tenOff(String id) {
    return rule(id, new DiscountAction.PercentOff(Percentage.ofPercent(10)));
  }

  static PricingRule with(PricingRule r, int priority, StackingMode stacking,
      Option<String> group, boolean commutative, RuleCaps caps) {
    return new PricingRule(r.id(), r.name(), priority, r.conditions(), r.action(), stacking, group,
        commutative, caps);
  }

  static Validation<Seq<Violation>, RuleSet> define(PricingRule... rules) {
    return RuleSet.define(RuleSetDraft.of("Rosewood promotions", CNY, List.of(rules)), CATALOGUE,
        T0);
  }

  static Seq<String> codesAndFields(Validation<Seq<Violation>, ?> result) {
    assertThat(result.isInvalid()).as("invalid: %s", result).isTrue();
    return result.getError().map(v -> v.code() + " @ " + v.field());
  }

  /** A valid set using every condition and every action. */
  static Seq<PricingRule> everything() {
    Condition.During double11 = new Condition.During(LocalDateTime.parse("2026-11-11T00:00"),
        LocalDateTime.parse("2026-11-12T00:00"), SHANGHAI);
    return List.of(
        rule("r1", new DiscountAction.PercentOff(Percentage.ofPercent(5)),
            new Condition.Products(HashSet.of(CHAIR, TABLE)),
            new Condition.Categories(HashSet.of("furniture")),
            new Condition.Attribute("wood", HashSet.of("zitan", "huanghuali")),
            new Condition.MinQuantity(Quantity.pieces(2)),
            new Condition.LineSubtotalAtLeast(cny("1000.00"))),
        rule("r2", new DiscountAction.AmountOff(cny("50.00"), DiscountAction.AmountBasis.ORDER),
            new Condition.CartSubtotalAtLeast(cny("5000.00")),
            new Condition.CustomerTiers(HashSet.of("gold")),
            new Condition.CustomerSegments(HashSet.of("champions")),
            new Condition.CustomerTags(HashSet.of("collector")),
            new Condition.Channels(HashSet.of("store")), double11,
            new Condition.Coupon("DOUBLE11")),
        rule("r3", new DiscountAction.FixedPrice(cny("999.00"))),
        rule("r4", new DiscountAction.UnitPriceOverride(
            UnitPrice.of(cny("1200.00"), QuantityUnit.JIN))),
        rule("r5", new DiscountAction.BuyXGetY(2, 1, Percentage.ONE_HUNDRED)),
        rule("r6", new DiscountAction.FreeItem(TABLE, Quantity.pieces(1))),
        with(rule("r7", new DiscountAction.TierBenefitDiscount()), 20, StackingMode.EXCLUSIVE,
            Option.none(), false, RuleCaps.NONE),
        with(tenOff("r8"), 30, StackingMode.STOP_AFTER, Option.none(), false,
            new RuleCaps(Option.of(cny("100.00")), Option.of(cny("500.00")), Option.none(),
                Option.of(3L))),
        with(tenOff("r9"), 40, StackingMode.BEST_IN_GROUP, Option.of("vip"), false,
            RuleCaps.NONE),
        with(rule("r10", new DiscountAction.PercentOff(Percentage.ofPercent(12)),
                new Condition.Coupon("VIP-12")), 40, StackingMode.BEST_IN_GROUP,
            Option.of("vip"), false,
            new RuleCaps(Option.none(), Option.none(), Option.of(100L), Option.none())),
        with(tenOff("r11"), 10, StackingMode.STACKABLE, Option.none(), true, RuleCaps.NONE));
  }

  @Test
  void definesAValidSetUsingEveryConditionAndAction() {
    Validation<Seq<Violation>, RuleSet> result = define(everything().toJavaArray(PricingRule[]::new));

    assertThat(result.isValid()).as("%s", result).isTrue();
    RuleSet set = result.get();
    assertThat(set.updatedAt()).isEqualTo(T0);
    assertThat(set.rules()).hasSize(11);
    assertThat(set.rounding()).isEqualTo(RoundingPolicy.STANDARD);
    assertThat(RuleSet.define(set.draft(), CATALOGUE, T0).get()).isEqualTo(set);
    assertThat(set.rule(PricingRuleId.parse("r6")).map(PricingRule::action))
        .contains(new DiscountAction.FreeItem(TABLE, Quantity.pieces(1)));
    assertThat(set.rule(PricingRuleId.parse("nope"))).isEmpty();
  }

  static Stream<Arguments> mistakes() {
    Money euros = Money.of("5.00", EUR);
    LocalDateTime noon = LocalDateTime.parse("2026-11-11T12:00");
    return Stream.of(
        Arguments.of(rule("r", new DiscountAction.FreeItem(GHOST, Quantity.pieces(1))),
            "pricing.rule.product.unknown", "rules[0].action.product"),
        Arguments.of(rule("r", new DiscountAction.PercentOff(Percentage.ONE_HUNDRED),
            new Condition.Products(HashSet.of(CHAIR, GHOST))),
            "pricing.rule.product.unknown", "rules[0].conditions[0].products"),
        Arguments.of(rule("r", new DiscountAction.AmountOff(euros,
            DiscountAction.AmountBasis.UNIT)),
            "pricing.rule.currency_mismatch", "rules[0].action.amount"),
        Arguments.of(rule("r", new DiscountAction.UnitPriceOverride(
            UnitPrice.of(euros, QuantityUnit.PIECE))),
            "pricing.rule.currency_mismatch", "rules[0].action.price"),
        Arguments.of(rule("r", new DiscountAction.PercentOff(Percentage.ofPercent(101))),
            "pricing.rule.percentage.out_of_range", "rules[0].action.off"),
        Arguments.of(rule("r", new DiscountAction.BuyXGetY(1, 1, Percentage.ofPercent(-1))),
            "pricing.rule.percentage.out_of_range", "rules[0].action.off"),
        Arguments.of(rule("r", new DiscountAction.AmountOff(cny("0.00"),
            DiscountAction.AmountBasis.LINE)),
            "pricing.rule.amount.not_positive", "rules[0].action.amount"),
        Arguments.of(rule("r", tenOff("x").action(), new Condition.CartSubtotalAtLeast(
            cny("-1.00"))), "pricing.rule.amount.not_positive", "rules[0].conditions[0].minimum"),
        Arguments.of(rule("r", new DiscountAction.FixedPrice(cny("-0.01"))),
            "pricing.rule.amount.negative", "rules[0].action.lineTotal"),
        Arguments.of(rule("r", new DiscountAction.FreeItem(CHAIR, Quantity.pieces(0))),
            "pricing.rule.quantity.not_positive", "rules[0].action.quantity"),
        Arguments.of(rule("r", tenOff("x").action(),
            new Condition.MinQuantity(Quantity.of(0, QuantityUnit.JIN))),
            "pricing.rule.quantity.not_positive", "rules[0].conditions[0].minimum"),
        Arguments.of(rule("r", new DiscountAction.BuyXGetY(0, 1, Percentage.ONE_HUNDRED)),
            "pricing.rule.count.not_positive", "rules[0].action.buy"),
        Arguments.of(rule("r", new DiscountAction.BuyXGetY(3, 0, Percentage.ONE_HUNDRED)),
            "pricing.rule.count.not_positive", "rules[0].action.get"),
        Arguments.of(rule("r", tenOff("x").action(), new Condition.Channels(HashSet.empty())),
            "pricing.rule.condition.empty", "rules[0].conditions[0].channels"),
        Arguments.of(rule("r", tenOff("x").action(), new Condition.CustomerTags(
            HashSet.of("vip", " "))), "pricing.rule.condition.blank",
            "rules[0].conditions[0].tags"),
        Arguments.of(rule("r", tenOff("x").action(), new Condition.Attribute("",
            HashSet.of("zitan"))), "pricing.rule.condition.blank", "rules[0].conditions[0].key"),
        Arguments.of(rule("r", tenOff("x").action(), new Condition.During(noon, noon, SHANGHAI)),
            "pricing.rule.during.empty", "rules[0].conditions[0].until"),
        Arguments.of(rule("r", tenOff("x").action(), new Condition.Coupon("double11")),
            "pricing.rule.coupon.malformed", "rules[0].conditions[0].code"),
        Arguments.of(rule("r", tenOff("x").action(), new Condition.Coupon("AB")),
            "pricing.rule.coupon.malformed", "rules[0].conditions[0].code"),
        Arguments.of(new PricingRule(PricingRuleId.parse("r"), " ", 1, List.empty(),
            tenOff("x").action(), StackingMode.STACKABLE, Option.none(), false, RuleCaps.NONE),
            "pricing.rule.name.blank", "rules[0].name"),
        Arguments.of(new PricingRule(PricingRuleId.parse("r"), "n".repeat(201), 1, List.empty(),
            tenOff("x").action(), StackingMode.STACKABLE, Option.none(), false, RuleCaps.NONE),
            "pricing.rule.name.too_long", "rules[0].name"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.BEST_IN_GROUP, Option.none(), false,
            RuleCaps.NONE), "pricing.rule.group.missing", "rules[0].group"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.STACKABLE, Option.of("vip"), false,
            RuleCaps.NONE), "pricing.rule.group.unexpected", "rules[0].group"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.BEST_IN_GROUP, Option.of(" "), false,
            RuleCaps.NONE), "pricing.rule.group.blank", "rules[0].group"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.EXCLUSIVE, Option.none(), true,
            RuleCaps.NONE), "pricing.rule.commutative.not_allowed", "rules[0].commutative"),
        Arguments.of(with(rule("r", new DiscountAction.TierBenefitDiscount()), 1,
            StackingMode.STACKABLE, Option.none(), true, RuleCaps.NONE),
            "pricing.rule.commutative.not_allowed", "rules[0].commutative"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.STACKABLE, Option.none(), false,
            new RuleCaps(Option.of(cny("-5.00")), Option.none(), Option.none(), Option.none())),
            "pricing.rule.cap.not_positive", "rules[0].caps.maxPerLine"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.STACKABLE, Option.none(), false,
            new RuleCaps(Option.none(), Option.of(cny("0.00")), Option.none(), Option.none())),
            "pricing.rule.cap.not_positive", "rules[0].caps.maxPerOrder"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.STACKABLE, Option.none(), false,
            new RuleCaps(Option.none(), Option.none(), Option.none(), Option.of(0L))),
            "pricing.rule.cap.not_positive", "rules[0].caps.maxUsesPerCustomer"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.STACKABLE, Option.none(), false,
            new RuleCaps(Option.of(euros), Option.none(), Option.none(), Option.none())),
            "pricing.rule.currency_mismatch", "rules[0].caps.maxPerLine"),
        Arguments.of(with(tenOff("r"), 1, StackingMode.STACKABLE, Option.none(), false,
            new RuleCaps(Option.none(), Option.none(), Option.of(10L), Option.none())),
            "pricing.rule.cap.no_coupon", "rules[0].caps.maxUsesPerCoupon"));
  }

  @ParameterizedTest(name = "{1} at {2}")
  @MethodSource("mistakes")
  void reportsEachMistakeWithItsCodeAndPath(PricingRule bad, String code, String field) {
    assertThat(codesAndFields(define(bad))).containsExactly(code + " @ " + field);
  }

  @Test
  void refusesDuplicateIds() {
    assertThat(codesAndFields(define(tenOff("r1"), tenOff("r2"), tenOff("r1"))))
        .containsExactly("pricing.rule.id.duplicate @ rules[2].id");
  }

  @Test
  void refusesTwoNonStackableRulesAtOnePriorityNamingBoth() {
    PricingRule a = with(tenOff("first"), 50, StackingMode.EXCLUSIVE, Option.none(), false,
        RuleCaps.NONE);
    PricingRule b = with(tenOff("second"), 50, StackingMode.STOP_AFTER, Option.none(), false,
        RuleCaps.NONE);
    PricingRule stackable = with(tenOff("third"), 50, StackingMode.STACKABLE, Option.none(),
        false, RuleCaps.NONE);

    Validation<Seq<Violation>, RuleSet> result = define(a, stackable, b);

    assertThat(codesAndFields(result))
        .containsExactly("pricing.rule.priority.conflict @ rules[2].priority");
    assertThat(result.getError().head().message()).contains("first", "second");
  }

  @Test
  void letsBestInGroupRulesOfOneGroupSharePriorityButNotOfTwoGroups() {
    PricingRule a = with(tenOff("a"), 50, StackingMode.BEST_IN_GROUP, Option.of("vip"), false,
        RuleCaps.NONE);
    PricingRule b = with(tenOff("b"), 50, StackingMode.BEST_IN_GROUP, Option.of("vip"), false,
        RuleCaps.NONE);
    PricingRule c = with(tenOff("c"), 50, StackingMode.BEST_IN_GROUP, Option.of("other"), false,
        RuleCaps.NONE);

    assertThat(define(a, b).isValid()).isTrue();
    assertThat(codesAndFields(define(a, b, c)))
        .containsExactly("pricing.rule.priority.conflict @ rules[2].priority");
  }

  @Test
  void refusesEveryRuleUnderNoDiscounts() {
    RuleSetDraft draft = new RuleSetDraft("Rosewood", CNY, DiscountPolicy.NO_DISCOUNTS,
        RoundingPolicy.STANDARD, Option.none(), List.of(tenOff("a"), tenOff("b")));

    assertThat(codesAndFields(RuleSet.define(draft, CATALOGUE, T0))).containsExactly(
        "pricing.policy.no_discounts @ rules[0]", "pricing.policy.no_discounts @ rules[1]");
  }

  @Test
  void makesTheNoDiscountsSetWithoutRules() {
    RuleSet set = RuleSet.noDiscounts("Rosewood 不折不扣", CNY, RoundingPolicy.STANDARD, T0);

    assertThat(set.policy()).isEqualTo(DiscountPolicy.NO_DISCOUNTS);
    assertThat(set.rules()).isEmpty();
    assertThat(set.minimumMargin()).isEmpty();
    assertThatThrownBy(() -> RuleSet.noDiscounts(" ", CNY, RoundingPolicy.STANDARD, T0))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code))
                .containsExactly("pricing.rule_set.name.blank"));
  }

  @Test
  void checksTheSetsOwnProperties() {
    RuleSetDraft draft = new RuleSetDraft("x".repeat(201), Currency.getInstance("XXX"),
        DiscountPolicy.DISCOUNTS_ALLOWED, RoundingPolicy.STANDARD,
        Option.of(Percentage.ofPercent(120)), List.empty());

    assertThat(codesAndFields(RuleSet.define(draft, CATALOGUE, T0))).containsExactly(
        "pricing.rule_set.name.too_long @ name",
        "pricing.rule_set.currency.no_minor_unit @ currency",
        "pricing.rule_set.minimum_margin.out_of_range @ minimumMargin");
  }

  @Test
  void refusesAnUnnecessaryRoundingMode() {
    assertThatThrownBy(() -> new RoundingPolicy(RoundingMode.UNNECESSARY, RoundingStage.ORDER))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(v -> v.code() + " @ " + v.field()))
                .containsExactly("pricing.rounding.unnecessary @ mode"));
    assertThat(codesAndFields(RoundingPolicy.validated(RoundingMode.UNNECESSARY,
        RoundingStage.LINE))).containsExactly("pricing.rounding.unnecessary @ mode");
    assertThat(RoundingPolicy.validated(RoundingMode.HALF_UP, RoundingStage.ORDER).get())
        .isEqualTo(new RoundingPolicy(RoundingMode.HALF_UP, RoundingStage.ORDER));
  }

  @Test
  void reportsEveryMistakeOfASetWithManyMistakes() {
    PricingRule a = new PricingRule(PricingRuleId.parse("a"), "", 5,
        List.of(new Condition.Coupon("bad coupon"), new Condition.Products(HashSet.of(GHOST))),
        new DiscountAction.PercentOff(Percentage.ofPercent(150)), StackingMode.EXCLUSIVE,
        Option.of("g"), true, new RuleCaps(Option.of(cny("-1.00")), Option.none(),
        Option.none(), Option.of(-2L)));
    PricingRule b = with(rule("a", new DiscountAction.AmountOff(Money.of("1.00", EUR),
        DiscountAction.AmountBasis.UNIT), new Condition.Channels(HashSet.empty())), 5,
        StackingMode.STOP_AFTER, Option.none(), false,
        new RuleCaps(Option.none(), Option.none(), Option.of(5L), Option.none()));
    RuleSetDraft draft = new RuleSetDraft(" ", CNY, DiscountPolicy.DISCOUNTS_ALLOWED,
        RoundingPolicy.STANDARD, Option.of(Percentage.ofPercent(-1)), List.of(a, b));

    assertThat(codesAndFields(RuleSet.define(draft, CATALOGUE, T0))).containsExactly(
        "pricing.rule_set.name.blank @ name",
        "pricing.rule_set.minimum_margin.out_of_range @ minimumMargin",
        "pricing.rule.name.blank @ rules[0].name",
        "pricing.rule.coupon.malformed @ rules[0].conditions[0].code",
        "pricing.rule.product.unknown @ rules[0].conditions[1].products",
        "pricing.rule.percentage.out_of_range @ rules[0].action.off",
        "pricing.rule.group.unexpected @ rules[0].group",
        "pricing.rule.commutative.not_allowed @ rules[0].commutative",
        "pricing.rule.cap.not_positive @ rules[0].caps.maxPerLine",
        "pricing.rule.cap.not_positive @ rules[0].caps.maxUsesPerCustomer",
        "pricing.rule.id.duplicate @ rules[1].id",
        "pricing.rule.condition.empty @ rules[1].conditions[0].channels",
        "pricing.rule.currency_mismatch @ rules[1].action.amount",
        "pricing.rule.cap.no_coupon @ rules[1].caps.maxUsesPerCoupon",
        "pricing.rule.priority.conflict @ rules[1].priority");
  }

  @Test
  void constructorChecksAllButTheCatalogue() {
    PricingRule ghostly = rule("g", new DiscountAction.FreeItem(GHOST, Quantity.pieces(1)));

    assertThatCode(() -> new RuleSet("Set", CNY, DiscountPolicy.DISCOUNTS_ALLOWED,
        RoundingPolicy.STANDARD, Option.none(), List.of(ghostly), T0))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new RuleSet("Set", CNY, DiscountPolicy.NO_DISCOUNTS,
        RoundingPolicy.STANDARD, Option.none(), List.of(ghostly), T0))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code))
                .containsExactly("pricing.policy.no_discounts"));
  }

  @Test
  void classifiesLineAndCartConditions() {
    PricingRule r1 = everything().get(0);
    PricingRule r2 = everything().get(1);

    assertThat(r1.lineConditions()).isEqualTo(r1.conditions());
    assertThat(r1.cartConditions()).isEmpty();
    assertThat(r2.lineConditions()).isEmpty();
    assertThat(r2.cartConditions()).isEqualTo(r2.conditions());
    assertThat(r2.coupons()).containsExactly("DOUBLE11");
    assertThat(r1.products()).containsExactlyInAnyOrder(CHAIR, TABLE);
    assertThat(everything().get(5).products()).containsExactly(TABLE);
  }

  @Test
  void readsAWindowInItsZoneWithUntilExclusive() {
    Condition.During double11 = new Condition.During(LocalDateTime.parse("2026-11-11T00:00"),
        LocalDateTime.parse("2026-11-12T00:00"), SHANGHAI);

    assertThat(double11.contains(Instant.parse("2026-11-10T16:00:00Z"))).isTrue();
    assertThat(double11.contains(Instant.parse("2026-11-10T15:59:59Z"))).isFalse();
    assertThat(double11.contains(Instant.parse("2026-11-11T15:59:59Z"))).isTrue();
    assertThat(double11.contains(Instant.parse("2026-11-11T16:00:00Z"))).isFalse();
  }

  @Test
  void ordersRulesByPriorityThenSetOrder() {
    PricingRule low = tenOff("low");
    PricingRule high = with(tenOff("high"), 99, StackingMode.STACKABLE, Option.none(), false,
        RuleCaps.NONE);
    PricingRule lowToo = tenOff("low-too");
    RuleSet set = define(low, high, lowToo).get();

    assertThat(set.byPriority().map(r -> r.id().value()))
        .containsExactly("high", "low", "low-too");
  }
}
