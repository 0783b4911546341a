package io.rapport.crm.loyalty;

import static io.rapport.crm.loyalty.LoyaltyProgramTest.CNY;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.CREDITS;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.ID;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.POINTS;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.T0;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TimeWindow;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples of what activities earn, rule by rule. */
class EarnCalculatorTest {

  static final Instant AT = Instant.parse("2026-05-20T06:00:00Z");
  static final ProductId CHAIR = ProductId.parse("chair");
  static final ProductId TABLE = ProductId.parse("table");
  static final ProductId POLISH = ProductId.parse("polish");
  static final Map<String, Long> NOTHING_TODAY = HashMap.empty();

  static LoyaltyProgram program(EarnRule... rules) {
    return LoyaltyProgram.define(ID,
        LoyaltyProgramTest.withRules(LoyaltyProgramTest.base(), List.of(rules)), T0).get();
  }

  static EarnRule rule(String code, EarnBasis basis) {
    return new EarnRule(code, "Rule " + code, POINTS, basis, EarnFilter.ANY, false,
        Option.none(), Option.none(), Option.none());
  }

  static EarnRule perSpend(String code, long points, String per, RoundingMode rounding) {
    return rule(code, new EarnBasis.PerSpend(points, cny(per), rounding));
  }

  static EarnRule multiplied(EarnRule r) {
    return new EarnRule(r.code(), r.name(), r.currency(), r.basis(), r.filter(), true,
        r.activeDuring(), r.capPerActivity(), r.capPerDay());
  }

  static EarnRule during(EarnRule r, Instant start, Instant end) {
    return new EarnRule(r.code(), r.name(), r.currency(), r.basis(), r.filter(),
        r.tierMultiplied(), Option.of(TimeWindow.of(start, end)), r.capPerActivity(),
        r.capPerDay());
  }

  static ActivityLine line(ProductId product, String units, String amount, String... categories) {
    return new ActivityLine(product, HashSet.of(categories), new BigDecimal(units), cny(amount));
  }

  static EarnActivity.PurchaseActivity purchase(String channel, ActivityLine... lines) {
    return new EarnActivity.PurchaseActivity(RecordRef.to(PurchaseId.parse("P-1")), AT, channel,
        List.of(lines));
  }

  static EarnActivity.PurchaseActivity purchase(ActivityLine... lines) {
    return purchase("store", lines);
  }

  static EarnActivity.EventActivity occasion(LoyaltyEventKind kind) {
    return new EarnActivity.EventActivity(RecordRef.to(InteractionId.parse("I-1")), AT, "web",
        kind);
  }

  static EarnOutcome earn(LoyaltyProgram program, EarnActivity activity, String tier) {
    Either<LoyaltyRejection, EarnOutcome> result =
        EarnCalculator.calculate(program, activity, tier, NOTHING_TODAY);
    assertThat(result.isRight()).as("%s", result).isTrue();
    return result.get();
  }

  static String rejection(LoyaltyProgram program, EarnActivity activity, String tier) {
    return EarnCalculator.calculate(program, activity, tier, NOTHING_TODAY).getLeft().code();
  }

  static long pointsOf(EarnOutcome outcome, String rule) {
    return outcome.awards().find(award -> award.rule().equals(rule)).map(PointsAward::points)
        .getOrElse(0L);
  }

  static String skipOf(EarnOutcome outcome, String rule) {
    return outcome.skipped().find(skip -> skip.rule().equals(rule)).map(SkippedRule::code)
        .getOrElse("paid");
  }

  @Test
  void earnsAStandardPurchaseForASilverMember() {
    EarnOutcome outcome = earn(LoyaltyProgramTest.standard(),
        purchase(line(CHAIR, "2", "1000.00"), line(POLISH, "1", "234.56")), "silver");
    assertThat(outcome.awards().map(a -> Tuple.of(a.rule(), a.currency(), a.basePoints(),
        a.multiplier(), a.cappedBy(), a.points()))).containsExactly(
            Tuple.of("spend-points", POINTS, 1234L, new BigDecimal("1.25"), 0L, 1542L),
            Tuple.of("spend-tier-credits", CREDITS, 1234L, BigDecimal.ONE, 0L, 1234L));
    assertThat(outcome.skipped().map(s -> Tuple.of(s.rule(), s.code()))).containsExactly(
        Tuple.of("registration", "loyalty.earn.other_event"),
        Tuple.of("review", "loyalty.earn.other_event"),
        Tuple.of("birthday", "loyalty.earn.other_event"));
    assertThat(outcome.spend()).isEqualTo(cny("1234.56"));
    assertThat(outcome.purchases()).isEqualTo(1);
    assertThat(outcome.awards().head().explanation()).isEqualTo("1542 points: 1234 = 1 per"
        + " CNY 1.00 of CNY 1234.56 eligible spend (rounded DOWN), × 1.25 for tier silver = 1542");
  }

