package io.rapport.crm.loyalty;

import static io.rapport.crm.loyalty.LoyaltyProgramTest.CNY;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.ID;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.POINTS;
import static io.rapport.crm.loyalty.LoyaltyProgramTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TimeWindow;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Laws of the earn calculation on random programs and activities, decoded from plain integers
 * (each integer seeds a {@link Random}, so a case is reproducible from the printed integers).
 */
class EarnCalculatorProperties {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);
  static final Instant AT = Instant.parse("2026-05-20T06:00:00Z");
  static final RoundingMode[] ROUNDINGS = {RoundingMode.DOWN, RoundingMode.UP,
      RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN,
      RoundingMode.HALF_EVEN};
  static final String[] PERS = {"1", "10", "3.33", "0.50"};
  static final LoyaltyEventKind[] KINDS = {LoyaltyEventKind.REVIEW, LoyaltyEventKind.BIRTHDAY,
      LoyaltyEventKind.of("survey")};

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(400);
  }

  static Gen<java.util.List<Integer>> rules() {
    return lists().of(integers().allPositive()).ofSizeBetween(1, 6);
  }

  static Gen<java.util.List<Integer>> lines() {
    return lists().of(integers().allPositive()).ofSizeBetween(0, 5);
  }

  static Gen<Integer> extras() {
    return integers().allPositive();
  }

  static EarnRule rule(int index, int code) {
    Random random = new Random(code);
    EarnBasis basis;
    switch (random.nextInt(4)) {
      case 0: case 1:
        basis = new EarnBasis.PerSpend(1 + random.nextInt(5),
            Money.of(PERS[random.nextInt(PERS.length)], CNY),
            ROUNDINGS[random.nextInt(ROUNDINGS.length)]);
        break;
      case 2:
        basis = new EarnBasis.PerUnit(1 + random.nextInt(7));
        break;
      default:
        basis = new EarnBasis.PerEvent(KINDS[random.nextInt(2)], 1 + random.nextInt(300));
    }
    EarnFilter filter;
    switch (random.nextInt(4)) {
      case 0:
        filter = EarnFilter.ANY;
        break;
      case 1:
        filter = new EarnFilter(HashSet.empty(), HashSet.of("furniture"), HashSet.empty(),
            HashSet.empty());
        break;
      case 2:
        filter = new EarnFilter(HashSet.empty(), HashSet.empty(), HashSet.of("store"),
            HashSet.empty());
        break;
      default:
        filter = new EarnFilter(HashSet.empty(), HashSet.empty(), HashSet.empty(),
            HashSet.of(ProductId.parse("p0")));
    }
    boolean multiplied = random.nextBoolean();
    int window = random.nextInt(3);
    Option<TimeWindow> during = window == 0 ? Option.none()
        : window == 1 ? Option.of(TimeWindow.of(AT.minusSeconds(3_600), AT.plusSeconds(1)))
            : Option.of(TimeWindow.of(AT.plusSeconds(1), AT.plusSeconds(3_600)));
    Option<Long> perActivity = random.nextInt(3) == 0
        ? Option.of(1L + random.nextInt(2_000)) : Option.none();
    Option<Long> perDay = random.nextInt(3) == 0
        ? Option.of(1L + random.nextInt(3_000)) : Option.none();
    return new EarnRule("r" + index, "Rule " + index, POINTS, basis, filter, multiplied, during,
        perActivity, perDay);
  }

  static Seq<EarnRule> decodeRules(java.util.List<Integer> codes) {
    return List.ofAll(codes).zipWithIndex().map(t -> rule(t._2, t._1));
  }

  /** The standard ladder with silver's multiplier drawn from 1.00 to 5.00. */
  static LoyaltyProgram program(Seq<EarnRule> rules, int extra) {
    BigDecimal multiplier = BigDecimal.valueOf(100 + new Random(extra).nextInt(401), 2);
    ProgramDraft draft = LoyaltyProgramTest.withTier(
        LoyaltyProgramTest.withRules(LoyaltyProgramTest.base(), rules), 1,
        t -> LoyaltyProgramTest.benefits(t, new TierBenefits(t.benefits().discount(), multiplier,
            t.benefits().servicePriority(), t.benefits().perks())));
    return LoyaltyProgram.define(ID, draft, T0).get();
  }

  static ActivityLine line(int code) {
    Random random = new Random(code);
    ProductId product = ProductId.parse("p" + random.nextInt(4));
    HashSet<String> categories = random.nextBoolean() ? HashSet.of("furniture")
        : random.nextBoolean() ? HashSet.of("care") : HashSet.empty();
    BigDecimal units = BigDecimal.valueOf(1 + random.nextInt(500), 2);
    return new ActivityLine(product, categories, units, Money.ofMinor(random.nextInt(1_000_000),
        CNY));
  }

  static EarnActivity activity(java.util.List<Integer> lines, int extra) {
    Random random = new Random(extra);
    String channel = random.nextBoolean() ? "store" : "web";
    if (lines.isEmpty()) {
      return new EarnActivity.EventActivity(RecordRef.to(InteractionId.parse("I-1")), AT, channel,
          KINDS[random.nextInt(KINDS.length)]);
    }
    return new EarnActivity.PurchaseActivity(RecordRef.to(PurchaseId.parse("P-1")), AT, channel,
        List.ofAll(lines).map(EarnCalculatorProperties::line));
  }

  static Map<String, Long> earnedToday(int ruleCount, int extra) {
    Random random = new Random(~extra);
    Map<String, Long> earned = HashMap.empty();
    for (int i = 0; i < ruleCount; i++) {
      if (random.nextBoolean()) {
        earned = earned.put("r" + i, (long) random.nextInt(4_000));
      }
    }
    return earned;
  }

  static EarnOutcome earn(LoyaltyProgram program, EarnActivity activity, String tier,
      Map<String, Long> earned) {
    return EarnCalculator.calculate(program, activity, tier, earned)
        .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
  }

  static Map<String, Long> pointsByRule(EarnOutcome outcome) {
    return HashMap.ofEntries(outcome.awards().map(a -> io.vavr.Tuple.of(a.rule(), a.points())));
  }

  @Test
  void givesTheSameOutcomeForTheSameInput() {
    qt().forAll(rules(), lines(), extras()).checkAssert((rules, lines, extra) -> {
      Seq<EarnRule> decoded = decodeRules(rules);
      EarnActivity activity = activity(lines, extra);
      Map<String, Long> earned = earnedToday(rules.size(), extra);
      EarnOutcome first = earn(program(decoded, extra), activity, "silver", earned);
      EarnOutcome second = earn(program(decodeRules(rules), extra), activity(lines, extra),
          "silver", earnedToday(rules.size(), extra));
      assertThat(second).isEqualTo(first);
    });
  }

  @Test
  void coversEveryRuleExactlyOnceInProgramOrder() {
    qt().forAll(rules(), lines(), extras()).checkAssert((rules, lines, extra) -> {
      LoyaltyProgram program = program(decodeRules(rules), extra);
      EarnOutcome outcome = earn(program, activity(lines, extra), "gold",
          earnedToday(rules.size(), extra));
      Seq<String> codes = program.earnRules().map(EarnRule::code);
      Seq<String> paid = outcome.awards().map(PointsAward::rule);
      Seq<String> skipped = outcome.skipped().map(SkippedRule::rule);
      assertThat(paid.appendAll(skipped)).containsExactlyInAnyOrderElementsOf(codes);
      assertThat(paid).isEqualTo(codes.filter(paid::contains));
      assertThat(skipped).isEqualTo(codes.filter(skipped::contains));
      assertThat(outcome.awards()).allSatisfy(a -> assertThat(a.points()).isPositive());
    });
  }

  @Test
  void neverPaysMoreThanEitherCapAllows() {
    qt().forAll(rules(), lines(), extras()).checkAssert((rules, lines, extra) -> {
      LoyaltyProgram program = program(decodeRules(rules), extra);
      Map<String, Long> earned = earnedToday(rules.size(), extra);
      EarnOutcome outcome = earn(program, activity(lines, extra), "platinum", earned);
      for (PointsAward award : outcome.awards()) {
        EarnRule rule = program.rule(award.rule()).get();
        long already = Math.max(0, earned.get(award.rule()).getOrElse(0L));
        assertThat(rule.capPerActivity().forAll(cap -> award.points() <= cap)).isTrue();
        assertThat(rule.capPerDay().forAll(cap -> award.points() <= cap - already)).isTrue();
        long gross = BigDecimal.valueOf(award.basePoints()).multiply(award.multiplier())
            .setScale(0, RoundingMode.DOWN).longValueExact();
        assertThat(award.cappedBy()).isNotNegative().isEqualTo(gross - award.points());
      }
    });
  }

  @Test
  void neverEarnsLessForMoreEligibleSpend() {
    qt().forAll(rules(), lines().map(l -> l.isEmpty() ? java.util.List.of(7) : l), extras())
        .checkAssert((rules, lines, extra) -> {
          LoyaltyProgram program = program(decodeRules(rules), extra);
          Map<String, Long> earned = earnedToday(rules.size(), extra);
          EarnActivity.PurchaseActivity before =
              (EarnActivity.PurchaseActivity) activity(lines, extra);
          int index = Math.floorMod(extra, before.lines().size());
          ActivityLine line = before.lines().get(index);
          ActivityLine richer = new ActivityLine(line.product(), line.categories(), line.units(),
              line.amount().plus(Money.ofMinor(1 + Math.floorMod(extra, 100_000), CNY)));
          EarnActivity.PurchaseActivity after = new EarnActivity.PurchaseActivity(before.source(),
              before.at(), before.channel(), before.lines().update(index, richer));
          Map<String, Long> less = pointsByRule(earn(program, before, "silver", earned));
          Map<String, Long> more = pointsByRule(earn(program, after, "silver", earned));
          for (EarnRule rule : program.earnRules()) {
            assertThat(more.get(rule.code()).getOrElse(0L))
                .isGreaterThanOrEqualTo(less.get(rule.code()).getOrElse(0L));
          }
        });
  }

  @Test
  void aMultiplierOfAtLeastOneNeverLowersPoints() {
    qt().forAll(rules(), lines(), extras()).checkAssert((rules, lines, extra) -> {
      LoyaltyProgram program = program(decodeRules(rules), extra);
      Map<String, Long> earned = earnedToday(rules.size(), extra);
      EarnActivity activity = activity(lines, extra);
      Map<String, Long> plain = pointsByRule(earn(program, activity, "member", earned));
      for (String tier : List.of("silver", "gold", "platinum")) {
        Map<String, Long> multiplied = pointsByRule(earn(program, activity, tier, earned));
        for (EarnRule rule : program.earnRules()) {
          assertThat(multiplied.get(rule.code()).getOrElse(0L))
              .isGreaterThanOrEqualTo(plain.get(rule.code()).getOrElse(0L));
        }
      }
    });
  }

  @Test
  void reorderingRulesChangesNoRulesAward() {
    qt().forAll(rules(), lines(), extras()).checkAssert((rules, lines, extra) -> {
      Seq<EarnRule> decoded = decodeRules(rules);
      int shift = Math.floorMod(extra, decoded.size());
      Seq<EarnRule> reordered = decoded.drop(shift).appendAll(decoded.take(shift)).reverse();
      EarnActivity activity = activity(lines, extra);
      Map<String, Long> earned = earnedToday(rules.size(), extra);
      EarnOutcome original = earn(program(decoded, extra), activity, "gold", earned);
      EarnOutcome shuffled = earn(program(reordered, extra), activity, "gold", earned);
      assertThat(shuffled.awards()).containsExactlyInAnyOrderElementsOf(original.awards());
      assertThat(shuffled.skipped()).containsExactlyInAnyOrderElementsOf(original.skipped());
      assertThat(shuffled.spend()).isEqualTo(original.spend());
    });
  }
}
