package io.rapport.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.Violation;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Examples of defining, revising and querying a loyalty program. */
class LoyaltyProgramTest {

  static final LoyaltyProgramId ID = LoyaltyProgramId.parse("rosewood");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Currency CNY = Currency.getInstance("CNY");
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final PointCurrency POINTS = LoyaltyPrograms.POINTS;
  static final PointCurrency CREDITS = LoyaltyPrograms.TIER_CREDITS;

  /** The standard program in CNY, Shanghai time, defined at T0. */
  static LoyaltyProgram standard() {
    return LoyaltyPrograms.standard(ID, "Rosewood Circle", SHANGHAI, CNY, T0);
  }

  static Money cny(String amount) {
    return Money.of(amount, CNY);
  }

  static ProgramDraft base() {
    return standard().draft();
  }

  static ProgramDraft withName(ProgramDraft d, String name) {
    return new ProgramDraft(name, d.zone(), d.spendCurrency(), d.currencies(), d.earnRules(),
        d.ladder(), d.referral(), d.redemptionOrder(), d.negativeBalance(), d.pendingDays());
  }

  static ProgramDraft withSpendCurrency(ProgramDraft d, Currency currency) {
    return new ProgramDraft(d.name(), d.zone(), currency, d.currencies(), d.earnRules(),
        d.ladder(), d.referral(), d.redemptionOrder(), d.negativeBalance(), d.pendingDays());
  }

  static ProgramDraft withCurrencies(ProgramDraft d, Seq<ProgramCurrency> currencies) {
    return new ProgramDraft(d.name(), d.zone(), d.spendCurrency(), currencies, d.earnRules(),
        d.ladder(), d.referral(), d.redemptionOrder(), d.negativeBalance(), d.pendingDays());
  }

  static ProgramDraft withRules(ProgramDraft d, Seq<EarnRule> rules) {
    return new ProgramDraft(d.name(), d.zone(), d.spendCurrency(), d.currencies(), rules,
        d.ladder(), d.referral(), d.redemptionOrder(), d.negativeBalance(), d.pendingDays());
  }

  static ProgramDraft withRule(ProgramDraft d, int index, UnaryOperator<EarnRule> change) {
    return withRules(d, d.earnRules().update(index, change.apply(d.earnRules().get(index))));
  }

  static ProgramDraft withLadder(ProgramDraft d, TierLadder ladder) {
    return new ProgramDraft(d.name(), d.zone(), d.spendCurrency(), d.currencies(), d.earnRules(),
        ladder, d.referral(), d.redemptionOrder(), d.negativeBalance(), d.pendingDays());
  }

  static ProgramDraft withTiers(ProgramDraft d, Seq<Tier> tiers) {
    TierLadder l = d.ladder();
    return withLadder(d, new TierLadder(tiers, l.window(), l.grace(), l.downgrade()));
  }

  static ProgramDraft withTier(ProgramDraft d, int index, UnaryOperator<Tier> change) {
    Seq<Tier> tiers = d.ladder().tiers();
    return withTiers(d, tiers.update(index, change.apply(tiers.get(index))));
  }

  static ProgramDraft withReferral(ProgramDraft d, Option<ReferralRule> referral) {
    return new ProgramDraft(d.name(), d.zone(), d.spendCurrency(), d.currencies(), d.earnRules(),
        d.ladder(), referral, d.redemptionOrder(), d.negativeBalance(), d.pendingDays());
  }

  static ProgramDraft withPendingDays(ProgramDraft d, int days) {
    return new ProgramDraft(d.name(), d.zone(), d.spendCurrency(), d.currencies(), d.earnRules(),
        d.ladder(), d.referral(), d.redemptionOrder(), d.negativeBalance(), days);
  }

  static EarnRule rule(EarnRule r, String code, String name, PointCurrency currency,
      EarnBasis basis) {
    return new EarnRule(code, name, currency, basis, r.filter(), r.tierMultiplied(),
        r.activeDuring(), r.capPerActivity(), r.capPerDay());
  }