  @Test
  void earnsAnOccasionWithoutSpendOrPurchase() {
    EarnOutcome outcome = earn(LoyaltyProgramTest.standard(),
        occasion(LoyaltyEventKind.REVIEW), "gold");
    assertThat(outcome.awards().map(a -> Tuple.of(a.rule(), a.points(), a.explanation())))
        .containsExactly(Tuple.of("review", 50L, "50 points: 50 for review"));
    assertThat(outcome.skipped().map(s -> Tuple.of(s.rule(), s.code()))).containsExactly(
        Tuple.of("spend-points", "loyalty.earn.not_a_purchase"),
        Tuple.of("spend-tier-credits", "loyalty.earn.not_a_purchase"),
        Tuple.of("registration", "loyalty.earn.other_event"),
        Tuple.of("birthday", "loyalty.earn.other_event"));
    assertThat(outcome.spend()).isEqualTo(Money.zero(CNY));
    assertThat(outcome.purchases()).isZero();
  }

  @ParameterizedTest(name = "{1} of CNY {0} at 1 point per CNY 10 is {2}")
  @CsvSource({
      "35.00, DOWN, 3", "35.00, UP, 4", "35.00, FLOOR, 3", "35.00, CEILING, 4",
      "35.00, HALF_UP, 4", "35.00, HALF_DOWN, 3", "35.00, HALF_EVEN, 4", "25.00, HALF_EVEN, 2",
      "35.01, HALF_DOWN, 4", "39.99, DOWN, 3", "30.01, UP, 4", "30.00, UNNECESSARY, 3"})
  void roundsPerSpendPointsWithTheRulesMode(String spend, RoundingMode mode, long points) {
    LoyaltyProgram program = program(perSpend("spend", 1, "10", mode));
    assertThat(pointsOf(earn(program, purchase(line(CHAIR, "1", spend)), "member"), "spend"))
        .isEqualTo(points);
  }

  @Test
  void multipliesThePointsPerStepBeforeRounding() {
    LoyaltyProgram program = program(perSpend("spend", 3, "10", RoundingMode.DOWN));
    assertThat(pointsOf(earn(program, purchase(line(CHAIR, "1", "35.00")), "member"), "spend"))
        .isEqualTo(10);
  }

  @Test
  void skipsAnUnnecessaryRoundingThatWouldLoseAFraction() {
    LoyaltyProgram program = program(perSpend("spend", 1, "10", RoundingMode.UNNECESSARY));
    assertThat(skipOf(earn(program, purchase(line(CHAIR, "1", "35.00")), "member"), "spend"))
        .isEqualTo("loyalty.earn.inexact");
  }

  @Test
  void paysZeroForSpendBelowOneStep() {
    LoyaltyProgram program = program(perSpend("spend", 1, "10", RoundingMode.DOWN));
    EarnOutcome outcome = earn(program, purchase(line(CHAIR, "1", "9.99")), "member");
    assertThat(outcome.awards()).isEmpty();
    assertThat(skipOf(outcome, "spend")).isEqualTo("loyalty.earn.zero");
  }

  @Test
  void paysPerWholeUnitOfEligibleLines() {
    LoyaltyProgram program = program(rule("units", new EarnBasis.PerUnit(5)));
    EarnOutcome outcome = earn(program, purchase(line(CHAIR, "2.7", "10"),
        line(TABLE, "1", "20"), line(POLISH, "0.5", "1")), "member");
    assertThat(outcome.awards().map(a -> Tuple.of(a.basePoints(), a.points(), a.explanation())))
        .containsExactly(Tuple.of(15L, 15L, "15 points: 15 = 5 per unit of 3 whole eligible units"));
  }

  @Test
  void paysPerEventOnlyForItsKind() {
    LoyaltyProgram program = LoyaltyProgramTest.standard();
    EarnOutcome birthday = earn(program, occasion(LoyaltyEventKind.BIRTHDAY), "member");
    assertThat(birthday.awards().map(PointsAward::rule)).containsExactly("birthday");
    EarnOutcome survey = earn(program, occasion(LoyaltyEventKind.of("survey")), "member");
    assertThat(survey.awards()).isEmpty();
    assertThat(survey.skipped()).hasSize(5);
  }

