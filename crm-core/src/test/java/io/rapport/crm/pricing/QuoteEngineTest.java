package io.rapport.crm.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Examples of quotes: every action, stacking mode, cap, floor, policy, rounding and refusal. */
class QuoteEngineTest {

  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant AT = Instant.parse("2026-11-11T04:00:00Z");
  static final ProductId CHAIR = ProductId.parse("PRD-chair");
  static final ProductId TABLE = ProductId.parse("PRD-table");
  static final ProductId STOOL = ProductId.parse("PRD-stool");
  static final ProductId VASE = ProductId.parse("PRD-vase");
  static final ProductId ROSEWOOD = ProductId.parse("PRD-rosewood");
  static final CustomerId LI = CustomerId.parse("CUS-li");

  static UnitPrice cny(String amount, QuantityUnit unit) {
    return UnitPrice.of(Money.of(amount, CNY), unit);
  }

  static PriceEntry entry(String code, ProductId product, UnitPrice list) {
    return new PriceEntry(code, new PriceTarget.ForProduct(product), list, Option.none(),
        List.empty(), HashSet.empty(), HashSet.empty(), Option.none(), Option.none(),
        Option.none());
  }

  static PriceEntry withFloorAndCost(PriceEntry e, Option<UnitPrice> floor,
      Option<UnitPrice> cost) {
    return new PriceEntry(e.code(), e.target(), e.list(), e.sale(), e.breaks(), e.channels(),
        e.customerGroups(), e.validity(), cost, floor);
  }

  static final PriceList PRICES = PriceList.of(List.of(new PriceBook(
      PriceBookId.parse("cny-main"), "Main", CNY, List.of(
          withFloorAndCost(entry("chair", CHAIR, cny("1000.00", QuantityUnit.PIECE)),
              Option.some(cny("600.00", QuantityUnit.PIECE)), Option.none()),
          withFloorAndCost(entry("table", TABLE, cny("5000.00", QuantityUnit.PIECE)),
              Option.none(), Option.some(cny("2000.00", QuantityUnit.PIECE))),
          entry("stool", STOOL, cny("300.00", QuantityUnit.PIECE)),
          entry("vase", VASE, cny("10.01", QuantityUnit.PIECE)),
          entry("rosewood", ROSEWOOD, cny("1280.00", QuantityUnit.JIN))),
      AT.minusSeconds(86_400 * 30))));

  static CartLine line(String id, ProductId product, long pieces) {
    return CartLine.of(id, product, Quantity.pieces(pieces));
  }

  static Cart cart(CustomerContext customer, Seq<String> coupons, CartLine... lines) {
    return new Cart(CNY, List.of(lines), customer, "store", AT, HashSet.ofAll(coupons));
  }

  static Cart cart(CartLine... lines) {
    return cart(CustomerContext.ANONYMOUS, List.empty(), lines);
  }

  static RuleSet rules(RoundingPolicy rounding, Option<Percentage> margin,
      PricingRule... rules) {
    return new RuleSet("Promotions", CNY, DiscountPolicy.DISCOUNTS_ALLOWED, rounding, margin,
        List.of(rules), AT);
  }

  static RuleSet rules(PricingRule... rules) {
    return rules(RoundingPolicy.STANDARD, Option.none(), rules);
  }

  static PricingRule rule(String id, int priority, DiscountAction action,
      Condition... conditions) {
    return PricingRule.stackable(PricingRuleId.parse(id), "Rule " + id, priority,
        List.of(conditions), action);
  }

  static PricingRule with(PricingRule r, StackingMode stacking, Option<String> group,
      RuleCaps caps) {
    return new PricingRule(r.id(), r.name(), r.priority(), r.conditions(), r.action(), stacking,
        group, false, caps);
  }

  static DiscountAction percentOff(long percent) {
    return new DiscountAction.PercentOff(Percentage.ofPercent(percent));
  }

  static DiscountAction amountOff(String amount, DiscountAction.AmountBasis per) {
    return new DiscountAction.AmountOff(Money.of(amount, CNY), per);
  }

