package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.Cart;
import io.rapport.crm.pricing.CartLine;
import io.rapport.crm.pricing.Condition;
import io.rapport.crm.pricing.CouponUsage;
import io.rapport.crm.pricing.CustomerContext;
import io.rapport.crm.pricing.DiscountAction;
import io.rapport.crm.pricing.DiscountPolicy;
import io.rapport.crm.pricing.LineTotal;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.PricingRule;
import io.rapport.crm.pricing.Quote;
import io.rapport.crm.pricing.QuoteEngine;
import io.rapport.crm.pricing.QuoteTotals;
import io.rapport.crm.pricing.RoundingPolicy;
import io.rapport.crm.pricing.RuleSet;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Quotes a 10-line CNY cart. {@code hundredRules}: against 100 stackable percent-off rules, one
 * per product of a 100-product catalogue, so 10 apply and 90 find no line (target: 5 µs median).
 * {@code engineFixedRules} and {@code handWrittenLoop}: a fixed simple rule set (10 % off every
 * line, then CNY 50.00 off each line of two pieces or more, rounded per line, HALF_EVEN) through
 * the engine and through a loop written for it, which computes the same total (checked at
 * set-up; target: the engine within 2x the loop). The {@code ...Totals} benchmarks run the same
 * carts through {@link QuoteEngine#totals}, which gives the quote's numbers without its
 * explanation (checked equal to the quote's at set-up); {@code engineFixedRulesTotalsRead} also
 * reads every line's amounts. Measured with {@code -bm sample} for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QuoteBenchmark {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Instant AT = Instant.parse("2026-11-11T04:00:00Z");
  private static final int PRODUCTS = 100;
  private static final int LINES = 10;

  private PriceList prices;
  private RuleSet hundred;
  private RuleSet fixed;
  private Cart cart;
  private java.util.Map<ProductId, BigDecimal> unitPrices;
  private java.util.Map<ProductId, PriceEntry> entriesByProduct;
  private ProductId[] lineProducts;
  private long[] lineQuantities;

  /** Builds the price list, the rule sets and the cart, and checks the loop against the engine. */
  @Setup
  public void setUp() {
    java.util.List<PriceEntry> entries = new ArrayList<>();
    java.util.List<PricingRule> rules = new ArrayList<>();
    unitPrices = new java.util.HashMap<>();
    entriesByProduct = new java.util.HashMap<>();
    for (int i = 0; i < PRODUCTS; i++) {
      ProductId product = ProductId.parse("p-" + i);
      BigDecimal price = BigDecimal.valueOf(100_000L + 137L * i, 2);
      unitPrices.put(product, price);
      entries.add(new PriceEntry("p-" + i, new PriceTarget.ForProduct(product),
          UnitPrice.of(Money.of(price, CNY), QuantityUnit.PIECE), Option.none(), List.empty(),
          HashSet.empty(), HashSet.empty(), Option.none(), Option.none(), Option.none()));
      rules.add(PricingRule.stackable(PricingRuleId.parse("r-" + i), "Rule " + i, i % 10,
          List.of(new Condition.Products(HashSet.of(product))),
          new DiscountAction.PercentOff(Percentage.ofBasisPoints(100 + 7L * i))));
    }
    for (PriceEntry entry : entries) {
      entriesByProduct.put(((PriceTarget.ForProduct) entry.target()).product(), entry);
    }
    prices = PriceList.of(List.of(new PriceBook(PriceBookId.parse("bench"), "Bench", CNY,
        Vector.ofAll(entries), AT.minusSeconds(86_400))));
    hundred = new RuleSet("Hundred", CNY, DiscountPolicy.DISCOUNTS_ALLOWED,
        RoundingPolicy.STANDARD, Option.none(), Vector.ofAll(rules), AT);
    fixed = new RuleSet("Fixed", CNY, DiscountPolicy.DISCOUNTS_ALLOWED, RoundingPolicy.STANDARD,
        Option.none(), List.of(
            PricingRule.stackable(PricingRuleId.parse("ten"), "10 % off", 20, List.empty(),
                new DiscountAction.PercentOff(Percentage.ofPercent(10))),
            PricingRule.stackable(PricingRuleId.parse("fifty"), "50 off two or more", 10,
                List.of(new Condition.MinQuantity(Quantity.pieces(2))),
                new DiscountAction.AmountOff(Money.of("50.00", CNY),
                    DiscountAction.AmountBasis.LINE))), AT);
    java.util.List<CartLine> lines = new ArrayList<>();
    lineProducts = new ProductId[LINES];
    lineQuantities = new long[LINES];
    for (int i = 0; i < LINES; i++) {
      lineProducts[i] = ProductId.parse("p-" + (i * 7));
      lineQuantities[i] = 1 + i % 3;
      lines.add(new CartLine("L" + i, lineProducts[i], HashSet.empty(), HashMap.empty(),
          Quantity.pieces(lineQuantities[i])));
    }
    cart = new Cart(CNY, Vector.ofAll(lines), CustomerContext.ANONYMOUS, "store", AT,
        HashSet.empty());
    Money engine = engineFixedRules().total();
    BigDecimal loop = handWrittenLoop();
    BigDecimal selecting = handWrittenLoopSelectingPrices();
    if (engine.amount().compareTo(loop) != 0 || selecting.compareTo(loop) != 0
        || hundredRules().ruleTotals().size() != LINES) {
      throw new IllegalStateException("The loop gives " + loop + ", the engine " + engine);
    }
    if (!engineFixedRulesTotals().equals(engineFixedRules().totals())
        || !hundredRulesTotals().equals(hundredRules().totals())) {
      throw new IllegalStateException("The totals-only entry point differs from the quote");
    }
  }

  /** Quotes the cart against 100 rules, 10 of which apply. */
  @Benchmark
  public Quote hundredRules() {
    return QuoteEngine.quote(prices, hundred, cart, CouponUsage.NONE).get();
  }

  /** Quotes the cart against the fixed simple rule set. */
  @Benchmark
  public Quote engineFixedRules() {
    return QuoteEngine.quote(prices, fixed, cart, CouponUsage.NONE).get();
  }

  /** Computes the cart's totals against 100 rules, without the explanation. */
  @Benchmark
  public QuoteTotals hundredRulesTotals() {
    return QuoteEngine.totals(prices, hundred, cart, CouponUsage.NONE).get();
  }

  /** Computes the cart's totals against the fixed simple rule set, without the explanation. */
  @Benchmark
  public QuoteTotals engineFixedRulesTotals() {
    return QuoteEngine.totals(prices, fixed, cart, CouponUsage.NONE).get();
  }

  /**
   * Computes the cart's totals as {@link #engineFixedRulesTotals} does, then reads every line's
   * base, final and rounded amounts: a line of totals worked in whole units makes these objects
   * when they are read, so this is what a listing that shows every line pays.
   */
  @Benchmark
  public void engineFixedRulesTotalsRead(Blackhole sink) {
    QuoteTotals totals = QuoteEngine.totals(prices, fixed, cart, CouponUsage.NONE).get();
    for (LineTotal line : totals.lines()) {
      sink.consume(line.baseAmount());
      sink.consume(line.finalAmount());
      sink.consume(line.roundedAmount());
    }
    sink.consume(totals);
  }

  /** Computes the fixed rule set's total by hand: the baseline for the engine's overhead. */
  @Benchmark
  public BigDecimal handWrittenLoop() {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal keep = new BigDecimal("0.9");
    BigDecimal fifty = new BigDecimal("50.00");
    for (int i = 0; i < LINES; i++) {
      BigDecimal quantity = BigDecimal.valueOf(lineQuantities[i]);
      BigDecimal line = unitPrices.get(lineProducts[i]).multiply(quantity).multiply(keep);
      if (lineQuantities[i] >= 2) {
        line = line.subtract(fifty.min(line)).max(BigDecimal.ZERO);
      }
      total = total.add(line.setScale(2, RoundingMode.HALF_EVEN));
    }
    return total;
  }

  /**
   * Computes the same total by hand, reading each line's price from the price book's entry as a
   * hand-written implementation would (the entry of the product, its currency, validity, channel
   * and unit checked, the sale price if lower), and keeping the subtotal and the discount as the
   * quote does: the like-for-like baseline.
   */
  @Benchmark
  public BigDecimal handWrittenLoopSelectingPrices() {
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal keep = new BigDecimal("0.9");
    BigDecimal fifty = new BigDecimal("50.00");
    for (int i = 0; i < LINES; i++) {
      PriceEntry entry = entriesByProduct.get(lineProducts[i]);
      if (entry == null || !entry.list().currency().equals(CNY)
          || entry.validity().exists(window -> !window.contains(AT))
          || !entry.channels().isEmpty() && !entry.channels().contains("store")
          || entry.list().unit() != QuantityUnit.PIECE) {
        throw new IllegalStateException("No price for " + lineProducts[i]);
      }
      BigDecimal unit = entry.list().amount();
      if (entry.sale().isDefined() && entry.sale().get().amount().compareTo(unit) < 0) {
        unit = entry.sale().get().amount();
      }
      BigDecimal base = unit.multiply(BigDecimal.valueOf(lineQuantities[i]));
      BigDecimal line = base.multiply(keep);
      if (lineQuantities[i] >= 2) {
        line = line.subtract(fifty.min(line)).max(BigDecimal.ZERO);
      }
      subtotal = subtotal.add(base);
      discount = discount.add(line.subtract(base));
      total = total.add(line.setScale(2, RoundingMode.HALF_EVEN));
    }
    return subtotal.signum() >= 0 && discount.signum() <= 0 ? total : BigDecimal.ONE.negate();
  }
}
