package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.Cart;
import io.rapport.crm.pricing.CartRejection;
import io.rapport.crm.pricing.CouponUsage;
import io.rapport.crm.pricing.DiscountAction;
import io.rapport.crm.pricing.DiscountPolicy;
import io.rapport.crm.pricing.LineTotal;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.PricingRule;
import io.rapport.crm.pricing.QuantityBreak;
import io.rapport.crm.pricing.Quote;
import io.rapport.crm.pricing.QuoteAdjustment;
import io.rapport.crm.pricing.QuoteEngine;
import io.rapport.crm.pricing.QuoteLine;
import io.rapport.crm.pricing.QuoteTotals;
import io.rapport.crm.pricing.RoundingPolicy;
import io.rapport.crm.pricing.RuleCaps;
import io.rapport.crm.pricing.RuleSet;
import io.rapport.crm.pricing.StackingMode;
import io.rapport.crm.testkit.generators.CartGenerators;
import io.rapport.crm.testkit.generators.PricingRuleGenerators;
import io.rapport.crm.testkit.laws.QuoteCase;
import io.rapport.crm.testkit.laws.QuoteLaws;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The quote engine keeps its laws on generated rule sets and carts; the laws catch planted bugs. */
class QuoteLawsTest {

  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency JPY = Currency.getInstance("JPY");
  static final Instant AT = Instant.parse("2026-06-15T03:00:00Z");

  static UnitPrice price(String amount, Currency currency, QuantityUnit unit) {
    return UnitPrice.of(Money.of(amount, currency), unit);
  }

  static PriceEntry entry(String code, PriceTarget target, UnitPrice list,
      Option<UnitPrice> sale, List<QuantityBreak> breaks, Option<UnitPrice> cost,
      Option<UnitPrice> floor) {
    return new PriceEntry(code, target, list, sale, breaks, HashSet.empty(), HashSet.empty(),
        Option.none(), cost, floor);
  }

  static PriceTarget product(String id) {
    return new PriceTarget.ForProduct(ProductId.parse(id));
  }

  /** A book over the generators' catalogue: pieces and per-jin prices, sales, breaks, floors. */
  static PriceList prices(Currency c) {
    QuantityUnit pc = QuantityUnit.PIECE;
    QuantityUnit jin = QuantityUnit.JIN;
    return PriceList.of(List.of(new PriceBook(PriceBookId.parse("main-" + c.getCurrencyCode()
        .toLowerCase(java.util.Locale.ROOT)), "Main", c, List.of(
        entry("chair", product("PRD-chair"), price("1000", c, pc), Option.none(), List.empty(),
            Option.some(price("400", c, pc)), Option.some(price("600", c, pc))),
        entry("table", product("PRD-table"), price("5000", c, pc), Option.none(), List.empty(),
            Option.some(price("2000", c, pc)), Option.none()),
        entry("bed", product("PRD-bed"), price("1280", c, jin), Option.none(), List.empty(),
            Option.none(), Option.some(price("900", c, jin))),
        entry("screen", product("PRD-screen"), price("8889", c, pc),
            Option.some(price("7999", c, pc)), List.empty(), Option.some(price("3333", c, pc)),
            Option.none()),
        entry("stool", product("PRD-stool"), price("301", c, pc), Option.none(),
            List.of(new QuantityBreak(Quantity.pieces(4), price("257", c, pc))), Option.none(),
            Option.none()),
        entry("seating", new PriceTarget.ForCategory("seating"), price("503", c, pc),
            Option.none(), List.empty(), Option.none(), Option.none())),
        AT.minusSeconds(86_400))));
  }

  /**
   * Keeps the commutative declaration only where it is true of the engine: on uncapped
   * percent-off rules (percent-off and amount-off rules do not commute with each other), and
   * folds stackable priorities onto a few values so that rules often share one.
   */
  static RuleSet honest(RuleSet set) {
    return new RuleSet(set.name(), set.currency(), set.policy(), set.rounding(),
        set.minimumMargin(), set.rules().map(r -> new PricingRule(r.id(), r.name(),
            r.stacking() == StackingMode.STACKABLE ? r.priority() % 4 : r.priority(),
            r.conditions(), r.action(), r.stacking(), r.group(),
            r.commutative() && r.action() instanceof DiscountAction.PercentOff
                && r.caps().isNone(), r.caps())), set.updatedAt());
  }

