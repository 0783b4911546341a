package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.Cart;
import io.rapport.crm.pricing.CartRejection;
import io.rapport.crm.pricing.CouponUsage;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.PriceSelection;
import io.rapport.crm.pricing.PricingRule;
import io.rapport.crm.pricing.Quote;
import io.rapport.crm.pricing.QuoteAdjustment;
import io.rapport.crm.pricing.QuoteEngine;
import io.rapport.crm.pricing.QuoteLine;
import io.rapport.crm.pricing.QuoteTotals;
import io.rapport.crm.pricing.RoundingStage;
import io.rapport.crm.pricing.RoundingStep;
import io.rapport.crm.pricing.RuleSet;
import io.rapport.crm.pricing.StackingMode;
import io.rapport.crm.testkit.Theories;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Checks the laws every quote keeps, on a team's own price list and rule set with generated carts
 * ({@code CartGenerators.cases(prices, rules, at)}) or on generated rule sets: the total is never
 * negative; no line falls below its floor; no adjustment raises a price; the explanation sums
 * exactly; rules declared commutative give the same quote in any order; quotes are
 * deterministic; every amount is in the cart's currency; each rounding step errs by at most half
 * a minor unit (under the {@code HALF_*} modes; less than one under the directed ones); and the
 * totals-only entry point ({@link QuoteEngine#totals}) gives exactly the quote's numbers.
 *
 * <p>A refused cart ({@link CartRejection}) keeps every law trivially: the laws look at the
 * quotes. Each law has a form that checks {@link QuoteEngine} and a form that checks any
 * {@link Engine}, so a team can run the laws against a wrapper of their own (a cache, a remote
 * pricing service's client). Each runs {@link Theories#qt()} and throws an
 * {@link AssertionError} with the smallest falsifying example and the seed.
 */
public final class QuoteLaws {

  /**
   * Quotes carts as {@link QuoteEngine} does; the laws check any implementation of it. The
   * method defaults to the library's engine, so a test overrides only what it replaces.
   */
  public interface Engine {

    /**
     * Quotes a cart, as {@link QuoteEngine#quote} does.
     *
     * @param prices the price list
     * @param rules the rule set
     * @param cart the cart
     * @param usage the uses so far
     * @return the quote or the cart's rejection
     */
    default Either<CartRejection, Quote> quote(PriceList prices, RuleSet rules, Cart cart,
        CouponUsage usage) {
      return QuoteEngine.quote(prices, rules, cart, usage);
    }

    /**
     * Computes a cart's totals only, as {@link QuoteEngine#totals} does.
     *
     * @param prices the price list
     * @param rules the rule set
     * @param cart the cart
     * @param usage the uses so far
     * @return the totals or the cart's rejection
     */
    default Either<CartRejection, QuoteTotals> totals(PriceList prices, RuleSet rules, Cart cart,
        CouponUsage usage) {
      return QuoteEngine.totals(prices, rules, cart, usage);
    }
  }

  /** The library's own engine. */
  public static final Engine STANDARD = new Engine() {};

  private static final int DIVISION_SCALE = 20;

  private QuoteLaws() {}

  /**
   * Checks every law on {@link QuoteEngine}.
   *
   * @param cases the cases
   * @throws AssertionError if a law fails
   */
  public static void all(Gen<QuoteCase> cases) {
    all(cases, STANDARD);
  }

  /**
   * Checks every law on an engine.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if a law fails
   */
  public static void all(Gen<QuoteCase> cases, Engine engine) {
    totalNeverNegative(cases, engine);
    noLineBelowItsFloor(cases, engine);
    noAdjustmentRaisesAPrice(cases, engine);
    explanationSumsExactly(cases, engine);
    commutativeRulesCommute(cases, engine);
    deterministic(cases, engine);
    everyAmountInTheCartsCurrency(cases, engine);
    roundingErrsAtMostHalfAMinorUnit(cases, engine);
    totalsMatchTheQuote(cases, engine);
  }

  /**
   * Checks law 9 on {@link QuoteEngine}; see {@link #totalsMatchTheQuote(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void totalsMatchTheQuote(Gen<QuoteCase> cases) {
    totalsMatchTheQuote(cases, STANDARD);
  }

  /**
   * Checks law 9: the totals-only entry point answers exactly what the quote says, for every
   * case: the same rejection, or per line the same base, final and rounded amounts and the same
   * subtotal, discount, exact total and total ({@link Quote#totals()}), scales included.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void totalsMatchTheQuote(Gen<QuoteCase> cases, Engine engine) {
    requireNonNull(cases, "cases");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(cases).checkAssert(c -> {
      Either<CartRejection, Quote> quoted = engine.quote(c.prices(), c.rules(), c.cart(),
          c.usage());
      assertThat(engine.totals(c.prices(), c.rules(), c.cart(), c.usage()))
          .as("totals of %s", c.cart()).isEqualTo(quoted.map(Quote::totals));
    });
  }

  /**
   * Checks law 1 on {@link QuoteEngine}; see {@link #totalNeverNegative(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void totalNeverNegative(Gen<QuoteCase> cases) {
    totalNeverNegative(cases, STANDARD);
  }

  /**
   * Checks law 1: the total, the exact total and every line's final amount are zero or more.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void totalNeverNegative(Gen<QuoteCase> cases, Engine engine) {
    forEachQuote(cases, engine, (c, q) -> {
      assertThat(q.total().isNegative()).as("total %s", q.total()).isFalse();
      assertThat(q.exactTotal().signum()).as("exact total %s", q.exactTotal()).isNotNegative();
      for (QuoteLine line : q.lines()) {
        assertThat(line.finalAmount().signum()).as("line %s final %s", line.lineId(),
            line.finalAmount()).isNotNegative();
      }
    });
  }

  /**
   * Checks law 2 on {@link QuoteEngine}; see {@link #noLineBelowItsFloor(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void noLineBelowItsFloor(Gen<QuoteCase> cases) {
    noLineBelowItsFloor(cases, STANDARD);
  }

  /**
   * Checks law 2: every line's exact final amount is at least its floor, computed here from the
   * selected entry and the rule set: the entry's floor times the quantity, and the cost times
   * (1 + the minimum margin) times the quantity, whichever is higher, but never above the base
   * amount (a discount never applies to a line already at or below its floor).
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void noLineBelowItsFloor(Gen<QuoteCase> cases, Engine engine) {
    forEachQuote(cases, engine, (c, q) -> {
      BigDecimal markup = c.rules().minimumMargin().map(m -> BigDecimal.ONE.add(m.fraction()))
          .getOrElse(BigDecimal.ONE);
      for (QuoteLine line : q.lines()) {
        PriceSelection base = line.base();
        BigDecimal baseAmount = times(base.unitPrice(), line.quantity());
        BigDecimal floor = BigDecimal.ZERO;
        if (base.floor().isDefined()) {
          floor = floor.max(times(base.floor().get(), line.quantity()));
        }
        if (base.cost().isDefined()) {
          floor = floor.max(times(base.cost().get(), line.quantity()).multiply(markup));
        }
        floor = floor.min(baseAmount);
        assertThat(line.finalAmount()).as("line %s final against its floor", line.lineId())
            .isGreaterThanOrEqualTo(floor);
      }
    });
  }

  /**
   * Checks law 3 on {@link QuoteEngine}; see {@link #noAdjustmentRaisesAPrice(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void noAdjustmentRaisesAPrice(Gen<QuoteCase> cases) {
    noAdjustmentRaisesAPrice(cases, STANDARD);
  }

  /**
   * Checks law 3: every adjustment is zero or negative, and no line's final amount exceeds its
   * base amount.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void noAdjustmentRaisesAPrice(Gen<QuoteCase> cases, Engine engine) {
    forEachQuote(cases, engine, (c, q) -> {
      for (QuoteLine line : q.lines()) {
        for (QuoteAdjustment adjustment : line.adjustments()) {
          assertThat(adjustment.amount().signum()).as("line %s adjustment %s", line.lineId(),
              adjustment).isNotPositive();
        }
        assertThat(line.finalAmount()).as("line %s final against base", line.lineId())
            .isLessThanOrEqualTo(line.baseAmount());
      }
    });
  }

  /**
   * Checks law 4 on {@link QuoteEngine}; see {@link #explanationSumsExactly(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void explanationSumsExactly(Gen<QuoteCase> cases) {
    explanationSumsExactly(cases, STANDARD);
  }

  /**
   * Checks law 4: each line's base amount is its selected unit price times its quantity, and the
   * base plus the adjustments is exactly the final amount; the subtotal is the sum of the bases,
   * the discount the sum of the adjustments, the exact total the sum of the finals and the
   * subtotal plus the discount; the rule totals sum to the discount; and the total is the exact
   * total plus the rounding steps' errors.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void explanationSumsExactly(Gen<QuoteCase> cases, Engine engine) {
    forEachQuote(cases, engine, (c, q) -> {
      BigDecimal bases = BigDecimal.ZERO;
      BigDecimal adjustments = BigDecimal.ZERO;
      BigDecimal finals = BigDecimal.ZERO;
      for (QuoteLine line : q.lines()) {
        assertThat(line.baseAmount()).as("line %s base", line.lineId())
            .isEqualByComparingTo(times(line.base().unitPrice(), line.quantity()));
        BigDecimal sum = BigDecimal.ZERO;
        for (QuoteAdjustment adjustment : line.adjustments()) {
          sum = sum.add(adjustment.amount());
        }
        assertThat(line.baseAmount().add(sum)).as("line %s base + adjustments", line.lineId())
            .isEqualByComparingTo(line.finalAmount());
        bases = bases.add(line.baseAmount());
        adjustments = adjustments.add(sum);
        finals = finals.add(line.finalAmount());
      }
      BigDecimal ruleTotals = BigDecimal.ZERO;
      for (QuoteAdjustment total : q.ruleTotals()) {
        ruleTotals = ruleTotals.add(total.amount());
      }
      BigDecimal errors = BigDecimal.ZERO;
      for (RoundingStep step : q.rounding()) {
        errors = errors.add(step.error());
      }
      assertThat(q.subtotal()).as("subtotal").isEqualByComparingTo(bases);
      assertThat(q.discount()).as("discount").isEqualByComparingTo(adjustments);
      assertThat(ruleTotals).as("rule totals").isEqualByComparingTo(adjustments);
      assertThat(q.exactTotal()).as("exact total").isEqualByComparingTo(finals)
          .isEqualByComparingTo(q.subtotal().add(q.discount()));
      assertThat(q.total().amount()).as("total").isEqualByComparingTo(finals.add(errors));
    });
  }

  /**
   * Checks law 5 on {@link QuoteEngine}; see {@link #commutativeRulesCommute(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void commutativeRulesCommute(Gen<QuoteCase> cases) {
    commutativeRulesCommute(cases, STANDARD);
  }

  /**
   * Checks law 5: reordering the rules declared commutative among themselves gives the same line
   * final amounts and totals (which rule is credited with what may differ). The rules are taken
   * in the order the engine considers them ({@link RuleSet#byPriority()}); each run of adjacent
   * commutative rules is rotated by a generated amount, each rule taking the priority of the place
   * it moves to. A run that a stop-after rule's priority would split (some of its places below
   * that priority, some not) is left as it is, since moving a rule across it changes which rules
   * the stop closes lines to.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void commutativeRulesCommute(Gen<QuoteCase> cases, Engine engine) {
    requireNonNull(cases, "cases");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(cases, integers().between(1, 11)).checkAssert((c, shift) -> {
      RuleSet permuted = permuted(c.rules(), shift);
      Either<CartRejection, Quote> before = engine.quote(c.prices(), c.rules(), c.cart(),
          c.usage());
      Either<CartRejection, Quote> after = engine.quote(c.prices(), permuted, c.cart(),
          c.usage());
      assertThat(after.isRight()).as("quoted after reordering").isEqualTo(before.isRight());
      if (before.isRight()) {
        Quote q = before.get();
        Quote p = after.get();
        assertThat(p.total()).as("total after reordering to %s", permuted.byPriority()
            .map(PricingRule::id)).isEqualTo(q.total());
        assertThat(p.exactTotal()).as("exact total").isEqualByComparingTo(q.exactTotal());
        for (int i = 0; i < q.lines().size(); i++) {
          assertThat(p.lines().get(i).finalAmount()).as("line %s",
              q.lines().get(i).lineId()).isEqualByComparingTo(q.lines().get(i).finalAmount());
        }
      }
    });
  }

  /**
   * Checks law 6 on {@link QuoteEngine}; see {@link #deterministic(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void deterministic(Gen<QuoteCase> cases) {
    deterministic(cases, STANDARD);
  }

  /**
   * Checks law 6: quoting a case twice, and quoting an equal cart built anew (its lines in a new
   * sequence, its coupons in a set of another order), gives equal answers.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void deterministic(Gen<QuoteCase> cases, Engine engine) {
    requireNonNull(cases, "cases");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(cases).checkAssert(c -> {
      Either<CartRejection, Quote> once = engine.quote(c.prices(), c.rules(), c.cart(),
          c.usage());
      Cart cart = c.cart();
      Cart rebuilt = new Cart(cart.currency(), Vector.ofAll(cart.lines()), cart.customer(),
          cart.channel(), cart.at(), LinkedHashSet.ofAll(cart.coupons().toList().reverse()));
      assertThat(engine.quote(c.prices(), c.rules(), cart, c.usage())).as("quoted again")
          .isEqualTo(once);
      assertThat(engine.quote(c.prices(), c.rules(), rebuilt, c.usage())).as("rebuilt cart")
          .isEqualTo(once);
    });
  }

  /**
   * Checks law 7 on {@link QuoteEngine}; see {@link #everyAmountInTheCartsCurrency(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void everyAmountInTheCartsCurrency(Gen<QuoteCase> cases) {
    everyAmountInTheCartsCurrency(cases, STANDARD);
  }

  /**
   * Checks law 7: the quote, its total, every rounded amount and every selected price (unit, list,
   * cost and floor) are in the cart's currency.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void everyAmountInTheCartsCurrency(Gen<QuoteCase> cases, Engine engine) {
    forEachQuote(cases, engine, (c, q) -> {
      java.util.Currency currency = c.cart().currency();
      assertThat(q.currency()).as("quote").isEqualTo(currency);
      assertThat(q.total().currency()).as("total").isEqualTo(currency);
      for (RoundingStep step : q.rounding()) {
        assertThat(step.rounded().currency()).as("rounding %s", step.scope()).isEqualTo(currency);
      }
      for (QuoteLine line : q.lines()) {
        PriceSelection base = line.base();
        assertThat(base.unitPrice().currency()).as("line %s unit price", line.lineId())
            .isEqualTo(currency);
        assertThat(base.listPrice().currency()).as("line %s list price", line.lineId())
            .isEqualTo(currency);
        base.cost().forEach(cost -> assertThat(cost.currency()).as("cost").isEqualTo(currency));
        base.floor().forEach(f -> assertThat(f.currency()).as("floor").isEqualTo(currency));
        line.roundedAmount().forEach(m -> assertThat(m.currency()).as("line %s rounded",
            line.lineId()).isEqualTo(currency));
      }
    });
  }

  /**
   * Checks law 8 on {@link QuoteEngine}; see
   * {@link #roundingErrsAtMostHalfAMinorUnit(Gen, Engine)}.
   *
   * @param cases the cases
   * @throws AssertionError if the law fails
   */
  public static void roundingErrsAtMostHalfAMinorUnit(Gen<QuoteCase> cases) {
    roundingErrsAtMostHalfAMinorUnit(cases, STANDARD);
  }

  /**
   * Checks law 8: rounding happens once where the rule set says (one step per line for
   * {@link RoundingStage#LINE}, each the line's final amount rounded to its rounded amount; one
   * step for the order for {@link RoundingStage#ORDER}), with the set's mode, and each step errs
   * by at most half a minor unit under the {@code HALF_*} modes, by less than one minor unit
   * under the others, in the mode's direction.
   *
   * @param cases the cases
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void roundingErrsAtMostHalfAMinorUnit(Gen<QuoteCase> cases, Engine engine) {
    forEachQuote(cases, engine, (c, q) -> {
      RoundingMode mode = c.rules().rounding().mode();
      BigDecimal unit = BigDecimal.ONE.movePointLeft(c.cart().currency()
          .getDefaultFractionDigits());
      boolean half = mode == RoundingMode.HALF_EVEN || mode == RoundingMode.HALF_UP
          || mode == RoundingMode.HALF_DOWN;
      if (c.rules().rounding().stage() == RoundingStage.LINE) {
        assertThat(q.rounding()).as("one step per line").hasSize(q.lines().size());
        for (int i = 0; i < q.lines().size(); i++) {
          QuoteLine line = q.lines().get(i);
          RoundingStep step = q.rounding().get(i);
          assertThat(step.exact()).as("line %s step", line.lineId())
              .isEqualByComparingTo(line.finalAmount());
          assertThat(line.roundedAmount()).as("line %s rounded", line.lineId())
              .contains(step.rounded());
        }
      } else {
        assertThat(q.rounding()).as("one step for the order").hasSize(1);
        assertThat(q.rounding().head().exact()).as("order step")
            .isEqualByComparingTo(q.exactTotal());
      }
      for (RoundingStep step : q.rounding()) {
        assertThat(step.mode()).as("mode of %s", step.scope()).isEqualTo(mode);
        BigDecimal error = step.error().abs();
        if (half) {
          assertThat(error.multiply(BigDecimal.valueOf(2))).as("error of %s", step.scope())
              .isLessThanOrEqualTo(unit);
        } else {
          assertThat(error).as("error of %s", step.scope()).isLessThan(unit);
        }
      }
    });
  }

  /** Runs a check on every case the engine quotes; refusals keep the laws trivially. */
  private static void forEachQuote(Gen<QuoteCase> cases, Engine engine,
      java.util.function.BiConsumer<QuoteCase, Quote> check) {
    requireNonNull(cases, "cases");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(cases).checkAssert(c -> {
      Either<CartRejection, Quote> quoted = engine.quote(c.prices(), c.rules(), c.cart(),
          c.usage());
      if (quoted.isRight()) {
        check.accept(c, quoted.get());
      }
    });
  }

  /** Rotates each run of adjacent commutative rules, as law 5 describes. */
  static RuleSet permuted(RuleSet rules, int shift) {
    List<PricingRule> ordered = new ArrayList<>(rules.byPriority().toJavaList());
    Seq<Integer> stops = rules.rules().filter(r -> r.stacking() == StackingMode.STOP_AFTER)
        .map(PricingRule::priority);
    int start = 0;
    while (start < ordered.size()) {
      int end = start;
      while (end < ordered.size() && ordered.get(end).commutative()) {
        end++;
      }
      if (end - start >= 2) {
        int high = ordered.get(start).priority();
        int low = ordered.get(end - 1).priority();
        if (!stops.exists(p -> low < p && p <= high)) {
          rotate(ordered, start, end, shift);
        }
      }
      start = end + 1;
    }
    return new RuleSet(rules.name(), rules.currency(), rules.policy(), rules.rounding(),
        rules.minimumMargin(), Vector.ofAll(ordered), rules.updatedAt());
  }

  private static void rotate(List<PricingRule> ordered, int start, int end, int shift) {
    int length = end - start;
    List<PricingRule> run = new ArrayList<>(ordered.subList(start, end));
    for (int j = 0; j < length; j++) {
      PricingRule moved = run.get((j + shift) % length);
      int priority = run.get(j).priority();
      ordered.set(start + j, new PricingRule(moved.id(), moved.name(), priority,
          moved.conditions(), moved.action(), moved.stacking(), moved.group(),
          moved.commutative(), moved.caps()));
    }
  }

  /** Returns a unit price times a quantity converted exactly, as the engine documents. */
  private static BigDecimal times(UnitPrice price, Quantity quantity) {
    if (price.unit() == quantity.unit()) {
      return price.amount().multiply(quantity.amount());
    }
    BigDecimal dividend = price.amount().multiply(quantity.amount())
        .multiply(quantity.unit().sizeInBaseUnit());
    try {
      return dividend.divide(price.unit().sizeInBaseUnit());
    } catch (ArithmeticException infinite) {
      return dividend.divide(price.unit().sizeInBaseUnit(), DIVISION_SCALE,
          RoundingMode.HALF_EVEN);
    }
  }
}