  @Test
  void filtersLinesByProductCategoryAndExclusion() {
    EarnRule base = perSpend("furniture", 1, "1", RoundingMode.DOWN);
    EarnRule furniture = new EarnRule("furniture", "Furniture", POINTS, base.basis(),
        new EarnFilter(HashSet.empty(), HashSet.of("furniture"), HashSet.empty(),
            HashSet.of(TABLE)), false, Option.none(), Option.none(), Option.none());
    EarnRule chairs = new EarnRule("chairs", "Chairs", POINTS, base.basis(),
        new EarnFilter(HashSet.of(CHAIR), HashSet.empty(), HashSet.empty(), HashSet.empty()),
        false, Option.none(), Option.none(), Option.none());
    LoyaltyProgram program = program(furniture, chairs);
    EarnOutcome outcome = earn(program, purchase(line(CHAIR, "1", "100", "furniture", "seating"),
        line(TABLE, "1", "400", "furniture"), line(POLISH, "1", "15", "care")), "member");
    assertThat(pointsOf(outcome, "furniture")).isEqualTo(100);
    assertThat(pointsOf(outcome, "chairs")).isEqualTo(100);
    assertThat(outcome.spend()).isEqualTo(cny("515.00"));
    EarnOutcome polish = earn(program, purchase(line(POLISH, "2", "30", "care")), "member");
    assertThat(polish.skipped().map(s -> Tuple.of(s.rule(), s.code()))).containsExactly(
        Tuple.of("furniture", "loyalty.earn.no_eligible_line"),
        Tuple.of("chairs", "loyalty.earn.no_eligible_line"));
  }

  @Test
  void paysOnlyInTheRulesChannels() {
    EarnRule base = perSpend("web", 2, "1", RoundingMode.DOWN);
    EarnRule web = new EarnRule("web", "Web bonus", POINTS, base.basis(),
        new EarnFilter(HashSet.empty(), HashSet.empty(), HashSet.of("web", "app"),
            HashSet.empty()), false, Option.none(), Option.none(), Option.none());
    LoyaltyProgram program = program(web);
    assertThat(pointsOf(earn(program, purchase("app", line(CHAIR, "1", "10")), "member"), "web"))
        .isEqualTo(20);
    assertThat(skipOf(earn(program, purchase("store", line(CHAIR, "1", "10")), "member"), "web"))
        .isEqualTo("loyalty.earn.channel");
  }

  @Test
  void paysDuringThePromotionWindowOnlyStartInclusiveEndExclusive() {
    EarnRule promo = perSpend("promo", 1, "1", RoundingMode.DOWN);
    assertThat(pointsOf(earn(program(during(promo, AT, AT.plusSeconds(1))),
        purchase(line(CHAIR, "1", "10")), "member"), "promo")).isEqualTo(10);
    assertThat(skipOf(earn(program(during(promo, AT.minusSeconds(60), AT)),
        purchase(line(CHAIR, "1", "10")), "member"), "promo"))
        .isEqualTo("loyalty.earn.outside_window");
    assertThat(skipOf(earn(program(during(promo, AT.plusSeconds(1), AT.plusSeconds(60))),
        occasion(LoyaltyEventKind.REVIEW), "member"), "promo"))
        .isEqualTo("loyalty.earn.outside_window");
  }

  @Test
  void multipliesByTheTierRoundingDownOnlyForTierMultipliedRules() {
    LoyaltyProgram program = program(
        multiplied(perSpend("multiplied", 1, "1", RoundingMode.DOWN)),
        perSpend("plain", 1, "1", RoundingMode.DOWN),
        multiplied(rule("review", new EarnBasis.PerEvent(LoyaltyEventKind.REVIEW, 33))));
    EarnOutcome gold = earn(program, purchase(line(CHAIR, "1", "101")), "gold");
    assertThat(pointsOf(gold, "multiplied")).isEqualTo(151);
    assertThat(pointsOf(gold, "plain")).isEqualTo(101);
    assertThat(pointsOf(earn(program, purchase(line(CHAIR, "1", "101")), "member"),
        "multiplied")).isEqualTo(101);
    assertThat(pointsOf(earn(program, occasion(LoyaltyEventKind.REVIEW), "silver"), "review"))
        .isEqualTo(41);
  }

  @Test
  void capsPointsPerActivityAfterTheMultiplier() {
    EarnRule r = multiplied(perSpend("spend", 1, "1", RoundingMode.DOWN));
    LoyaltyProgram program = program(LoyaltyProgramTest.caps(r, Option.of(300L), Option.none()));
    PointsAward award = earn(program, purchase(line(CHAIR, "1", "400")), "gold").awards().head();
    assertThat(Tuple.of(award.basePoints(), award.cappedBy(), award.points()))
        .isEqualTo(Tuple.of(400L, 300L, 300L));
    assertThat(award.explanation()).endsWith("= 600, capped at 300 per activity");
  }

