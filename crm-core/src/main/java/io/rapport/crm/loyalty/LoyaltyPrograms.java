package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Builds ready loyalty programs for documentation, demos and a quick start. Each is an ordinary
 * {@link LoyaltyProgram}: a host may take its {@link LoyaltyProgram#draft() draft}, change it and
 * {@link LoyaltyProgram#revise revise} the program.
 */
public final class LoyaltyPrograms {

  /** The redeemable currency of {@link #standard}: {@code points}. */
  public static final PointCurrency POINTS = PointCurrency.of("points");

  /** The qualifying currency of {@link #standard}: {@code tier-credits}. */
  public static final PointCurrency TIER_CREDITS = PointCurrency.of("tier-credits");

  private LoyaltyPrograms() {}

  /**
   * Builds a sensible standard program:
   *
   * <ul>
   *   <li>currencies: {@code points} (redeemable, expiring at the end of the calendar year they
   *       are earned in) and {@code tier-credits} (qualifying, never expiring);</li>
   *   <li>earn rules: {@code spend-points} pays 1 point per 1 unit of spend, rounded down and
   *       multiplied by the tier's multiplier; {@code spend-tier-credits} pays 1 tier credit per 1
   *       unit of spend, rounded down; {@code registration} pays 100 points, {@code review} 50
   *       points and {@code birthday} 200 points, at most 200 a day;</li>
   *   <li>tiers, counted over the calendar year: {@code member} (the base: no discount, multiplier
   *       1, low service priority), {@code silver} at 5 000 tier credits or 5 purchases (5 %,
   *       × 1.25, normal priority, free delivery), {@code gold} at 20 000 tier credits (10 %,
   *       × 1.5, high priority, free delivery and priority booking) and {@code platinum} at 50 000
   *       tier credits (15 %, × 2, urgent priority, free delivery, priority booking and a personal
   *       advisor); a member who no longer qualifies keeps the tier for a grace month after the
   *       evaluation, then falls one level;</li>
   *   <li>referral: when the referred member makes their first purchase, the referrer earns 500
   *       points and the referred member 200;</li>
   *   <li>redemptions use the soonest-expiring points first; a clawback of spent points leaves a
   *       negative balance; purchase points stay locked for 7 days (the return window).</li>
   * </ul>
   *
   * @param id the program's id
   * @param name the program's name, not blank, at most 200 characters
   * @param zone the time zone its days and years are counted in
   * @param spendCurrency the money currency of the spend rules
   * @param at when it is defined
   * @return the program
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the name is blank or too long ({@code loyalty.program.name.*})
   *     or the currency has no minor unit ({@code money.currency.no_minor_unit})
   */
  public static LoyaltyProgram standard(LoyaltyProgramId id, String name, ZoneId zone,
      Currency spendCurrency, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(zone, "zone");
    requireNonNull(spendCurrency, "spendCurrency");
    requireNonNull(at, "at");
    Money one = Money.of(BigDecimal.ONE, spendCurrency);
    ProgramDraft draft = new ProgramDraft(name, zone, spendCurrency,
        List.of(
            new ProgramCurrency(POINTS, HashSet.of(CurrencyRole.REDEEMABLE),
                new PointsExpiry.EndOfYear()),
            new ProgramCurrency(TIER_CREDITS, HashSet.of(CurrencyRole.QUALIFYING),
                new PointsExpiry.Never())),
        List.of(
            rule("spend-points", "1 point per unit of spend", POINTS,
                new EarnBasis.PerSpend(1, one, RoundingMode.DOWN), true, Option.none()),
            rule("spend-tier-credits", "1 tier credit per unit of spend", TIER_CREDITS,
                new EarnBasis.PerSpend(1, one, RoundingMode.DOWN), false, Option.none()),
            rule("registration", "Welcome points", POINTS,
                new EarnBasis.PerEvent(LoyaltyEventKind.REGISTRATION, 100), false, Option.none()),
            rule("review", "Points for a review", POINTS,
                new EarnBasis.PerEvent(LoyaltyEventKind.REVIEW, 50), false, Option.none()),
            rule("birthday", "Birthday points", POINTS,
                new EarnBasis.PerEvent(LoyaltyEventKind.BIRTHDAY, 200), false, Option.of(200L))),
        new TierLadder(
            List.of(
                new Tier("member", "Member", List.empty(),
                    benefits(0, "1", Priority.LOW)),
                new Tier("silver", "Silver",
                    List.of(new TierThreshold.QualifyingPoints(TIER_CREDITS, 5_000),
                        new TierThreshold.Purchases(5)),
                    benefits(5, "1.25", Priority.NORMAL, "free-delivery")),
                new Tier("gold", "Gold",
                    List.of(new TierThreshold.QualifyingPoints(TIER_CREDITS, 20_000)),
                    benefits(10, "1.5", Priority.HIGH, "free-delivery", "priority-booking")),
                new Tier("platinum", "Platinum",
                    List.of(new TierThreshold.QualifyingPoints(TIER_CREDITS, 50_000)),
                    benefits(15, "2", Priority.URGENT, "free-delivery", "priority-booking",
                        "personal-advisor"))),
            new TierWindow.CalendarYear(), Period.ofMonths(1), DowngradePolicy.ONE_LEVEL),
        Option.of(new ReferralRule(ReferralTrigger.FIRST_PURCHASE, POINTS, 500, 200)),
        RedemptionOrder.SOONEST_EXPIRING_FIRST, NegativeBalancePolicy.ALLOW, 7);
    return InvalidValueException.valueOrThrow(LoyaltyProgram.define(id, draft, at));
  }

  private static EarnRule rule(String code, String name, PointCurrency currency, EarnBasis basis,
      boolean tierMultiplied, Option<Long> capPerDay) {
    return new EarnRule(code, name, currency, basis, EarnFilter.ANY, tierMultiplied,
        Option.none(), Option.none(), capPerDay);
  }

  private static TierBenefits benefits(long discount, String multiplier, Priority priority,
      String... perks) {
    return new TierBenefits(Percentage.ofPercent(discount), new BigDecimal(multiplier),
        Option.of(priority), HashSet.of(perks));
  }
}