  static EarnRule caps(EarnRule r, Option<Long> perActivity, Option<Long> perDay) {
    return new EarnRule(r.code(), r.name(), r.currency(), r.basis(), r.filter(),
        r.tierMultiplied(), r.activeDuring(), perActivity, perDay);
  }

  static EarnRule filtered(EarnRule r, EarnFilter filter) {
    return new EarnRule(r.code(), r.name(), r.currency(), r.basis(), filter, r.tierMultiplied(),
        r.activeDuring(), r.capPerActivity(), r.capPerDay());
  }

  static Tier tier(Tier t, String code, String name, Seq<TierThreshold> anyOf) {
    return new Tier(code, name, anyOf, t.benefits());
  }

  static Tier benefits(Tier t, TierBenefits benefits) {
    return new Tier(t.code(), t.name(), t.anyOf(), benefits);
  }

  static TierBenefits benefits(String discount, String multiplier, String... perks) {
    return new TierBenefits(Percentage.ofPercent(new BigDecimal(discount)),
        new BigDecimal(multiplier), Option.none(), HashSet.of(perks));
  }

  static ProgramDraft withWindowAndGrace(ProgramDraft d, TierWindow window, Period grace) {
    TierLadder l = d.ladder();
    return withLadder(d, new TierLadder(l.tiers(), window, grace, l.downgrade()));
  }

  static Seq<Tuple2<String, String>> codesAndFields(Seq<Violation> violations) {
    return violations.map(v -> Tuple.of(v.code(), v.field()));
  }

  static Seq<Tuple2<String, String>> problems(ProgramDraft draft) {
    Validation<Seq<Violation>, LoyaltyProgram> result = LoyaltyProgram.define(ID, draft, T0);
    return result.isValid() ? List.empty() : codesAndFields(result.getError());
  }

