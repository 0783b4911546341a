package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Computes what an activity earns under a program's earn rules, explaining every rule that paid
 * and every rule that did not. Pure: the same program, activity, tier and day's earnings give the
 * same outcome.
 *
 * <p>Each rule, in program order, is judged on its own; one rule's award never depends on
 * another's. A rule is skipped, with a code, when the activity lies outside its
 * {@link EarnRule#activeDuring window} ({@code loyalty.earn.outside_window}), the activity's
 * channel is not in its filter ({@code loyalty.earn.channel}), it pays for spend or units and the
 * activity is an occasion ({@code loyalty.earn.not_a_purchase}), it pays for an occasion and the
 * activity is a purchase or another kind of occasion ({@code loyalty.earn.other_event}), no line
 * passes its filter ({@code loyalty.earn.no_eligible_line}), a {@link RoundingMode#UNNECESSARY}
 * per-spend rule meets a spend that is not a whole number of steps
 * ({@code loyalty.earn.inexact}), its caps leave nothing ({@code loyalty.earn.capped}) or it
 * comes to zero points ({@code loyalty.earn.zero}).
 *
 * <p>Otherwise it pays: the base points are {@code points × eligible spend / per} rounded to a
 * whole number with the rule's rounding mode (exact decimal arithmetic), {@code points × Σ
 * floor(units)} of the eligible lines, or {@code points} for an occasion. A tier-multiplied rule
 * multiplies them by the tier's {@link TierBenefits#pointsMultiplier multiplier}, rounding down.
 * Then the cap per activity, then the cap per day less what the rule already paid that day
 * (never below zero), take their share; {@link PointsAward#cappedBy()} says how much.
 */
public final class EarnCalculator {

  private static final BigDecimal MAX_POINTS = BigDecimal.valueOf(Long.MAX_VALUE);

  private EarnCalculator() {}

  /**
   * Computes what an activity earns.
   *
   * @param program the program
   * @param activity the purchase or occasion
   * @param tier the member's tier code when the activity happened
   * @param earnedToday the points each rule (by code) already paid the member on the activity's
   *     day, in the program's time zone, for the per-day caps; rules not listed paid none, and a
   *     negative count counts as none
   * @return the outcome, or a rejection: {@code loyalty.tier.unknown} (the ladder has no such
   *     tier), {@code loyalty.activity.no_lines} (a purchase without lines),
   *     {@code loyalty.activity.currency_mismatch} (a line amount not in the spend currency),
   *     {@code loyalty.activity.amount_negative}, {@code loyalty.activity.units_not_positive},
   *     {@code loyalty.earn.overflow} (a rule's points exceed {@link Long#MAX_VALUE})
   * @throws NullPointerException if an argument or an earned count is null
   */
  public static Either<LoyaltyRejection, EarnOutcome> calculate(LoyaltyProgram program,
      EarnActivity activity, String tier, Map<String, Long> earnedToday) {
    requireNonNull(program, "program");
    requireNonNull(activity, "activity");
    requireNonNull(tier, "tier");
    requireNonNull(earnedToday, "earnedToday");
    earnedToday.forEach((rule, points) -> requireNonNull(points, "earnedToday"));
    Option<Tier> member = program.tier(tier);
    if (member.isEmpty()) {
      return Either.left(LoyaltyRejection.of("loyalty.tier.unknown",
          "Program " + program.id() + " has no tier " + tier));
    }
    Money spend = Money.zero(program.spendCurrency());
    if (activity instanceof EarnActivity.PurchaseActivity purchase) {
      Option<LoyaltyRejection> refused = checkLines(program, purchase);
      if (refused.isDefined()) {
        return Either.left(refused.get());
      }
      spend = Money.sum(program.spendCurrency(), purchase.lines().map(ActivityLine::amount));
    }
    List<PointsAward> awards = List.empty();
    List<SkippedRule> skipped = List.empty();
    for (EarnRule rule : program.earnRules()) {
      Either<LoyaltyRejection, Either<SkippedRule, PointsAward>> judged =
          judge(rule, activity, member.get(), earnedToday);
      if (judged.isLeft()) {
        return Either.left(judged.getLeft());
      }
      Either<SkippedRule, PointsAward> result = judged.get();
      if (result.isLeft()) {
        skipped = skipped.prepend(result.getLeft());
      } else {
        awards = awards.prepend(result.get());
      }
    }
    long purchases = activity instanceof EarnActivity.PurchaseActivity ? 1 : 0;
    return Either.right(new EarnOutcome(awards.reverse(), skipped.reverse(), spend, purchases));
  }

  private static Option<LoyaltyRejection> checkLines(LoyaltyProgram program,
      EarnActivity.PurchaseActivity purchase) {
    if (purchase.lines().isEmpty()) {
      return Option.of(LoyaltyRejection.of("loyalty.activity.no_lines",
          "Purchase " + purchase.source() + " has no lines"));
    }
    int i = 0;
    for (ActivityLine line : purchase.lines()) {
      String where = "Line " + i++ + " (" + line.product() + ") of purchase " + purchase.source();
      if (!line.amount().currency().equals(program.spendCurrency())) {
        return Option.of(LoyaltyRejection.of("loyalty.activity.currency_mismatch",
            where + " is in " + line.amount().currency().getCurrencyCode() + ", not the program's "
                + program.spendCurrency().getCurrencyCode()));
      }
      if (line.amount().isNegative()) {
        return Option.of(LoyaltyRejection.of("loyalty.activity.amount_negative",
            where + " has a negative amount " + line.amount()));
      }
      if (line.units().signum() <= 0) {
        return Option.of(LoyaltyRejection.of("loyalty.activity.units_not_positive",
            where + " has " + line.units().toPlainString() + " units; a line has at least some"));
      }
    }
    return Option.none();
  }

  /** Judges one rule: a rejection (overflow), a skipped rule, or an award. */
  private static Either<LoyaltyRejection, Either<SkippedRule, PointsAward>> judge(EarnRule rule,
      EarnActivity activity, Tier tier, Map<String, Long> earnedToday) {
    String code = rule.code();
    if (rule.activeDuring().exists(window -> !window.contains(activity.at()))) {
      return skip(code, "loyalty.earn.outside_window", "Rule " + code + " applies during "
          + rule.activeDuring().get() + ", not at " + activity.at());
    }
    EarnFilter filter = rule.filter();
    if (!filter.channels().isEmpty() && !filter.channels().contains(activity.channel())) {
      return skip(code, "loyalty.earn.channel", "Rule " + code + " pays in channels "
          + filter.channels().toSortedSet().mkString(", ") + ", not " + activity.channel());
    }
    EarnBasis basis = rule.basis();
    Either<SkippedRule, Base> base;
    if (basis instanceof EarnBasis.PerEvent perEvent) {
      base = perEvent(code, perEvent, activity);
    } else if (activity instanceof EarnActivity.PurchaseActivity purchase) {
      Seq<ActivityLine> eligible = purchase.lines().filter(line -> eligible(filter, line));
      if (eligible.isEmpty()) {
        return skip(code, "loyalty.earn.no_eligible_line",
            "No line of purchase " + purchase.source() + " passes rule " + code + "'s filter");
      }
      base = basis instanceof EarnBasis.PerSpend perSpend ? perSpend(code, perSpend, eligible)
          : perUnit((EarnBasis.PerUnit) basis, eligible);
    } else {
      return skip(code, "loyalty.earn.not_a_purchase", "Rule " + code
          + " pays for purchases, not for a " + ((EarnActivity.EventActivity) activity).kind());
    }
    if (base.isLeft()) {
      return Either.right(Either.left(base.getLeft()));
    }
    BigDecimal basePoints = base.get().points();
    if (basePoints.compareTo(MAX_POINTS) > 0) {
      return overflow(code, basePoints);
    }
    BigDecimal multiplier = rule.tierMultiplied() ? tier.benefits().pointsMultiplier()
        : BigDecimal.ONE;
    BigDecimal multiplied = basePoints.multiply(multiplier).setScale(0, RoundingMode.DOWN);
    if (multiplied.compareTo(MAX_POINTS) > 0) {
      return overflow(code, multiplied);
    }
    long gross = multiplied.longValueExact();
    long points = gross;
    StringBuilder explanation = new StringBuilder(base.get().explanation());
    if (rule.tierMultiplied()) {
      explanation.append(", × ").append(multiplier.toPlainString()).append(" for tier ")
          .append(tier.code()).append(" = ").append(gross);
    }
    if (rule.capPerActivity().exists(cap -> cap < gross)) {
      points = rule.capPerActivity().get();
      explanation.append(", capped at ").append(points).append(" per activity");
    }
    if (rule.capPerDay().isDefined()) {
      long earned = Math.max(0, earnedToday.get(code).getOrElse(0L));
      long room = Math.max(0, rule.capPerDay().get() - earned);
      if (room < points) {
        points = room;
        explanation.append(", capped at ").append(room).append(" by the daily cap of ")
            .append(rule.capPerDay().get()).append(" (").append(earned)
            .append(" already earned today)");
      }
    }
    long cappedBy = gross - points;
    if (points == 0) {
      return cappedBy > 0
          ? skip(code, "loyalty.earn.capped", "Rule " + code + " earns nothing: " + explanation)
          : skip(code, "loyalty.earn.zero", "Rule " + code + " earns nothing: " + explanation);
    }
    return Either.right(Either.right(new PointsAward(code, rule.currency(),
        basePoints.longValueExact(), multiplier, cappedBy, points,
        points + " " + rule.currency() + ": " + explanation)));
  }

  private static Either<SkippedRule, Base> perEvent(String code, EarnBasis.PerEvent basis,
      EarnActivity activity) {
    if (activity instanceof EarnActivity.EventActivity occasion
        && occasion.kind().equals(basis.kind())) {
      return Either.right(new Base(BigDecimal.valueOf(basis.points()),
          basis.points() + " for " + basis.kind()));
    }
    String what = activity instanceof EarnActivity.EventActivity occasion
        ? "a " + occasion.kind() : "a purchase";
    return Either.left(new SkippedRule(code, "loyalty.earn.other_event",
        "Rule " + code + " pays for " + basis.kind() + ", not for " + what));
  }

  private static Either<SkippedRule, Base> perSpend(String code, EarnBasis.PerSpend basis,
      Seq<ActivityLine> eligible) {
    Money per = basis.per();
    Money spent = Money.sum(per.currency(), eligible.map(ActivityLine::amount));
    BigDecimal exact = BigDecimal.valueOf(basis.points()).multiply(spent.amount());
    if (basis.rounding() == RoundingMode.UNNECESSARY
        && exact.remainder(per.amount()).signum() != 0) {
      return Either.left(new SkippedRule(code, "loyalty.earn.inexact", "Rule " + code
          + " rounds UNNECESSARY, but " + basis.points() + " per " + per + " of " + spent
          + " is not a whole number of points"));
    }
    BigDecimal rounded = exact.divide(per.amount(), 0, basis.rounding());
    return Either.right(new Base(rounded, rounded.toPlainString() + " = " + basis.points()
        + " per " + per + " of " + spent + " eligible spend (rounded " + basis.rounding() + ")"));
  }

  private static Either<SkippedRule, Base> perUnit(EarnBasis.PerUnit basis,
      Seq<ActivityLine> eligible) {
    BigInteger units = BigInteger.ZERO;
    for (ActivityLine line : eligible) {
      units = units.add(line.units().setScale(0, RoundingMode.FLOOR).toBigIntegerExact());
    }
    BigDecimal points = new BigDecimal(units.multiply(BigInteger.valueOf(basis.points())));
    return Either.right(new Base(points, points.toPlainString() + " = " + basis.points()
        + " per unit of " + units + " whole eligible units"));
  }

  /** Tells whether a purchase line passes a rule's product and category filters. */
  private static boolean eligible(EarnFilter filter, ActivityLine line) {
    return (filter.products().isEmpty() || filter.products().contains(line.product()))
        && (filter.categories().isEmpty() || line.categories().exists(filter.categories()::contains))
        && !filter.excludedProducts().contains(line.product());
  }

  private static Either<LoyaltyRejection, Either<SkippedRule, PointsAward>> skip(String rule,
      String code, String reason) {
    return Either.right(Either.left(new SkippedRule(rule, code, reason)));
  }

  private static Either<LoyaltyRejection, Either<SkippedRule, PointsAward>> overflow(String rule,
      BigDecimal points) {
    return Either.left(LoyaltyRejection.of("loyalty.earn.overflow", "Rule " + rule + " would pay "
        + points.toPlainString() + " points, more than " + Long.MAX_VALUE));
  }

  /** The points a rule's basis gives before the multiplier, with how they came about. */
  private record Base(BigDecimal points, String explanation) {}
}
