package io.rapport.crm.pricing;

import static io.rapport.crm.pricing.PriceFixtures.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

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
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The totals-only entry point keeps amounts in whole units (longs) while they are exact and
 * goes back to decimals when they are not: these carts sit on that boundary (amounts of 18, 19
 * and more digits, large counts, weights, fractional percentages, extra decimals on unit
 * prices, caps, floors, subtotal conditions, every rounding mode) and the totals must equal the
 * full quote's, scale included.
 */
class QuoteTotalsWholeUnitsProperties {

  static final Instant AT = Instant.parse("2026-06-15T03:00:00Z");
  static final Currency[] CURRENCIES = {Currency.getInstance("CNY"), Currency.getInstance("JPY"),
      Currency.getInstance("KWD")};
  static final int PRODUCTS = 6;
  static final RoundingMode[] MODES = {RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING,
      RoundingMode.FLOOR, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN};

  /** One generated input: prices, rules and a cart. */
  record Case(PriceList prices, RuleSet rules, Cart cart, boolean beyondLong) {}

  /** Returns a positive unscaled value on one side or the other of the long boundary. */
  static BigDecimal unscaled(SplittableRandom random) {
    switch (random.nextInt(6)) {
      case 0:
        return BigDecimal.valueOf(Long.MAX_VALUE - random.nextInt(1000));
      case 1:
        return BigDecimal.valueOf(999_999_999_999_999_999L - random.nextInt(1000));
      case 2:
        return BigDecimal.valueOf(1 + random.nextLong(Long.MAX_VALUE / 100_000));
      case 3:
        return BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(
            1 + random.nextInt(1000)));
      default:
        return BigDecimal.valueOf(1 + random.nextLong(1_000_000));
    }
  }

  static Money money(SplittableRandom random, Currency currency) {
    return Money.of(new BigDecimal(unscaled(random).unscaledValue(),
        currency.getDefaultFractionDigits()), currency);
  }

  static Quantity quantity(SplittableRandom random, boolean weighed) {
    if (weighed) {
      return random.nextBoolean() ? Quantity.of(1 + random.nextInt(5), QuantityUnit.KILOGRAM)
          : Quantity.of(BigDecimal.valueOf(1 + random.nextInt(50), 1), QuantityUnit.KILOGRAM);
    }
    return Quantity.pieces(random.nextInt(4) == 0 ? 1 + random.nextLong(10_000_000_000L)
        : 1 + random.nextInt(5));
  }

  static Percentage percentage(SplittableRandom random) {
    switch (random.nextInt(3)) {
      case 0:
        return Percentage.ofPercent(1 + random.nextInt(100));
      case 1:
        return Percentage.ofBasisPoints(1 + random.nextInt(10_000));
      default:
        return Percentage.ofPercent(BigDecimal.valueOf(1 + random.nextInt(999_999), 4));
    }
  }

  static Case generated(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Currency currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
    int minor = currency.getDefaultFractionDigits();
    java.util.List<PriceEntry> entries = new java.util.ArrayList<>();
    for (int p = 0; p < PRODUCTS; p++) {
      /* The last product is sold by weight, priced per jin. */
      QuantityUnit unit = p == PRODUCTS - 1 ? QuantityUnit.JIN : QuantityUnit.PIECE;
      int extra = random.nextInt(4) == 0 ? 1 + random.nextInt(UnitPrice.EXTRA_DECIMALS) : 0;
      UnitPrice list = UnitPrice.of(new BigDecimal(unscaled(random).unscaledValue(),
          minor + extra), currency, unit);
      BigDecimal below = list.amount().subtract(BigDecimal.valueOf(1 + random.nextInt(1000),
          minor));
      Option<UnitPrice> sale = random.nextInt(4) == 0 && below.signum() >= 0
          ? Option.some(UnitPrice.of(below, currency, unit)) : Option.none();
      Option<UnitPrice> cost = random.nextInt(8) == 0
          ? Option.some(UnitPrice.of(Money.of(BigDecimal.valueOf(random.nextInt(1000)),
              currency), unit)) : Option.none();
      Option<UnitPrice> floor = random.nextInt(8) == 0
          ? Option.some(UnitPrice.of(BigDecimal.valueOf(random.nextInt(1000)).min(list.amount()),
              currency, unit)) : Option.none();
      entries.add(new PriceEntry("e-" + p, new PriceTarget.ForProduct(ProductId.parse("p-" + p)),
          list, sale, List.empty(), HashSet.empty(), HashSet.empty(), Option.none(), cost,
          floor));
    }
    PriceList prices = PriceList.of(List.of(new PriceBook(PriceBookId.parse("book"), "Book",
        currency, Vector.ofAll(entries), AT.minusSeconds(86_400))));
    java.util.List<CartLine> lines = new java.util.ArrayList<>();
    boolean beyondLong = false;
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      int p = random.nextInt(PRODUCTS);
      Quantity quantity = quantity(random, p == PRODUCTS - 1);
      BigDecimal base = entries.get(p).list().amount().multiply(quantity.amount());
      beyondLong |= base.unscaledValue().bitLength() > 63;
      lines.add(new CartLine("L" + i, ProductId.parse("p-" + p), HashSet.empty(),
          HashMap.empty(), quantity));
    }
    java.util.List<PricingRule> rules = new java.util.ArrayList<>();
    int ruleCount = random.nextInt(5);
    for (int r = 0; r < ruleCount; r++) {
      DiscountAction action;
      switch (random.nextInt(6)) {
        case 0:
        case 1:
          action = new DiscountAction.PercentOff(percentage(random));
          break;
        case 2:
          action = new DiscountAction.AmountOff(money(random, currency),
              DiscountAction.AmountBasis.LINE);
          break;
        case 3:
          action = new DiscountAction.AmountOff(money(random, currency),
              DiscountAction.AmountBasis.UNIT);
          break;
        case 4:
          action = new DiscountAction.AmountOff(Money.of(BigDecimal.valueOf(
              1 + random.nextInt(10_000)), currency), DiscountAction.AmountBasis.LINE);
          break;
        default:
          action = new DiscountAction.FixedPrice(money(random, currency));
      }
      java.util.List<Condition> conditions = new java.util.ArrayList<>();
      switch (random.nextInt(6)) {
        case 0:
          conditions.add(new Condition.MinQuantity(Quantity.pieces(2)));
          break;
        case 1:
          conditions.add(new Condition.LineSubtotalAtLeast(Money.of(BigDecimal.valueOf(
              1 + random.nextInt(1000)), currency)));
          break;
        case 2:
          conditions.add(new Condition.CartSubtotalAtLeast(Money.of(BigDecimal.valueOf(
              1 + random.nextInt(1000)), currency)));
          break;
        default:
          break;
      }
      RuleCaps caps = new RuleCaps(
          random.nextInt(3) == 0 ? Option.some(money(random, currency)) : Option.none(),
          random.nextInt(3) == 0 ? Option.some(money(random, currency)) : Option.none(),
          Option.none(), Option.none());
      StackingMode[] modes = {StackingMode.STACKABLE, StackingMode.STACKABLE,
          StackingMode.STOP_AFTER, StackingMode.EXCLUSIVE};
      rules.add(new PricingRule(PricingRuleId.parse("r-" + r), "Rule " + r, 10 * (ruleCount - r),
          List.ofAll(conditions), action, modes[random.nextInt(modes.length)], Option.none(),
          false, caps));
    }
    RoundingPolicy rounding = new RoundingPolicy(MODES[random.nextInt(MODES.length)],
        random.nextBoolean() ? RoundingStage.LINE : RoundingStage.ORDER);
    boolean none = random.nextInt(10) == 0;
    RuleSet set = new RuleSet("Boundary", currency, none ? DiscountPolicy.NO_DISCOUNTS
        : DiscountPolicy.DISCOUNTS_ALLOWED, rounding, Option.none(),
        none ? Vector.empty() : Vector.ofAll(rules), AT);
    Cart cart = new Cart(currency, Vector.ofAll(lines), CustomerContext.ANONYMOUS, "store", AT,
        HashSet.empty());
    return new Case(prices, set, cart, beyondLong);
  }

  @Test
  void totalsOnBothSidesOfTheLongBoundaryEqualTheFullQuote() {
    AtomicInteger beyond = new AtomicInteger();
    AtomicInteger within = new AtomicInteger();
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      Case c = generated(seed);
      (c.beyondLong() ? beyond : within).incrementAndGet();

      Either<CartRejection, QuoteTotals> totals = QuoteEngine.totals(c.prices(), c.rules(),
          c.cart(), CouponUsage.NONE);

      assertThat(totals).isEqualTo(QuoteEngine.quote(c.prices(), c.rules(), c.cart(),
          CouponUsage.NONE).map(Quote::totals));
    });
    assertThat(beyond.get()).as("carts with a base amount beyond a long").isGreaterThan(100);
    assertThat(within.get()).as("carts within longs").isGreaterThan(100);
  }

  @Test
  void wholeUnitRoundingMatchesTheDecimalRounding() {
    qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      long unscaled = random.nextBoolean() ? random.nextLong() : random.nextLong(-2000, 2000);
      int scale = random.nextInt(19);
      int target = random.nextInt(4);
      RoundingMode mode = MODES[random.nextInt(MODES.length)];

      BigDecimal expected = BigDecimal.valueOf(unscaled, scale).setScale(target, mode);

      long rounded;
      try {
        rounded = WholeUnits.rounded(unscaled, scale, target, mode);
      } catch (ArithmeticException overflow) {
        assertThat(expected.unscaledValue().bitLength()).as("only what does not fit a long")
            .isGreaterThan(63);
        return;
      }
      assertThat(BigDecimal.valueOf(rounded, target)).isEqualTo(expected);
    });
  }

  @Test
  void aLineTotalInWholeUnitsEqualsTheSameAmountsAsDecimals() {
    Currency cny = CURRENCIES[0];
    LineTotal unscaled = LineTotal.ofUnscaled("L1", 12345, 2, 111105, 3, 11111, cny);
    LineTotal decimals = new LineTotal("L1", new BigDecimal("123.45"),
        new BigDecimal("111.105"), Option.some(Money.of("111.11", cny)));

    assertThat(unscaled).isEqualTo(decimals).hasSameHashCodeAs(decimals)
        .hasToString(decimals.toString());
    assertThat(decimals.toString()).isEqualTo(
        "LineTotal[lineId=L1, baseAmount=123.45, finalAmount=111.105, "
            + "roundedAmount=Some(CNY 111.11)]");
    assertThat(LineTotal.ofUnscaled("L1", 12345, 2, 111105, 3, 0, null).roundedAmount())
        .isEmpty();
    assertThat(unscaled).isNotEqualTo(LineTotal.ofUnscaled("L1", 12345, 2, 1111050, 4, 11111,
        cny));
  }
}