  static Stream<Arguments> mistakes() {
    ProgramDraft d = base();
    EarnBasis.PerSpend onePerUnit = new EarnBasis.PerSpend(1, cny("1"), RoundingMode.DOWN);
    return Stream.of(
        Arguments.of("loyalty.program.name.blank", "name", withName(d, "  ")),
        Arguments.of("loyalty.program.name.too_long", "name", withName(d, "x".repeat(201))),
        Arguments.of("loyalty.program.spend_currency.no_minor_unit", "spendCurrency",
            withSpendCurrency(withRules(d, d.earnRules().drop(2)), Currency.getInstance("XXX"))),
        Arguments.of("loyalty.program.currency.duplicate", "currencies[2].currency",
            withCurrencies(d, d.currencies().append(d.currencies().head()))),
        Arguments.of("loyalty.program.pending_days.out_of_range", "pendingDays",
            withPendingDays(d, 366)),
        Arguments.of("loyalty.program.pending_days.out_of_range", "pendingDays",
            withPendingDays(d, -1)),
        Arguments.of("loyalty.rule.code.malformed", "earnRules[0].code",
            withRule(d, 0, r -> rule(r, "Spend Points", r.name(), r.currency(), r.basis()))),
        Arguments.of("loyalty.rule.code.duplicate", "earnRules[1].code",
            withRule(d, 1, r -> rule(r, "spend-points", r.name(), r.currency(), r.basis()))),
        Arguments.of("loyalty.rule.name.blank", "earnRules[2].name",
            withRule(d, 2, r -> rule(r, r.code(), "", r.currency(), r.basis()))),
        Arguments.of("loyalty.rule.name.too_long", "earnRules[2].name",
            withRule(d, 2, r -> rule(r, r.code(), "n".repeat(201), r.currency(), r.basis()))),
        Arguments.of("loyalty.rule.currency.unknown", "earnRules[3].currency",
            withRule(d, 3, r -> rule(r, r.code(), r.name(), PointCurrency.of("miles"),
                r.basis()))),
        Arguments.of("loyalty.rule.points.not_positive", "earnRules[0].basis.points",
            withRule(d, 0, r -> rule(r, r.code(), r.name(), r.currency(),
                new EarnBasis.PerSpend(0, cny("1"), RoundingMode.DOWN)))),
        Arguments.of("loyalty.rule.points.not_positive", "earnRules[0].basis.points",
            withRule(d, 0, r -> rule(r, r.code(), r.name(), r.currency(),
                new EarnBasis.PerUnit(-3)))),
        Arguments.of("loyalty.rule.points.not_positive", "earnRules[2].basis.points",
            withRule(d, 2, r -> rule(r, r.code(), r.name(), r.currency(),
                new EarnBasis.PerEvent(LoyaltyEventKind.REGISTRATION, 0)))),
        Arguments.of("loyalty.rule.per.currency_mismatch", "earnRules[0].basis.per",
            withRule(d, 0, r -> rule(r, r.code(), r.name(), r.currency(),
                new EarnBasis.PerSpend(1, Money.of("1", Currency.getInstance("EUR")),
                    RoundingMode.DOWN)))),
        Arguments.of("loyalty.rule.per.not_positive", "earnRules[0].basis.per",
            withRule(d, 0, r -> rule(r, r.code(), r.name(), r.currency(),
                new EarnBasis.PerSpend(1, cny("0"), RoundingMode.DOWN)))),
        Arguments.of("loyalty.rule.cap.not_positive", "earnRules[4].capPerDay",
            withRule(d, 4, r -> caps(r, Option.none(), Option.of(0L)))),
        Arguments.of("loyalty.rule.cap.not_positive", "earnRules[0].capPerActivity",
            withRule(d, 0, r -> caps(r, Option.of(-5L), Option.none()))),
        Arguments.of("loyalty.rule.filter.blank", "earnRules[0].filter.channels",
            withRule(d, 0, r -> filtered(r, new EarnFilter(HashSet.empty(), HashSet.empty(),
                HashSet.of("store", " "), HashSet.empty())))),
        Arguments.of("loyalty.rule.filter.blank", "earnRules[0].filter.categories",
            withRule(d, 0, r -> filtered(r, new EarnFilter(HashSet.empty(), HashSet.of(""),
                HashSet.empty(), HashSet.empty())))),
        Arguments.of("loyalty.tier.ladder.empty", "ladder.tiers", withTiers(d, List.empty())),
        Arguments.of("loyalty.tier.base.threshold", "ladder.tiers[0].anyOf",
            withTier(d, 0, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.Purchases(1))))),
        Arguments.of("loyalty.tier.threshold.missing", "ladder.tiers[3].anyOf",
            withTier(d, 3, t -> tier(t, t.code(), t.name(), List.empty()))),
        Arguments.of("loyalty.tier.code.malformed", "ladder.tiers[1].code",
            withTier(d, 1, t -> tier(t, "-silver", t.name(), t.anyOf()))),
        Arguments.of("loyalty.tier.code.duplicate", "ladder.tiers[2].code",
            withTier(d, 2, t -> tier(t, "silver", t.name(), t.anyOf()))),
        Arguments.of("loyalty.tier.name.blank", "ladder.tiers[1].name",
            withTier(d, 1, t -> tier(t, t.code(), "\t", t.anyOf()))),
        Arguments.of("loyalty.tier.name.too_long", "ladder.tiers[1].name",
            withTier(d, 1, t -> tier(t, t.code(), "g".repeat(201), t.anyOf()))),
        Arguments.of("loyalty.tier.threshold.currency.unknown", "ladder.tiers[2].anyOf[0].currency",
            withTier(d, 2, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.QualifyingPoints(PointCurrency.of("miles"), 20_000))))),
        Arguments.of("loyalty.tier.threshold.not_qualifying", "ladder.tiers[2].anyOf[0].currency",
            withTier(d, 2, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.QualifyingPoints(POINTS, 20_000))))),
        Arguments.of("loyalty.tier.threshold.currency_mismatch", "ladder.tiers[2].anyOf[0].minimum",
            withTier(d, 2, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.Spend(Money.of("100", Currency.getInstance("USD"))))))),
        Arguments.of("loyalty.tier.threshold.minimum.not_positive",
            "ladder.tiers[2].anyOf[0].minimum",
            withTier(d, 2, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.Spend(cny("0")))))),
        Arguments.of("loyalty.tier.threshold.minimum.not_positive",
            "ladder.tiers[1].anyOf[1].minimum",
            withTier(d, 1, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.QualifyingPoints(CREDITS, 5_000),
                    new TierThreshold.Purchases(0))))),
        Arguments.of("loyalty.tier.threshold.no_referral", "ladder.tiers[1].anyOf[1]",
            withReferral(withTier(d, 1, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.QualifyingPoints(CREDITS, 5_000),
                    new TierThreshold.Referrals(3)))), Option.none())),
        Arguments.of("loyalty.tier.threshold.overlapping", "ladder.tiers[2].anyOf[0].minimum",
            withTier(d, 2, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.QualifyingPoints(CREDITS, 5_000))))),
        Arguments.of("loyalty.tier.threshold.overlapping", "ladder.tiers[3].anyOf[1].minimum",
            withTier(d, 3, t -> tier(t, t.code(), t.name(),
                List.of(new TierThreshold.QualifyingPoints(CREDITS, 50_000),
                    new TierThreshold.Purchases(4))))),
        Arguments.of("loyalty.tier.window.months.out_of_range", "ladder.window.months",
            withWindowAndGrace(d, new TierWindow.Rolling(121), Period.ofMonths(1))),
        Arguments.of("loyalty.tier.window.months.out_of_range", "ladder.window.months",
            withWindowAndGrace(d, new TierWindow.Rolling(0), Period.ofMonths(1))),
        Arguments.of("loyalty.tier.grace.negative", "ladder.grace",
            withWindowAndGrace(d, new TierWindow.CalendarYear(), Period.of(0, 2, -1))),
        Arguments.of("loyalty.tier.grace.too_long", "ladder.grace",
            withWindowAndGrace(d, new TierWindow.CalendarYear(), Period.of(1, 0, 1))),
        Arguments.of("loyalty.tier.grace.too_long", "ladder.grace",
            withWindowAndGrace(d, new TierWindow.Anniversary(), Period.ofDays(366))),
        Arguments.of("loyalty.tier.discount.out_of_range", "ladder.tiers[1].benefits.discount",
            withTier(d, 1, t -> benefits(t, benefits("100.5", "1.25")))),
        Arguments.of("loyalty.tier.discount.out_of_range", "ladder.tiers[0].benefits.discount",
            withTier(d, 0, t -> benefits(t, benefits("-1", "1")))),
        Arguments.of("loyalty.tier.multiplier.out_of_range",
            "ladder.tiers[0].benefits.pointsMultiplier",
            withTier(d, 0, t -> benefits(t, benefits("0", "0.9")))),
        Arguments.of("loyalty.tier.multiplier.out_of_range",
            "ladder.tiers[3].benefits.pointsMultiplier",
            withTier(d, 3, t -> benefits(t, benefits("15", "100.01")))),
        Arguments.of("loyalty.tier.perk.blank", "ladder.tiers[2].benefits.perks",
            withTier(d, 2, t -> benefits(t, benefits("10", "1.5", "free-delivery", " ")))),
        Arguments.of("loyalty.referral.currency.unknown", "referral.currency",
            withReferral(d, Option.of(new ReferralRule(ReferralTrigger.REGISTRATION,
                PointCurrency.of("miles"), 10, 10)))),
        Arguments.of("loyalty.referral.points.negative", "referral.referredPoints",
            withReferral(d, Option.of(new ReferralRule(ReferralTrigger.REGISTRATION,
                POINTS, 10, -10)))),
        Arguments.of("loyalty.referral.points.negative", "referral.referrerPoints",
            withReferral(d, Option.of(new ReferralRule(ReferralTrigger.REGISTRATION,
                POINTS, -1, 10)))),
        Arguments.of("loyalty.referral.points.zero", "referral",
            withReferral(d, Option.of(new ReferralRule(ReferralTrigger.FIRST_PURCHASE,
                POINTS, 0, 0)))),
        Arguments.of("loyalty.rule.points.not_positive", "earnRules[1].basis.points",
            withRule(d, 1, r -> rule(r, r.code(), r.name(), r.currency(),
                new EarnBasis.PerSpend(-1, onePerUnit.per(), RoundingMode.HALF_UP)))));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("mistakes")
  void reportsEachMistakeWithItsCodeAndField(String code, String field, ProgramDraft draft) {
    assertThat(problems(draft)).containsExactly(Tuple.of(code, field));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("mistakes")
  void theConstructorThrowsTheSameViolations(String code, String field, ProgramDraft draft) {
    assertThatThrownBy(() -> new LoyaltyProgram(ID, draft.name(), draft.zone(),
        draft.spendCurrency(), draft.currencies(), draft.earnRules(), draft.ladder(),
        draft.referral(), draft.redemptionOrder(), draft.negativeBalance(), draft.pendingDays(),
        T0))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(codesAndFields(e.violations())).containsExactly(Tuple.of(code, field)));
  }

  @Test
  void definesAValidDraftWithItsTime() {
    ProgramDraft draft = base();
    LoyaltyProgram program = LoyaltyProgram.define(ID, draft, T0.plusSeconds(60)).get();
    assertThat(program.id()).isEqualTo(ID);
    assertThat(program.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(program.draft()).isEqualTo(draft);
  }

  @Test
  void reportsThatAProgramWithoutCurrenciesLeavesEveryUseUnknown() {
    assertThat(problems(withCurrencies(base(), List.empty()))).containsExactly(
        Tuple.of("loyalty.program.currencies.empty", "currencies"),
        Tuple.of("loyalty.rule.currency.unknown", "earnRules[0].currency"),
        Tuple.of("loyalty.rule.currency.unknown", "earnRules[1].currency"),
        Tuple.of("loyalty.rule.currency.unknown", "earnRules[2].currency"),
        Tuple.of("loyalty.rule.currency.unknown", "earnRules[3].currency"),
        Tuple.of("loyalty.rule.currency.unknown", "earnRules[4].currency"),
        Tuple.of("loyalty.tier.threshold.currency.unknown", "ladder.tiers[1].anyOf[0].currency"),
        Tuple.of("loyalty.tier.threshold.currency.unknown", "ladder.tiers[2].anyOf[0].currency"),
        Tuple.of("loyalty.tier.threshold.currency.unknown", "ladder.tiers[3].anyOf[0].currency"),
        Tuple.of("loyalty.referral.currency.unknown", "referral.currency"));
  }

  @Test
  void reportsEveryMistakeOfADraftAtOnce() {
    ProgramDraft d = base();
    d = withName(d, "");
    d = withRule(d, 0, r -> rule(r, "spend points", r.name(), PointCurrency.of("miles"),
        new EarnBasis.PerSpend(0, cny("-1"), RoundingMode.DOWN)));
    d = withRule(d, 4, r -> caps(r, Option.of(0L), Option.of(0L)));
    d = withTier(d, 2, t -> tier(t, "silver", t.name(),
        List.of(new TierThreshold.QualifyingPoints(POINTS, 4_000))));
    d = withTier(d, 3, t -> benefits(t, benefits("120", "0.5")));
    d = withWindowAndGrace(d, new TierWindow.Rolling(200), Period.ofDays(-3));
    d = withReferral(d, Option.of(new ReferralRule(ReferralTrigger.REGISTRATION, POINTS, 0, 0)));
    d = withPendingDays(d, 400);
    assertThat(problems(d)).containsExactly(
        Tuple.of("loyalty.program.name.blank", "name"),
        Tuple.of("loyalty.rule.code.malformed", "earnRules[0].code"),
        Tuple.of("loyalty.rule.currency.unknown", "earnRules[0].currency"),
        Tuple.of("loyalty.rule.per.not_positive", "earnRules[0].basis.per"),
        Tuple.of("loyalty.rule.points.not_positive", "earnRules[0].basis.points"),
        Tuple.of("loyalty.rule.cap.not_positive", "earnRules[4].capPerActivity"),
        Tuple.of("loyalty.rule.cap.not_positive", "earnRules[4].capPerDay"),
        Tuple.of("loyalty.tier.code.duplicate", "ladder.tiers[2].code"),
        Tuple.of("loyalty.tier.threshold.not_qualifying", "ladder.tiers[2].anyOf[0].currency"),
        Tuple.of("loyalty.tier.window.months.out_of_range", "ladder.window.months"),
        Tuple.of("loyalty.tier.grace.negative", "ladder.grace"),
        Tuple.of("loyalty.tier.discount.out_of_range", "ladder.tiers[3].benefits.discount"),
        Tuple.of("loyalty.tier.multiplier.out_of_range",
            "ladder.tiers[3].benefits.pointsMultiplier"),
        Tuple.of("loyalty.referral.points.zero", "referral"),
        Tuple.of("loyalty.program.pending_days.out_of_range", "pendingDays"));
  }

  @Test
  void comparesThresholdsOfOneKindOnlyWithEachOther() {
    ProgramDraft d = withTier(base(), 2, t -> tier(t, t.code(), t.name(),
        List.of(new TierThreshold.Spend(cny("100")), new TierThreshold.Purchases(6))));
    d = withTier(d, 3, t -> tier(t, t.code(), t.name(),
        List.of(new TierThreshold.QualifyingPoints(CREDITS, 6_000),
            new TierThreshold.Spend(cny("100.01")))));
    assertThat(problems(d)).isEmpty();
  }

  @Test
  void comparesAThresholdWithTheHighestBelowNotOnlyTheNextTier() {
    ProgramDraft d = withTier(base(), 2, t -> tier(t, t.code(), t.name(),
        List.of(new TierThreshold.QualifyingPoints(CREDITS, 3_000))));
    assertThat(problems(d)).containsExactly(
        Tuple.of("loyalty.tier.threshold.overlapping", "ladder.tiers[2].anyOf[0].minimum"));
    ProgramDraft skipping = withTier(d, 3, t -> tier(t, t.code(), t.name(),
        List.of(new TierThreshold.QualifyingPoints(CREDITS, 4_000))));
    assertThat(problems(skipping)).containsExactly(
        Tuple.of("loyalty.tier.threshold.overlapping", "ladder.tiers[2].anyOf[0].minimum"),
        Tuple.of("loyalty.tier.threshold.overlapping", "ladder.tiers[3].anyOf[0].minimum"));
  }

  @Test
  void acceptsTheEdgesOfEveryRange() {
    ProgramDraft d = withName(base(), "x".repeat(200));
    d = withPendingDays(d, 365);
    d = withWindowAndGrace(d, new TierWindow.Rolling(120), Period.ofYears(1));
    d = withTier(d, 0, t -> benefits(t, benefits("0", "1")));
    d = withTier(d, 3, t -> benefits(t, benefits("100", "100")));
    d = withReferral(d, Option.of(new ReferralRule(ReferralTrigger.REGISTRATION, CREDITS, 0, 1)));
    assertThat(problems(d)).isEmpty();
    assertThat(problems(withWindowAndGrace(withPendingDays(d, 0), new TierWindow.Rolling(1),
        Period.ZERO))).isEmpty();
    assertThat(problems(withWindowAndGrace(d, new TierWindow.Anniversary(),
        Period.of(0, 11, 24)))).isEmpty();
    assertThat(problems(withWindowAndGrace(d, new TierWindow.Anniversary(),
        Period.of(0, 11, 25)))).containsExactly(Tuple.of("loyalty.tier.grace.too_long",
            "ladder.grace"));
  }

  @Test
  void revisesKeepingTheIdAndMovingTheTime() {
    LoyaltyProgram program = standard();
    Instant later = T0.plusSeconds(3_600);
    LoyaltyProgram revised = program.revise(withPendingDays(program.draft(), 14), later).get();
    assertThat(revised.id()).isEqualTo(ID);
    assertThat(revised.pendingDays()).isEqualTo(14);
    assertThat(revised.updatedAt()).isEqualTo(later);
    assertThat(program.revise(program.draft(), T0).isValid()).isTrue();
  }

  @Test
  void refusesARevisionDatedBeforeTheLastChangeWithEveryOtherMistake() {
    LoyaltyProgram program = standard();
    assertThat(codesAndFields(program.revise(program.draft(), T0.minusSeconds(1)).getError()))
        .containsExactly(Tuple.of("loyalty.program.out_of_order", "at"));
    assertThat(codesAndFields(program.revise(withName(program.draft(), ""), T0.minusSeconds(1))
        .getError())).containsExactly(Tuple.of("loyalty.program.out_of_order", "at"),
            Tuple.of("loyalty.program.name.blank", "name"));
  }

  @Test
  void answersCurrencyQueries() {
    LoyaltyProgram program = standard();
    assertThat(program.currency(POINTS).map(ProgramCurrency::isRedeemable)).containsExactly(true);
    assertThat(program.currency(PointCurrency.of("miles"))).isEmpty();
    assertThat(program.qualifyingCurrencies()).containsExactly(CREDITS);
    assertThat(program.redeemableCurrencies()).containsExactly(POINTS);
  }

  @Test
  void answersTierQueries() {
    LoyaltyProgram program = standard();
    assertThat(program.baseTier().code()).isEqualTo("member");
    assertThat(program.tier("gold").map(Tier::name)).containsExactly("Gold");
    assertThat(program.tier("diamond")).isEmpty();
    assertThat(program.tierRank("member")).containsExactly(0);
    assertThat(program.tierRank("platinum")).containsExactly(3);
    assertThat(program.tierRank("diamond")).isEmpty();
    assertThat(program.tierAbove("silver").map(Tier::code)).containsExactly("gold");
    assertThat(program.tierAbove("platinum")).isEmpty();
    assertThat(program.tierAbove("diamond")).isEmpty();
    assertThat(program.tierBelow("silver").map(Tier::code)).containsExactly("member");
    assertThat(program.tierBelow("member")).isEmpty();
    assertThat(program.tierBelow("diamond")).isEmpty();
    assertThat(program.benefitsOf("gold").map(TierBenefits::pointsMultiplier))
        .containsExactly(new BigDecimal("1.5"));
    assertThat(program.benefitsOf("diamond")).isEmpty();
  }

  @Test
  void looksUpRulesByCode() {
    LoyaltyProgram program = standard();
    assertThat(program.rule("birthday").flatMap(EarnRule::capPerDay)).containsExactly(200L);
    assertThat(program.rule("anniversary")).isEmpty();
  }

  @Test
  void acceptsAPromotionWindowOnARule() {
    ProgramDraft d = withRule(base(), 0, r -> new EarnRule("double-november", "Double points",
        r.currency(), r.basis(), r.filter(), true,
        Option.of(TimeWindow.of(Instant.parse("2026-10-31T16:00:00Z"),
            Instant.parse("2026-11-30T16:00:00Z"))), Option.none(), Option.none()));
    assertThat(problems(d)).isEmpty();
  }
}