  static Condition products(ProductId... products) {
    return new Condition.Products(HashSet.of(products));
  }

  static Quote quote(RuleSet rules, Cart cart) {
    Either<CartRejection, Quote> quoted = QuoteEngine.quote(PRICES, rules, cart,
        CouponUsage.NONE);
    assertThat(quoted.isRight()).as("quoted: %s", quoted).isTrue();
    assertThat(QuoteEngine.totals(PRICES, rules, cart, CouponUsage.NONE))
        .as("the totals-only entry point").isEqualTo(Either.right(quoted.get().totals()));
    return quoted.get();
  }

  static CartRejection refused(RuleSet rules, Cart cart, CouponUsage usage) {
    Either<CartRejection, Quote> quoted = QuoteEngine.quote(PRICES, rules, cart, usage);
    assertThat(quoted.isLeft()).as("refused: %s", quoted).isTrue();
    assertThat(QuoteEngine.totals(PRICES, rules, cart, usage))
        .as("the totals-only entry point").isEqualTo(quoted);
    return quoted.getLeft();
  }

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  static Seq<BigDecimal> adjustments(QuoteLine line) {
    return line.adjustments().map(QuoteAdjustment::amount);
  }

  static void assertAddsUp(Quote quote) {
    for (QuoteLine line : quote.lines()) {
      assertThat(line.baseAmount().add(line.adjustmentTotal())).as("line %s", line.lineId())
          .isEqualByComparingTo(line.finalAmount());
    }
    assertThat(quote.subtotal().add(quote.discount())).isEqualByComparingTo(quote.exactTotal());
  }

  @Nested
  class Totals {

    @Test
    void totalsGiveTheQuotesNumbersWithoutTheExplanation() {
      RuleSet set = rules(rule("ten", 20, percentOff(10)), rule("fifty", 10,
          amountOff("50.00", DiscountAction.AmountBasis.LINE), products(CHAIR)));
      Cart c = cart(line("L1", CHAIR, 2), line("L2", STOOL, 1));
      QuoteTotals totals = QuoteEngine.totals(PRICES, set, c, CouponUsage.NONE).get();
      Quote q = quote(set, c);
      assertThat(totals.lines().map(LineTotal::lineId)).containsExactly("L1", "L2");
      assertThat(totals.lines().map(LineTotal::finalAmount))
          .containsExactlyElementsOf(q.lines().map(QuoteLine::finalAmount));
      assertThat(totals.lines().get(0).finalAmount()).isEqualByComparingTo(
          q.lines().get(0).baseAmount().multiply(dec("0.9")).subtract(dec("50")));
      assertThat(totals.total()).isEqualTo(q.total());
      assertThat(totals.subtotal().add(totals.discount()))
          .isEqualByComparingTo(totals.exactTotal());
      assertThat(q.totals()).isEqualTo(totals);
    }
  }

  @Nested
  class Actions {

    @Test
    void percentOffTakesAShareOfEachLine() {
      Quote q = quote(rules(rule("ten", 10, percentOff(10), products(CHAIR))),
          cart(line("L1", CHAIR, 2), line("L2", STOOL, 1)));
      assertThat(q.lines().get(0).baseAmount()).isEqualByComparingTo("2000");
      assertThat(adjustments(q.lines().get(0))).usingElementComparator(BigDecimal::compareTo)
          .containsExactly(dec("-200"));
      assertThat(q.lines().get(0).adjustments().head().reason()).isEqualTo("10% off");
      assertThat(q.lines().get(1).adjustments()).isEmpty();
      assertThat(q.total()).isEqualTo(Money.of("2100.00", CNY));
      assertThat(q.ruleTotals().map(QuoteAdjustment::amount))
          .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("-200"));
      assertAddsUp(q);
    }

