package io.rapport.crm.loyalty;

import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;

/** Builds programs with valid ladders and qualifying entries for the tier engine's tests. */
final class TierPrograms {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Currency CNY = Currency.getInstance("CNY");
  static final PointCurrency CREDITS = PointCurrency.of("tier-credits");
  static final PointCurrency POINTS = PointCurrency.of("points");
  static final Instant UPDATED = Instant.parse("2025-01-01T00:00:00Z");

  private TierPrograms() {}

  /** Returns a ladder base / silver (1 000 credits or CNY 5 000) / gold (5 000) / platinum. */
  static Seq<Tier> fourTiers() {
    return List.of(
        tier("member"),
        tier("silver", new TierThreshold.QualifyingPoints(CREDITS, 1_000),
            new TierThreshold.Spend(cny("5000.00"))),
        tier("gold", new TierThreshold.QualifyingPoints(CREDITS, 5_000),
            new TierThreshold.Spend(cny("20000.00"))),
        tier("platinum", new TierThreshold.QualifyingPoints(CREDITS, 20_000),
            new TierThreshold.Spend(cny("80000.00"))));
  }

  /** Returns a valid program with a ladder of the given tiers, window, grace and policy. */
  static LoyaltyProgram program(Seq<Tier> tiers, TierWindow window, Period grace,
      DowngradePolicy policy) {
    return new LoyaltyProgram(LoyaltyProgramId.parse("rosewood"), "Rosewood Club", SHANGHAI, CNY,
        List.of(new ProgramCurrency(CREDITS, HashSet.of(CurrencyRole.QUALIFYING),
                new PointsExpiry.Never()),
            new ProgramCurrency(POINTS, HashSet.of(CurrencyRole.REDEEMABLE),
                new PointsExpiry.EndOfYear())),
        List.empty(), new TierLadder(tiers, window, grace, policy), Option.none(),
        RedemptionOrder.OLDEST_FIRST, NegativeBalancePolicy.FORFEIT, 7, UPDATED);
  }

  /** Returns the four-tier program with a calendar-year window. */
  static LoyaltyProgram calendarYear(Period grace, DowngradePolicy policy) {
    return program(fourTiers(), new TierWindow.CalendarYear(), grace, policy);
  }

  static Tier tier(String code, TierThreshold... anyOf) {
    return new Tier(code, code.toUpperCase(java.util.Locale.ROOT), List.of(anyOf),
        TierBenefits.NONE);
  }

  static Money cny(String amount) {
    return Money.of(amount, CNY);
  }

  /** Returns local midnight of a date in Shanghai. */
  static Instant day(String date) {
    return java.time.LocalDate.parse(date).atStartOfDay(SHANGHAI).toInstant();
  }

  /** Returns a purchase entry earning credits and spend. */
  static QualifyingEntry purchase(String id, Instant at, long credits, String spend) {
    return new QualifyingEntry(at, RecordRef.to(PurchaseId.parse(id)),
        credits == 0 ? HashMap.empty() : HashMap.of(CREDITS, credits), cny(spend), 1, 0, false);
  }

  /** Returns the full reversal of an entry at a time. */
  static QualifyingEntry reversal(QualifyingEntry original, Instant at) {
    return new QualifyingEntry(at, original.source(), original.points().mapValues(v -> -v),
        original.spend().negated(), -original.purchases(), -original.referrals(), true);
  }
}
