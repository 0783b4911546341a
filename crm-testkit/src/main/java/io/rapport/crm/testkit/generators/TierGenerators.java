package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;

import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.loyalty.CurrencyRole;
import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.ProgramCurrency;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierBenefits;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierWindow;
import io.rapport.crm.testkit.laws.TierHistory;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates tier values for property tests: ladders of two to four tiers (thresholds on qualifying
 * points, spend and purchases, strictly increasing up the ladder; every window model; grace from
 * none to a year; both downgrade policies), programs built on them that keep every program
 * invariant, and qualifying histories with purchases large and small, quiet spells long enough
 * for downgrades, and full and partial reversals.
 */
public final class TierGenerators {

  /** The qualifying currency of generated programs. */
  public static final PointCurrency CREDITS = PointCurrency.of("tier-credits");

  /** The spend currency of generated programs. */
  public static final Currency CNY = Currency.getInstance("CNY");

  /** The earliest joining time of generated histories. */
  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private static final String[] CODES = {"member", "silver", "gold", "platinum"};
  private static final ZoneId[] ZONES = {ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"),
      ZoneId.of("America/New_York")};
  private static final Period[] GRACES = {Period.ZERO, Period.ofMonths(1), Period.ofMonths(3),
      Period.ofDays(45), Period.ofYears(1)};

  private TierGenerators() {}

  /** Returns valid ladders under both downgrade policies. */
  public static Gen<TierLadder> ladders() {
    return in -> ladder(in, oneOf(in, DowngradePolicy.values()));
  }

  /** Returns valid programs (two currencies, no earn rules) with {@link #ladders()}. */
  public static Gen<LoyaltyProgram> programs() {
    return in -> program(in, oneOf(in, DowngradePolicy.values()));
  }

  /** Returns histories on {@link #programs()}, up to 30 entries, some reversed. */
  public static Gen<TierHistory> histories() {
    return in -> history(in, program(in, oneOf(in, DowngradePolicy.values())), 30);
  }

  /**
   * Returns histories on programs with one downgrade policy.
   *
   * @param policy the policy
   * @param maxEntries the most entries in a history
   * @return the generator
   */
  public static Gen<TierHistory> histories(DowngradePolicy policy, int maxEntries) {
    return in -> history(in, program(in, policy), maxEntries);
  }

  /** Returns histories like {@link #histories()} without any reversal. */
  public static Gen<TierHistory> historiesWithoutReversals() {
    return histories().map(h -> new TierHistory(h.program(), h.joinedAt(),
        h.entries().filter(e -> !e.reversal()), h.until()));
  }

  private static LoyaltyProgram program(RandomnessSource in, DowngradePolicy policy) {
    return new LoyaltyProgram(LoyaltyProgramId.parse("program-" + pick(in, 100)), "Generated",
        oneOf(in, ZONES), CNY,
        List.of(new ProgramCurrency(CREDITS, HashSet.of(CurrencyRole.QUALIFYING),
                new PointsExpiry.Never()),
            new ProgramCurrency(PointCurrency.of("points"), HashSet.of(CurrencyRole.REDEEMABLE),
                new PointsExpiry.EndOfYear())),
        List.empty(), ladder(in, policy), Option.none(), RedemptionOrder.OLDEST_FIRST,
        NegativeBalancePolicy.FORFEIT, 0, START);
  }

  private static TierLadder ladder(RandomnessSource in, DowngradePolicy policy) {
    int size = 2 + pick(in, 3);
    ArrayList<Tier> tiers = new ArrayList<>();
    tiers.add(new Tier(CODES[0], "Member", List.empty(), TierBenefits.NONE));
    boolean spend = chance(in, 60);
    boolean purchases = chance(in, 30);
    long credits = 0;
    long money = 0;
    long count = 0;
    for (int t = 1; t < size; t++) {
      credits += 500 + pickLong(in, 3_000);
      money += 1_000 + pickLong(in, 20_000);
      count += 2 + pickLong(in, 5);
      ArrayList<TierThreshold> anyOf = new ArrayList<>();
      anyOf.add(new TierThreshold.QualifyingPoints(CREDITS, credits));
      if (spend) {
        anyOf.add(new TierThreshold.Spend(Money.of(money + ".00", CNY)));
      }
      if (purchases) {
        anyOf.add(new TierThreshold.Purchases(count));
      }
      tiers.add(new Tier(CODES[t], CODES[t].toUpperCase(java.util.Locale.ROOT),
          List.ofAll(anyOf), TierBenefits.NONE));
    }
    TierWindow window;
    switch (pick(in, 3)) {
      case 0:
        window = new TierWindow.CalendarYear();
        break;
      case 1:
        window = new TierWindow.Anniversary();
        break;
      default:
        window = new TierWindow.Rolling(1 + pick(in, 18));
        break;
    }
    return new TierLadder(List.ofAll(tiers), window, oneOf(in, GRACES), policy);
  }

  private static TierHistory history(RandomnessSource in, LoyaltyProgram program,
      int maxEntries) {
    Instant joined = START.plus(Duration.ofMinutes(pickLong(in, 365L * 24 * 60)));
    int count = pick(in, maxEntries + 1);
    ArrayList<QualifyingEntry> entries = new ArrayList<>();
    ArrayList<QualifyingEntry> originals = new ArrayList<>();
    Instant at = joined;
    for (int i = 0; i < count; i++) {
      // Mostly days apart, sometimes the same instant, sometimes a quiet spell of months.
      long minutes = chance(in, 10) ? 0 : chance(in, 15) ? pickLong(in, 400L * 24 * 60)
          : pickLong(in, 40L * 24 * 60);
      at = at.plus(Duration.ofMinutes(minutes));
      if (!originals.isEmpty() && chance(in, 15)) {
        QualifyingEntry source = originals.remove(pick(in, originals.size()));
        boolean full = chance(in, 60);
        long credits = source.points().getOrElse(CREDITS, 0L);
        long taken = full ? credits : credits / 2;
        entries.add(new QualifyingEntry(at, source.source(),
            taken == 0 ? HashMap.empty() : HashMap.of(CREDITS, -taken),
            full ? source.spend().negated() : Money.zero(CNY),
            full ? -source.purchases() : 0, 0, true));
      } else {
        QualifyingEntry entry = purchase(in, at, "P-" + i);
        entries.add(entry);
        originals.add(entry);
      }
    }
    Instant until = at.plus(Duration.ofDays(1 + pick(in, 800)));
    return new TierHistory(program, joined, Vector.ofAll(entries), until);
  }

  /**
   * Draws one purchase entry: qualifying points (none a fifth of the time), spend (sometimes
   * none) and one purchase.
   *
   * @param in the randomness
   * @param at when
   * @param id the purchase's id
   * @return the entry
   */
  public static QualifyingEntry purchase(RandomnessSource in, Instant at, String id) {
    long credits = chance(in, 20) ? 0 : 1 + pickLong(in, 4_000);
    Money spend = chance(in, 30) ? Money.zero(CNY) : Money.ofMinor(pickLong(in, 3_000_000), CNY);
    return new QualifyingEntry(at, RecordRef.to(PurchaseId.parse(id)),
        credits == 0 ? HashMap.empty() : HashMap.of(CREDITS, credits), spend, 1, 0, false);
  }
}