  static Gen<QuoteCase> generated(Currency currency) {
    PriceList prices = prices(currency);
    Gen<RuleSet> sets = PricingRuleGenerators.ruleSets(currency, 12);
    return in -> {
      RuleSet rules = honest(sets.generate(in));
      Cart cart = CartGenerators.carts(prices, rules, AT).generate(in);
      return new QuoteCase(prices, rules, cart, CouponUsage.NONE);
    };
  }

  static final Gen<QuoteCase> CNY_CASES = generated(CNY);
  static final Gen<QuoteCase> JPY_CASES = generated(JPY);

  static PricingRule rule(String id, int priority, DiscountAction action, boolean commutative) {
    return new PricingRule(PricingRuleId.parse(id), "Rule " + id, priority, List.empty(), action,
        StackingMode.STACKABLE, Option.none(), commutative, RuleCaps.NONE);
  }

  /** A set whose deep discount meets the floors: 60 % off, a 50 % minimum margin. */
  static final RuleSet DEEP = new RuleSet("Deep", CNY, DiscountPolicy.DISCOUNTS_ALLOWED,
      RoundingPolicy.STANDARD, Option.some(Percentage.ofPercent(50)),
      List.of(rule("deep", 10, new DiscountAction.PercentOff(Percentage.ofPercent(60)), false)),
      AT);
  static final Gen<QuoteCase> DEEP_CASES = CartGenerators.cases(prices(CNY), DEEP, AT);

  /** An engine that quotes as the library does, then lets a test plant one bug. */
  abstract static class Planted implements QuoteLaws.Engine {

    abstract Quote plant(Quote quote);

    @Override
    public Either<CartRejection, Quote> quote(PriceList prices, RuleSet rules, Cart cart,
        CouponUsage usage) {
      return QuoteLaws.STANDARD.quote(prices, rules, cart, usage).map(this::plant);
    }
  }

  static Quote withLines(Quote q, Vector<QuoteLine> lines) {
    return new Quote(q.currency(), lines, q.ruleTotals(), q.notApplied(), q.subtotal(),
        q.discount(), q.exactTotal(), q.total(), q.rounding());
  }

  static QuoteLine withAdjustments(QuoteLine l, io.vavr.collection.Seq<QuoteAdjustment> adj,
      BigDecimal finalAmount) {
    return new QuoteLine(l.lineId(), l.product(), l.quantity(), l.base(), l.baseAmount(),
        l.floorAmount(), adj, finalAmount, l.roundedAmount(), l.notApplied());
  }

  @Test
  void theEngineKeepsEveryLawOnGeneratedRuleSetsAndCarts() {
    assertThatCode(() -> QuoteLaws.all(CNY_CASES)).doesNotThrowAnyException();
    assertThatCode(() -> QuoteLaws.all(JPY_CASES)).doesNotThrowAnyException();
    assertThatCode(() -> QuoteLaws.all(DEEP_CASES)).doesNotThrowAnyException();
  }

  @Test
  void mostGeneratedCartsAreQuotedAndManyAreDiscounted() {
    AtomicInteger quoted = new AtomicInteger();
    AtomicInteger discounted = new AtomicInteger();
    Theories.qt().forAll(CNY_CASES).checkAssert(c -> {
      Either<CartRejection, Quote> q = QuoteLaws.STANDARD.quote(c.prices(), c.rules(),
          c.cart(), c.usage());
      if (q.isRight()) {
        quoted.incrementAndGet();
        if (q.get().discount().signum() < 0) {
          discounted.incrementAndGet();
        }
      }
    });
    assertThat(quoted.get()).as("quoted of %s", Theories.DEFAULT_EXAMPLES)
        .isGreaterThan(Theories.DEFAULT_EXAMPLES / 2);
    assertThat(discounted.get()).as("discounted").isGreaterThan(Theories.DEFAULT_EXAMPLES / 10);
  }