  @Test
  void capsPointsPerDayLessWhatTheRuleAlreadyPaid() {
    LoyaltyProgram program = LoyaltyProgramTest.standard();
    EarnActivity birthday = occasion(LoyaltyEventKind.BIRTHDAY);
    PointsAward partly = EarnCalculator.calculate(program, birthday, "member",
        HashMap.of("birthday", 150L, "review", 1_000L)).get().awards().head();
    assertThat(Tuple.of(partly.points(), partly.cappedBy())).isEqualTo(Tuple.of(50L, 150L));
    assertThat(partly.explanation()).isEqualTo("50 points: 200 for birthday, capped at 50 by"
        + " the daily cap of 200 (150 already earned today)");
    EarnOutcome spent = EarnCalculator.calculate(program, birthday, "member",
        HashMap.of("birthday", 250L)).get();
    assertThat(spent.awards()).isEmpty();
    assertThat(skipOf(spent, "birthday")).isEqualTo("loyalty.earn.capped");
    EarnOutcome otherRules = EarnCalculator.calculate(program, birthday, "member",
        HashMap.of("review", 250L)).get();
    assertThat(pointsOf(otherRules, "birthday")).isEqualTo(200);
  }

  @Test
  void appliesBothCapsTheSmallerWinning() {
    EarnRule r = LoyaltyProgramTest.caps(perSpend("spend", 1, "1", RoundingMode.DOWN),
        Option.of(100L), Option.of(120L));
    LoyaltyProgram program = program(r);
    EarnActivity buy = purchase(line(CHAIR, "1", "500"));
    assertThat(EarnCalculator.calculate(program, buy, "member", HashMap.of("spend", 0L)).get()
        .awards().map(a -> Tuple.of(a.points(), a.cappedBy())))
        .containsExactly(Tuple.of(100L, 400L));
    assertThat(EarnCalculator.calculate(program, buy, "member", HashMap.of("spend", 50L)).get()
        .awards().map(a -> Tuple.of(a.points(), a.cappedBy())))
        .containsExactly(Tuple.of(70L, 430L));
  }

  @Test
  void rejectsAnUnknownTier() {
    assertThat(rejection(LoyaltyProgramTest.standard(), occasion(LoyaltyEventKind.REVIEW),
        "diamond")).isEqualTo("loyalty.tier.unknown");
  }

  @Test
  void rejectsAPurchaseWithoutLines() {
    assertThat(rejection(LoyaltyProgramTest.standard(), purchase(), "member"))
        .isEqualTo("loyalty.activity.no_lines");
  }

  @Test
  void rejectsALineInAnotherCurrency() {
    ActivityLine euros = new ActivityLine(CHAIR, HashSet.empty(), BigDecimal.ONE,
        Money.of("10", Currency.getInstance("EUR")));
    assertThat(rejection(LoyaltyProgramTest.standard(), purchase(line(TABLE, "1", "5"), euros),
        "member")).isEqualTo("loyalty.activity.currency_mismatch");
  }

  @Test
  void rejectsANegativeLineAmount() {
    assertThat(rejection(LoyaltyProgramTest.standard(), purchase(line(CHAIR, "1", "-5")),
        "member")).isEqualTo("loyalty.activity.amount_negative");
  }

  @Test
  void rejectsALineWithoutUnits() {
    assertThat(rejection(LoyaltyProgramTest.standard(), purchase(line(CHAIR, "0", "5")),
        "member")).isEqualTo("loyalty.activity.units_not_positive");
    assertThat(rejection(LoyaltyProgramTest.standard(), purchase(line(CHAIR, "-1", "5")),
        "member")).isEqualTo("loyalty.activity.units_not_positive");
  }

  @Test
  void rejectsPointsBeyondALong() {
    LoyaltyProgram program = program(rule("units", new EarnBasis.PerUnit(Long.MAX_VALUE / 2)));
    assertThat(rejection(program, purchase(line(CHAIR, "3", "1")), "member"))
        .isEqualTo("loyalty.earn.overflow");
    LoyaltyProgram multiplied = program(multiplied(rule("units",
        new EarnBasis.PerUnit(Long.MAX_VALUE / 2 + 1))));
    assertThat(pointsOf(earn(multiplied, purchase(line(CHAIR, "1", "1")), "member"), "units"))
        .isEqualTo(Long.MAX_VALUE / 2 + 1);
    assertThat(rejection(multiplied, purchase(line(CHAIR, "1", "1")), "platinum"))
        .isEqualTo("loyalty.earn.overflow");
  }
}
