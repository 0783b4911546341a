package io.rapport.crm.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.loyalty.CurrencyRole;
import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.EarnBasis;
import io.rapport.crm.loyalty.EarnFilter;
import io.rapport.crm.loyalty.EarnRule;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.ProgramCurrency;
import io.rapport.crm.loyalty.ProgramDraft;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierBenefits;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierWindow;
import io.rapport.crm.pricing.Cart;
import io.rapport.crm.pricing.CartLine;
import io.rapport.crm.pricing.CartRejection;
import io.rapport.crm.pricing.Condition;
import io.rapport.crm.pricing.CouponUsage;
import io.rapport.crm.pricing.CustomerContext;
import io.rapport.crm.pricing.DiscountAction;
import io.rapport.crm.pricing.DiscountPolicy;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.PricingRule;
import io.rapport.crm.pricing.Quote;
import io.rapport.crm.pricing.QuoteEngine;
import io.rapport.crm.pricing.RoundingPolicy;
import io.rapport.crm.pricing.RuleSet;
import io.rapport.crm.testkit.generators.CartGenerators;
import io.rapport.crm.testkit.generators.ClvGenerators;
import io.rapport.crm.testkit.generators.SegmentGenerators;
import io.rapport.crm.testkit.generators.SurveyGenerators;
import io.rapport.crm.testkit.laws.MemberLaws;
import io.rapport.crm.testkit.laws.PurchaseModelLaws;
import io.rapport.crm.testkit.laws.QuoteCase;
import io.rapport.crm.testkit.laws.QuoteLaws;
import io.rapport.crm.testkit.laws.SegmentLaws;
import io.rapport.crm.testkit.laws.SurveyLaws;
import io.rapport.crm.testkit.laws.ValueLaws;
import io.rapport.crm.value.BgNbd;
import io.rapport.crm.value.GammaGamma;
import io.rapport.crm.value.PurchaseModel;
import io.rapport.crm.value.RfmRule;
import io.rapport.crm.value.RfmSegments;
import io.rapport.crm.value.ScoreRange;
import io.rapport.crm.value.SurveyScale;
import io.rapport.crm.value.ValuePyramid;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The examples of docs/property-testing.md, run: a team checks crm-testkit's laws on its own
 * pricing rules, loyalty program and value models, and the laws catch a planted bug.
 */
class PropertyTestingExampleTest {

  static final Currency CNY = Currency.getInstance("CNY");
  static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");

  // tag::pricing-setup[]
  static final ProductId ARMCHAIR = ProductId.parse("zitan-armchair");
  static final ProductId TEA_TABLE = ProductId.parse("tea-table");

  static PriceEntry perUnit(String code, ProductId product, String amount, QuantityUnit unit,
      String floor) {
    UnitPrice list = UnitPrice.of(Money.of(amount, CNY), unit);
    return new PriceEntry(code, new PriceTarget.ForProduct(product), list, Option.none(),
        List.empty(), HashSet.empty(), HashSet.empty(), Option.none(), Option.none(),
        Option.some(UnitPrice.of(Money.of(floor, CNY), unit)));
  }

  /** Our price book: the armchair by weight, the tea table by the piece, each with a floor. */
  static final PriceList OUR_PRICES = PriceList.of(List.of(PriceBook.define(
      PriceBookId.parse("retail"), "Retail", CNY, List.of(
          perUnit("armchair", ARMCHAIR, "1280.00", QuantityUnit.JIN, "1100.00"),
          perUnit("tea-table", TEA_TABLE, "36800.00", QuantityUnit.PIECE, "30000.00")),
      AT.minusSeconds(86_400)).get()));