  @Test
  void aNegativeTotalIsCaught() {
    QuoteLaws.Engine planted = new Planted() {
      @Override
      Quote plant(Quote q) {
        // Bug: the total's sign is lost.
        return new Quote(q.currency(), q.lines(), q.ruleTotals(), q.notApplied(), q.subtotal(),
            q.discount(), q.exactTotal(), q.total().negated(), q.rounding());
      }
    };
    assertThatThrownBy(() -> QuoteLaws.totalNeverNegative(CNY_CASES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aSurchargeIsCaught() {
    QuoteLaws.Engine planted = new Planted() {
      @Override
      Quote plant(Quote q) {
        // Bug: a handling fee slips in as a positive adjustment on every line.
        return withLines(q, Vector.ofAll(q.lines()).map(l -> withAdjustments(l,
            l.adjustments().append(new QuoteAdjustment(PricingRuleId.parse("fee"),
                BigDecimal.ONE, "fee")), l.finalAmount().add(BigDecimal.ONE))));
      }
    };
    assertThatThrownBy(() -> QuoteLaws.noAdjustmentRaisesAPrice(CNY_CASES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void anEngineIgnoringTheMinimumMarginIsCaught() {
    QuoteLaws.Engine planted = new QuoteLaws.Engine() {
      @Override
      public Either<CartRejection, Quote> quote(PriceList prices, RuleSet rules, Cart cart,
          CouponUsage usage) {
        // Bug: the minimum margin is forgotten.
        RuleSet forgetful = new RuleSet(rules.name(), rules.currency(), rules.policy(),
            rules.rounding(), Option.none(), rules.rules(), rules.updatedAt());
        return QuoteLaws.STANDARD.quote(prices, forgetful, cart, usage);
      }
    };
    assertThatThrownBy(() -> QuoteLaws.noLineBelowItsFloor(DEEP_CASES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void totalsThatSkipTheRulesAreCaught() {
    QuoteLaws.Engine planted = new QuoteLaws.Engine() {
      @Override
      public Either<CartRejection, QuoteTotals> totals(PriceList prices, RuleSet rules,
          Cart cart, CouponUsage usage) {
        // Bug: a listing shortcut that prices the cart as if no rule applied.
        return QuoteLaws.STANDARD.quote(prices, rules, cart, usage).map(q -> new QuoteTotals(
            q.currency(), q.lines().map(l -> new LineTotal(l.lineId(), l.baseAmount(),
                l.baseAmount(), l.roundedAmount())), q.subtotal(), BigDecimal.ZERO,
            q.subtotal(), q.total()));
      }
    };
    assertThatThrownBy(() -> QuoteLaws.totalsMatchTheQuote(CNY_CASES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void totalsRoundedDifferentlyAreCaught() {
    QuoteLaws.Engine planted = new QuoteLaws.Engine() {
      @Override
      public Either<CartRejection, QuoteTotals> totals(PriceList prices, RuleSet rules,
          Cart cart, CouponUsage usage) {
        // Bug: the total rounded down from the exact total, whatever the rule set says.
        return QuoteEngine.totals(prices, rules, cart, usage).map(t -> new QuoteTotals(
            t.currency(), t.lines(), t.subtotal(), t.discount(), t.exactTotal(),
            Money.of(t.exactTotal().setScale(t.currency().getDefaultFractionDigits(),
                java.math.RoundingMode.DOWN), t.currency())));
      }
    };
    assertThatThrownBy(() -> QuoteLaws.totalsMatchTheQuote(CNY_CASES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void anUnexplainedDiscountIsCaught() {
    QuoteLaws.Engine planted = new Planted() {
      @Override
      Quote plant(Quote q) {
        // Bug: the explanation loses each line's last adjustment.
        return withLines(q, Vector.ofAll(q.lines()).map(l -> withAdjustments(l,
            l.adjustments().dropRight(1), l.finalAmount())));
      }
    };
    assertThatThrownBy(() -> QuoteLaws.explanationSumsExactly(CNY_CASES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void roundingTwiceIsCaught() {
    QuoteLaws.Engine planted = new Planted() {
      @Override
      Quote plant(Quote q) {
        // Bug: the total is rounded again, down to whole units.
        Money total = Money.of(q.total().amount().setScale(0, java.math.RoundingMode.DOWN),
            q.total().currency());
        return new Quote(q.currency(), q.lines(), q.ruleTotals(), q.notApplied(), q.subtotal(),
            q.discount(), q.exactTotal(), total, q.rounding());
      }
    };
    assertThatThrownBy(() -> QuoteLaws.explanationSumsExactly(CNY_CASES, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aFalseDeclarationOfCommutativityIsCaught() {
    // 10 % off and 50 off per line do not commute: (p - 50) * 0.9 differs from p * 0.9 - 50.
    RuleSet declared = new RuleSet("Declared", CNY, DiscountPolicy.DISCOUNTS_ALLOWED,
        RoundingPolicy.STANDARD, Option.none(), List.of(
            rule("pct", 10, new DiscountAction.PercentOff(Percentage.ofPercent(10)), true),
            rule("amt", 10, new DiscountAction.AmountOff(Money.of("50.00", CNY),
                DiscountAction.AmountBasis.LINE), true)), AT);
    assertThatThrownBy(() -> QuoteLaws.commutativeRulesCommute(
        CartGenerators.cases(prices(CNY), declared, AT)))
        .isInstanceOf(AssertionError.class);
  }
}