    @Test
    void amountOffPerUnitPerLineAndPerOrder() {
      Cart c = cart(line("L1", CHAIR, 2), line("L2", TABLE, 1));
      Quote perUnit = quote(rules(rule("u", 10,
          amountOff("50.00", DiscountAction.AmountBasis.UNIT))), c);
      Quote perLine = quote(rules(rule("l", 10,
          amountOff("50.00", DiscountAction.AmountBasis.LINE))), c);
      Quote perOrder = quote(rules(rule("o", 10,
          amountOff("100.00", DiscountAction.AmountBasis.ORDER))), c);
      assertThat(perUnit.lines().map(QuoteLine::adjustmentTotal))
          .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("-100"), dec("-50"));
      assertThat(perLine.lines().map(QuoteLine::adjustmentTotal))
          .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("-50"), dec("-50"));
      // 100.00 spread 2000 : 5000 with Money.allocate: 28.57 and 71.43 (largest remainder)
      assertThat(perOrder.lines().map(QuoteLine::adjustmentTotal))
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactly(dec("-28.57"), dec("-71.43"));
      assertThat(perOrder.total()).isEqualTo(Money.of("6900.00", CNY));
    }

    @Test
    void fixedPriceLowersAndNeverRaises() {
      Quote lower = quote(rules(rule("bundle", 10,
          new DiscountAction.FixedPrice(Money.of("700.00", CNY)))), cart(line("L1", STOOL, 3)));
      Quote higher = quote(rules(rule("bundle", 10,
          new DiscountAction.FixedPrice(Money.of("1000.00", CNY)))), cart(line("L1", STOOL, 3)));
      assertThat(lower.total()).isEqualTo(Money.of("700.00", CNY));
      assertThat(higher.total()).isEqualTo(Money.of("900.00", CNY));
      assertThat(higher.lines().head().notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.no_effect");
      assertThat(higher.notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.no_effect");
    }

    @Test
    void unitPriceOverrideConvertsAndSkipsOtherDimensions() {
      Quote perPiece = quote(rules(rule("o", 10,
          new DiscountAction.UnitPriceOverride(cny("900.00", QuantityUnit.PIECE)))),
          cart(line("L1", CHAIR, 2)));
      Quote perKg = quote(rules(rule("o", 10,
          new DiscountAction.UnitPriceOverride(cny("2400.00", QuantityUnit.KILOGRAM)))),
          cart(line("L1", CHAIR, 2), new CartLine("L2", ROSEWOOD, HashSet.empty(),
              HashMap.empty(), Quantity.of("3", QuantityUnit.JIN))));
      assertThat(perPiece.total()).isEqualTo(Money.of("1800.00", CNY));
      // 3 jin = 1.5 kg at 2400/kg = 3600 instead of 3840
      assertThat(perKg.lines().get(1).adjustmentTotal()).isEqualByComparingTo("-240");
      assertThat(perKg.lines().get(0).notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.no_effect");
    }

    @Test
    void buyTwoGetOneFreeGivesTheCheapestPieces() {
      DiscountAction b2g1 = new DiscountAction.BuyXGetY(2, 1, Percentage.ONE_HUNDRED);
      Quote stools = quote(rules(rule("b2g1", 10, b2g1, products(STOOL))),
          cart(line("L1", STOOL, 3)));
      Quote mixed = quote(rules(rule("b2g1", 10, b2g1, products(STOOL, CHAIR))),
          cart(line("L1", CHAIR, 2), line("L2", STOOL, 1)));
      Quote tooFew = quote(rules(rule("b2g1", 10, b2g1, products(STOOL))),
          cart(line("L1", STOOL, 2)));
      assertThat(stools.total()).isEqualTo(Money.of("600.00", CNY));
      assertThat(mixed.lines().map(QuoteLine::adjustmentTotal))
          .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("0"), dec("-300"));
      assertThat(tooFew.total()).isEqualTo(Money.of("600.00", CNY));
    }

    @Test
    void freeItemGivesTheProductWhenInTheCart() {
      PricingRule gift = rule("gift", 10, new DiscountAction.FreeItem(STOOL, Quantity.pieces(1)),
          products(TABLE));
      Quote with = quote(rules(gift), cart(line("L1", TABLE, 1), line("L2", STOOL, 2)));
      Quote without = quote(rules(gift), cart(line("L1", TABLE, 1)));
      assertThat(with.lines().get(1).adjustmentTotal()).isEqualByComparingTo("-300");
      assertThat(with.lines().get(0).adjustments()).isEmpty();
      assertThat(without.total()).isEqualTo(Money.of("5000.00", CNY));
      assertThat(without.notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.no_effect");
    }

    @Test
    void tierBenefitDiscountReadsTheCustomerContext() {
      PricingRule tier = rule("tier", 10, new DiscountAction.TierBenefitDiscount());
      CustomerContext gold = CustomerContext.inTier(LI, "gold", Percentage.ofPercent(5));
      Quote golden = quote(rules(tier), cart(gold, List.empty(), line("L1", CHAIR, 1)));
      Quote anonymous = quote(rules(tier), cart(line("L1", CHAIR, 1)));
      assertThat(golden.total()).isEqualTo(Money.of("950.00", CNY));
      assertThat(anonymous.total()).isEqualTo(Money.of("1000.00", CNY));
      assertThat(anonymous.lines().head().notApplied().head().reason())
          .contains("no tier benefit");
    }
  }

  @Nested
  class Conditions {

    @Test
    void cartConditionsDecideWhetherARuleAppliesAtAll() {
      PricingRule big = rule("big", 10, percentOff(10),
          new Condition.CartSubtotalAtLeast(Money.of("3000.00", CNY)),
          new Condition.Channels(HashSet.of("store")));
      Quote small = quote(rules(big), cart(line("L1", CHAIR, 1)));
      Quote large = quote(rules(big), cart(line("L1", CHAIR, 3)));
      assertThat(small.notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.condition_failed");
      assertThat(small.notApplied().head().reason()).contains("cart subtotal at least");
      assertThat(large.total()).isEqualTo(Money.of("2700.00", CNY));
    }

    @Test
    void lineConditionsSelectTheLines() {
      PricingRule zitan = rule("zitan", 10, percentOff(10),
          new Condition.Attribute("wood", HashSet.of("zitan")),
          new Condition.MinQuantity(Quantity.pieces(2)));
      CartLine zitanChairs = new CartLine("L1", CHAIR, HashSet.empty(),
          HashMap.of("wood", "zitan"), Quantity.pieces(2));
      CartLine zitanTable = new CartLine("L2", TABLE, HashSet.empty(),
          HashMap.of("wood", "zitan"), Quantity.pieces(1));
      Quote q = quote(rules(zitan), cart(zitanChairs, zitanTable));
      assertThat(q.lines().map(QuoteLine::adjustmentTotal))
          .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("-200"), dec("0"));
      Quote none = quote(rules(zitan), cart(line("L1", CHAIR, 5)));
      assertThat(none.notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.no_lines");
    }
  }

  @Nested
  class Stacking {

    @Test
    void stackableRulesApplyOnWhatEarlierRulesLeft() {
      Quote q = quote(rules(rule("a", 20, percentOff(10)), rule("b", 10, percentOff(10))),
          cart(line("L1", CHAIR, 2)));
      assertThat(adjustments(q.lines().head())).usingElementComparator(BigDecimal::compareTo)
          .containsExactly(dec("-200"), dec("-180"));
      assertThat(q.total()).isEqualTo(Money.of("1620.00", CNY));
    }

    @Test
    void anExclusiveRuleAppliesOnlyAlone() {
      PricingRule exclusive = with(rule("solo", 30, percentOff(20), products(CHAIR)),
          StackingMode.EXCLUSIVE, Option.none(), RuleCaps.NONE);
      PricingRule other = rule("other", 10, percentOff(10), products(CHAIR));
      PricingRule elsewhere = rule("else", 10, percentOff(10), products(TABLE));
      Quote blocked = quote(rules(exclusive, other), cart(line("L1", CHAIR, 1)));
      Quote alone = quote(rules(exclusive, elsewhere),
          cart(line("L1", CHAIR, 1), line("L2", TABLE, 1)));
      assertThat(blocked.notApplied()).singleElement().satisfies(n -> {
        assertThat(n.code()).isEqualTo("pricing.rule.exclusive");
        assertThat(n.reason()).contains("other");
      });
      assertThat(blocked.total()).isEqualTo(Money.of("900.00", CNY));
      assertThat(alone.total()).isEqualTo(Money.of("800.00", CNY).plus(Money.of("4500.00", CNY)));
    }

    @Test
    void stopAfterClosesItsLinesToLowerPriorities() {
      PricingRule stop = with(rule("stop", 30, percentOff(20), products(CHAIR)),
          StackingMode.STOP_AFTER, Option.none(), RuleCaps.NONE);
      PricingRule later = rule("later", 10, percentOff(10));
      Quote q = quote(rules(stop, later), cart(line("L1", CHAIR, 1), line("L2", STOOL, 1)));
      assertThat(q.lines().get(0).adjustmentTotal()).isEqualByComparingTo("-200");
      assertThat(q.lines().get(0).notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.stopped");
      assertThat(q.lines().get(1).adjustmentTotal()).isEqualByComparingTo("-30");
    }

    @Test
    void bestInGroupAppliesOnlyTheLargestDiscount() {
      PricingRule percent = with(rule("pct", 30, percentOff(10)), StackingMode.BEST_IN_GROUP,
          Option.some("vip"), RuleCaps.NONE);
      PricingRule amount = with(rule("amt", 20,
          amountOff("150.00", DiscountAction.AmountBasis.LINE)), StackingMode.BEST_IN_GROUP,
          Option.some("vip"), RuleCaps.NONE);
      Quote q = quote(rules(percent, amount), cart(line("L1", CHAIR, 1)));
      assertThat(q.lines().head().adjustments().map(QuoteAdjustment::rule))
          .containsExactly(PricingRuleId.parse("amt"));
      assertThat(q.notApplied()).singleElement().satisfies(n -> {
        assertThat(n.rule()).isEqualTo(PricingRuleId.parse("pct"));
        assertThat(n.code()).isEqualTo("pricing.rule.best_in_group.lost");
      });
      Quote big = quote(rules(percent, amount), cart(line("L1", CHAIR, 3)));
      assertThat(big.lines().head().adjustments().map(QuoteAdjustment::rule))
          .containsExactly(PricingRuleId.parse("pct"));
    }
  }

  @Nested
  class Caps {

    @Test
    void perLineCapLimitsEachLine() {
      PricingRule capped = with(rule("cap", 10, percentOff(10)), StackingMode.STACKABLE,
          Option.none(), new RuleCaps(Option.some(Money.of("50.00", CNY)), Option.none(),
              Option.none(), Option.none()));
      Quote q = quote(rules(capped), cart(line("L1", CHAIR, 2), line("L2", STOOL, 1)));
      assertThat(q.lines().map(QuoteLine::adjustmentTotal))
          .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("-50"), dec("-30"));
      assertThat(q.lines().head().adjustments().head().reason()).contains("per-line cap");
    }

    @Test
    void perOrderCapLimitsTheRulesTotalInCartOrder() {
      PricingRule capped = with(rule("cap", 10, percentOff(10)), StackingMode.STACKABLE,
          Option.none(), new RuleCaps(Option.none(), Option.some(Money.of("150.00", CNY)),
              Option.none(), Option.none()));
      Quote q = quote(rules(capped), cart(line("L1", CHAIR, 1), line("L2", TABLE, 1),
          line("L3", STOOL, 1)));
      assertThat(q.lines().map(QuoteLine::adjustmentTotal))
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactly(dec("-100"), dec("-50"), dec("0"));
      assertThat(q.lines().get(1).adjustments().head().reason()).contains("per-order cap");
      assertThat(q.lines().get(2).notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.cap.per_order_reached");
    }

    @Test
    void usesPerCustomerAreComparedWithTheUsage() {
      PricingRule once = with(rule("welcome", 10, percentOff(10)), StackingMode.STACKABLE,
          Option.none(), new RuleCaps(Option.none(), Option.none(), Option.none(),
              Option.some(1L)));
      Cart known = cart(CustomerContext.inTier(LI, "gold", Percentage.ZERO), List.empty(),
          line("L1", CHAIR, 1));
      Quote first = QuoteEngine.quote(PRICES, rules(once), known, CouponUsage.NONE).get();
      Quote second = QuoteEngine.quote(PRICES, rules(once), known,
          CouponUsage.NONE.withRuleUse(PricingRuleId.parse("welcome"), LI)).get();
      Quote anonymous = quote(rules(once), cart(line("L1", CHAIR, 1)));
      assertThat(first.total()).isEqualTo(Money.of("900.00", CNY));
      assertThat(second.notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.cap.uses_per_customer");
      assertThat(anonymous.notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.cap.customer_unknown");
    }

    @Test
    void aCouponUsedUpRefusesTheCart() {
      PricingRule coupon = with(rule("vip", 10, percentOff(10),
          new Condition.Coupon("VIP-800")), StackingMode.STACKABLE, Option.none(),
          new RuleCaps(Option.none(), Option.none(), Option.some(2L), Option.some(1L)));
      Cart c = cart(CustomerContext.inTier(LI, "gold", Percentage.ZERO), List.of("VIP-800"),
          line("L1", CHAIR, 1));
      CouponUsage once = CouponUsage.NONE.withCouponUse("VIP-800", Option.none());
      assertThat(QuoteEngine.quote(PRICES, rules(coupon), c, once).get().total())
          .isEqualTo(Money.of("900.00", CNY));
      assertThat(refused(rules(coupon), c,
          once.withCouponUse("VIP-800", Option.none())).code())
          .isEqualTo("pricing.coupon.used_up");
      assertThat(refused(rules(coupon), c,
          CouponUsage.NONE.withCouponUse("VIP-800", Option.some(LI))).message())
          .contains("customer has used");
    }
  }

  @Nested
  class Floors {

    @Test
    void aDiscountIsClippedAtTheEntrysFloor() {
      Quote q = quote(rules(rule("half", 10, percentOff(50))), cart(line("L1", CHAIR, 2)));
      assertThat(q.lines().head().floorAmount()).isEqualByComparingTo("1200");
      assertThat(q.lines().head().adjustmentTotal()).isEqualByComparingTo("-800");
      assertThat(q.lines().head().adjustments().head().reason()).contains("floor");
    }

    @Test
    void aDiscountKeepsTheMinimumMarginOverCost() {
      RuleSet margin = rules(RoundingPolicy.STANDARD, Option.some(Percentage.ofPercent(30)),
          rule("half", 10, percentOff(50)), rule("more", 5, percentOff(10)));
      Quote q = quote(margin, cart(line("L1", TABLE, 1)));
      // cost 2000 * 1.3 = 2600
      assertThat(q.total()).isEqualTo(Money.of("2600.00", CNY));
      assertThat(q.lines().head().notApplied().map(RuleNotApplied::code))
          .containsExactly("pricing.rule.at_floor");
      assertAddsUp(q);
    }
  }

  @Nested
  class Policy {

    @Test
    void noDiscountsQuotesRosewoodByWeightAtTheListPrice() {
      // 不折不扣: 2.5 kg of rosewood at CNY 1280.00 per jin is 5 jin, CNY 6400.00
      RuleSet none = RuleSet.noDiscounts("Rosewood 红木", CNY, RoundingPolicy.STANDARD, AT);
      CartLine wood = new CartLine("L1", ROSEWOOD, HashSet.empty(), HashMap.empty(),
          Quantity.of("2.5", QuantityUnit.KILOGRAM));
      Quote q = quote(none, cart(CustomerContext.inTier(LI, "black", Percentage.ofPercent(10)),
          List.empty(), wood));
      assertThat(q.total()).isEqualTo(Money.of("6400.00", CNY));
      assertThat(q.discount()).isEqualByComparingTo("0");
      assertThat(q.lines().head().adjustments()).isEmpty();
      assertThat(q.lines().head().base().unitPrice()).isEqualTo(cny("1280.00", QuantityUnit.JIN));
      assertThat(refused(none, cart(CustomerContext.ANONYMOUS, List.of("DOUBLE11"), wood),
          CouponUsage.NONE).code()).isEqualTo("pricing.coupon.unknown");
    }
  }

  @Nested
  class Rounding {

    @Test
    void lineStageRoundsEachLineOnce() {
      RuleSet half = rules(new RoundingPolicy(RoundingMode.HALF_EVEN, RoundingStage.LINE),
          Option.none(), rule("half", 10, percentOff(50)));
      Quote q = quote(half, cart(line("L1", VASE, 1), line("L2", VASE, 1)));
      assertThat(q.rounding()).hasSize(2);
      assertThat(q.lines().map(l -> l.roundedAmount().get()))
          .containsExactly(Money.of("5.00", CNY), Money.of("5.00", CNY));
      assertThat(q.exactTotal()).isEqualByComparingTo("10.01");
      assertThat(q.total()).isEqualTo(Money.of("10.00", CNY));
    }

    @Test
    void orderStageRoundsTheTotalOnce() {
      RuleSet half = rules(new RoundingPolicy(RoundingMode.HALF_EVEN, RoundingStage.ORDER),
          Option.none(), rule("half", 10, percentOff(50)));
      Quote q = quote(half, cart(line("L1", VASE, 1), line("L2", VASE, 1)));
      assertThat(q.rounding()).singleElement().satisfies(step -> {
        assertThat(step.scope()).isEqualTo("order");
        assertThat(step.error()).isEqualByComparingTo("0");
      });
      assertThat(q.lines().map(QuoteLine::roundedAmount)).containsOnly(Option.none());
      assertThat(q.total()).isEqualTo(Money.of("10.01", CNY));
    }
  }

  @Nested
  class Refusals {

    @Test
    void everyProblemOfACartIsReportedAtOnce() {
      Cart bad = new Cart(EUR, List.of(line("L1", CHAIR, 1), line("L1", CHAIR, 0),
          line("L2", ProductId.parse("PRD-ghost"), 1)), CustomerContext.ANONYMOUS, "store", AT,
          HashSet.of("NOPE-1"));
      CartRejection r = refused(rules(), bad, CouponUsage.NONE);
      assertThat(r.problems().map(CartProblem::code)).contains(
          "pricing.cart.currency_mismatch", "pricing.cart.line_id.duplicate",
          "pricing.coupon.unknown", "pricing.price.not_found", "pricing.quantity.not_positive");
      assertThat(r.problems().filter(p -> p.code().equals("pricing.price.not_found"))
          .flatMap(CartProblem::lineId)).contains("L2");
    }

    @Test
    void anEmptyCartIsRefused() {
      CartRejection r = refused(rules(), cart(), CouponUsage.NONE);
      assertThat(r.code()).isEqualTo("pricing.cart.empty");
      assertThat(r.has("pricing.cart.empty")).isTrue();
    }

    @Test
    void aLineOfUnknownProductRefusesTheWholeCart() {
      CartRejection r = refused(rules(), cart(line("L1", CHAIR, 1),
          line("L2", ProductId.parse("PRD-ghost"), 1)), CouponUsage.NONE);
      assertThat(r.problems()).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo("pricing.price.not_found");
        assertThat(p.lineId()).contains("L2");
      });
    }
  }

  @Test
  void theSameCartGivesTheSameQuote() {
    RuleSet set = rules(rule("a", 20, percentOff(7)), rule("b", 10,
        amountOff("3.33", DiscountAction.AmountBasis.ORDER)));
    Cart c = cart(line("L1", CHAIR, 3), line("L2", VASE, 7), line("L3", STOOL, 2));
    Quote q = quote(set, c);
    assertThat(quote(set, c)).isEqualTo(q);
    assertAddsUp(q);
  }
}