  /** Our spring promotion: 8 % off armchairs, then CNY 500 off orders listed at 50 000 or more. */
  static final RuleSet OUR_RULES = new RuleSet("Spring promotion", CNY,
      DiscountPolicy.DISCOUNTS_ALLOWED, RoundingPolicy.STANDARD, Option.none(), List.of(
          PricingRule.stackable(PricingRuleId.parse("armchairs-8"), "8 % off armchairs", 20,
              List.of(new Condition.Products(HashSet.of(ARMCHAIR))),
              new DiscountAction.PercentOff(Percentage.ofPercent(8))),
          PricingRule.stackable(PricingRuleId.parse("big-order"), "CNY 500 off big orders", 10,
              List.of(new Condition.CartSubtotalAtLeast(Money.of("50000.00", CNY))),
              new DiscountAction.AmountOff(Money.of("500.00", CNY),
                  DiscountAction.AmountBasis.ORDER))),
      AT.minusSeconds(86_400));
  // end::pricing-setup[]

  @Test
  void ourPricingRulesKeepEveryQuoteLaw() {
    // tag::quote-laws[]
    Gen<QuoteCase> ourCarts = CartGenerators.cases(OUR_PRICES, OUR_RULES, AT);
    assertThatCode(() -> QuoteLaws.all(ourCarts)).doesNotThrowAnyException();
    // end::quote-laws[]
    Cart fortyJin = new Cart(CNY, List.of(CartLine.of("L1", ARMCHAIR,
        Quantity.of("40", QuantityUnit.JIN))), CustomerContext.ANONYMOUS, "store", AT,
        HashSet.empty());
    Quote quote = QuoteEngine.quote(OUR_PRICES, OUR_RULES, fortyJin, CouponUsage.NONE).get();
    assertThat(quote.subtotal()).isEqualByComparingTo("51200.00");
    assertThat(quote.total()).isEqualTo(Money.of("46604.00", CNY));
  }

  @Test
  void theQuoteLawsCatchAnEngineThatAddsASurcharge() {
    // tag::quote-engine[]
    // Our own engine: a wrapper that (wrongly) adds a CNY 1.00 "service fee" to every line.
    QuoteLaws.Engine withFee = new QuoteLaws.Engine() {
      @Override
      public Either<CartRejection, Quote> quote(PriceList prices, RuleSet rules, Cart cart,
          CouponUsage usage) {
        return QuoteEngine.quote(prices, rules, cart, usage).map(q -> new Quote(q.currency(),
            q.lines(), q.ruleTotals(), q.notApplied(), q.subtotal(), q.discount(),
            q.exactTotal(), q.total().plus(Money.of("1.00", CNY)), q.rounding()));
      }
    };
    Gen<QuoteCase> ourCarts = CartGenerators.cases(OUR_PRICES, OUR_RULES, AT);
    assertThatThrownBy(() -> QuoteLaws.explanationSumsExactly(ourCarts, withFee))
        .isInstanceOf(AssertionError.class);
    // end::quote-engine[]
  }

  // tag::loyalty-setup[]
  static final PointCurrency JADE = PointCurrency.of("jade");

  /** Our club: 1 jade point per CNY 10, kept a year; collectors from 3 000 points a year. */
  static LoyaltyProgram ourClub() {
    ProgramDraft draft = new ProgramDraft("Hongmu Club", ZoneId.of("Asia/Shanghai"), CNY,
        List.of(new ProgramCurrency(JADE, HashSet.of(CurrencyRole.QUALIFYING,
            CurrencyRole.REDEEMABLE), new PointsExpiry.AfterDays(365))),
        List.of(new EarnRule("spend", "1 point per CNY 10", JADE,
            new EarnBasis.PerSpend(1, Money.of("10.00", CNY), RoundingMode.DOWN),
            EarnFilter.ANY, true, Option.none(), Option.none(), Option.none())),
        new TierLadder(List.of(
            new Tier("guest", "Guest", List.empty(), new TierBenefits(Percentage.ZERO,
                BigDecimal.ONE, Option.none(), HashSet.empty())),
            new Tier("collector", "Collector", List.of(new TierThreshold.QualifyingPoints(JADE,
                3_000)), new TierBenefits(Percentage.ofPercent(3), new BigDecimal("1.5"),
                Option.of(Priority.HIGH), HashSet.of("free-delivery")))),
            new TierWindow.Rolling(12), Period.ofMonths(2), DowngradePolicy.ONE_LEVEL),
        Option.none(), RedemptionOrder.OLDEST_FIRST, NegativeBalancePolicy.ALLOW, 7);
    return LoyaltyProgram.define(LoyaltyProgramId.parse("hongmu-club"), draft, AT).get();
  }
  // end::loyalty-setup[]

  @Test
  void ourLoyaltyProgramKeepsEveryMemberLaw() {
    // tag::member-laws[]
    assertThatCode(() -> MemberLaws.checkAll(ourClub())).doesNotThrowAnyException();
    // end::member-laws[]
    assertThat(ourClub().ladder().tiers().map(Tier::code)).containsExactly("guest", "collector");
  }

  @Test
  void ourValueModelsKeepEveryLaw() {
    // tag::value-laws[]
    // Our fitted models (weeks), e.g. from `rapport clv fit --model bgnbd` and `--model gg`.
    PurchaseModel ourModel = new BgNbd(0.243, 4.414, 0.793, 2.426);
    GammaGamma ourSpend = new GammaGamma(6.25, 3.74, 15.44);
    // Our own RFM map on quartiles: a catch-all last, so every customer gets a segment.
    RfmSegments ourMap = RfmSegments.of(4, List.of(
        new RfmRule("patrons", ScoreRange.of(3, 4), ScoreRange.of(3, 4), ScoreRange.of(3, 4)),
        RfmRule.of("drifting", ScoreRange.of(1, 2), ScoreRange.of(3, 4), 4),
        RfmRule.catchAll("others", 4)));
    assertThatCode(() -> {
      PurchaseModelLaws.all(ourModel, PurchaseModelLaws.summaries(200, 78), 52);
      ValueLaws.clvRisesWithMargin(ourModel, ourSpend, ClvGenerators.summaries(),
          ClvGenerators.options());
      ValueLaws.clvFallsWithDiscountRate(ourModel, ourSpend, ClvGenerators.summaries(),
          ClvGenerators.options());
      ValueLaws.discountedNeverExceedsUndiscounted(ourModel, ourSpend,
          ClvGenerators.summaries(), ClvGenerators.options(), ClvGenerators.margins(CNY),
          ClvGenerators.discountRates());
      ValueLaws.pyramidIsTotalAndOrderIndependent(ClvGenerators.clvLists(),
          ValuePyramid.Cutoffs.DEFAULT);
      SegmentLaws.all(SegmentGenerators.summaryTables(80), ourMap,
          SegmentGenerators.histories(), SegmentGenerators.AS_OF);
      SurveyLaws.npsInRangeAndInsideItsInterval(SurveyGenerators.npsAnswers(),
          SurveyLaws.STANDARD);
      SurveyLaws.csatInRange(SurveyGenerators.answers(SurveyScale.ONE_TO_FIVE),
          SurveyScale.ONE_TO_FIVE);
    }).doesNotThrowAnyException();
    // end::value-laws[]
    assertThat(ourMap.rules().map(RfmRule::name)).containsExactly("patrons", "drifting", "others");
  }

  @Test
  void propertyTestingQuotesExactlyTheTaggedLines() {
    var doc = Snippets.inRepository("docs/property-testing.md");
    var source = Snippets.testSource(PropertyTestingExampleTest.class);
    assertThat(Snippets.markers(doc)).containsExactly("pricing-setup", "quote-laws",
        "quote-engine", "loyalty-setup", "member-laws", "value-laws");
    for (String tag : Snippets.markers(doc)) {
      assertThat(Snippets.quoted(doc, tag)).as(tag)
          .containsExactlyElementsOf(Snippets.tagged(source, tag));
    }
  }
}
