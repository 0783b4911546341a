package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.loyalty.CurrencyRole;
import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.EarnBasis;
import io.rapport.crm.loyalty.EarnFilter;
import io.rapport.crm.loyalty.EarnRule;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyEventKind;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.loyalty.PointsLot;
import io.rapport.crm.loyalty.ProgramCurrency;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.rapport.crm.loyalty.ReferralRule;
import io.rapport.crm.loyalty.ReferralTrigger;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierBenefits;
import io.rapport.crm.loyalty.TierChange;
import io.rapport.crm.loyalty.TierChangeReason;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierNotice;
import io.rapport.crm.loyalty.TierStatus;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierWindow;
import io.rapport.crm.testkit.laws.LedgerCommand;
import io.rapport.crm.testkit.laws.LedgerHistory;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates loyalty values for property tests: point currencies, expiry rules, lots, ledgers built
 * by replaying random command sequences (earnings with expiries and return-window locks,
 * redemptions in both orders, expiry runs, adjustments, clawbacks and reversed redemptions, some
 * of which the ledger refuses), programs, qualifying entries, tier statuses and accounts.
 *
 * <p>Programs and accounts are valid: they keep exactly the invariants listed in
 * docs/guides/loyalty-storage.md (the ones the program's and the account's constructors check),
 * every variant of every sealed type (expiry, earn basis, threshold, tier window) is reachable, and
 * an account's ledger is built through its commands, so it is a real ledger.
 */
public final class LoyaltyGenerators {

  /** The instant generated histories start at. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static final String[] CURRENCIES = {"points", "tier-credits", "stars", "miles.gold"};
  private static final ZoneId[] ZONES = {ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"),
      ZoneId.of("America/New_York")};
  private static final ActorId ACTOR = ActorId.parse("generator");

  private LoyaltyGenerators() {}

  /** Returns point currencies, from a small set so that ledgers mix a few of them. */
  public static Gen<PointCurrency> currencies() {
    return in -> PointCurrency.of(oneOf(in, CURRENCIES));
  }

  /** Returns expiry rules of every kind. */
  public static Gen<PointsExpiry> expiryRules() {
    return LoyaltyGenerators::expiry;
  }

  /** Returns the time zones generated rules are computed in. */
  public static Gen<ZoneId> zones() {
    return in -> oneOf(in, ZONES);
  }

  /** Returns negative balance policies. */
  public static Gen<NegativeBalancePolicy> policies() {
    return in -> oneOf(in, NegativeBalancePolicy.values());
  }

  /** Returns single lots, partly used, some expiring and some locked. */
  public static Gen<PointsLot> lots() {
    return in -> {
      long amount = 1 + pickLong(in, 10_000);
      long remaining = pickLong(in, amount + 1);
      long spent = pickLong(in, amount - remaining + 1);
      Instant earned = START.plus(Duration.ofMinutes(pickLong(in, 525_600)));
      Option<Instant> expires = chance(in, 60)
          ? expiry(in).expiresAt(earned, oneOf(in, ZONES)) : Option.none();
      Option<Instant> locked = chance(in, 25)
          ? Option.of(earned.plus(Duration.ofDays(1 + pick(in, 30)))) : Option.none();
      return new PointsLot(1 + pick(in, 1000), currencies().generate(in), amount, remaining, spent,
          earned, expires, locked, purchase(pick(in, 1000)), "purchase");
    };
  }

  /** Returns command histories on empty ledgers under any policy, up to 60 commands long. */
  public static Gen<LedgerHistory> histories() {
    return in -> history(in, oneOf(in, NegativeBalancePolicy.values()), 60);
  }

  /**
   * Returns command histories on empty ledgers under one policy.
   *
   * @param policy the policy
   * @param maxCommands the most commands in a history
   * @return the generator
   */
  public static Gen<LedgerHistory> histories(NegativeBalancePolicy policy, int maxCommands) {
    return in -> history(in, policy, maxCommands);
  }

  /** Returns the command sequences of {@link #histories()}, without their starting ledger. */
  public static Gen<Vector<LedgerCommand>> commandSequences() {
    return histories().map(history -> Vector.ofAll(history.commands()));
  }

  /** Returns ledgers built by replaying {@link #histories()}. */
  public static Gen<PointsLedger> ledgers() {
    return histories().map(LedgerHistory::replay);
  }

  private static LedgerHistory history(RandomnessSource in, NegativeBalancePolicy policy,
      int maxCommands) {
    PointsLedger start = PointsLedger.open(LoyaltyAccountId.parse("acc-" + pick(in, 1000)),
        policy);
    int count = pick(in, maxCommands + 1);
    int currencyCount = 1 + pick(in, 2);
    ArrayList<RecordRef> earnedBy = new ArrayList<>();
    ArrayList<RecordRef> redeemedFor = new ArrayList<>();
    ArrayList<LedgerCommand> commands = new ArrayList<>();
    Instant at = START;
    for (int i = 0; i < count; i++) {
      at = at.plus(Duration.ofHours(pick(in, 24 * 12)));
      EventStamp stamp = EventStamp.of(EventId.parse("ev-" + i), at, ACTOR);
      PointCurrency currency = PointCurrency.of(CURRENCIES[pick(in, currencyCount)]);
      int kind = pick(in, 100);
      if (kind < 40) {
        RecordRef source = purchase(i);
        earnedBy.add(source);
        Option<Instant> expires = chance(in, 60)
            ? expiry(in).expiresAt(at, oneOf(in, ZONES)) : Option.none();
        Option<Instant> locked = chance(in, 25)
            ? Option.of(at.plus(Duration.ofDays(1 + pick(in, 14)))) : Option.none();
        commands.add(new LedgerCommand.Earn(currency, 1 + pickLong(in, 1000), expires, locked,
            source, stamp));
      } else if (kind < 65) {
        RecordRef source = RecordRef.to(PurchaseId.parse("R-" + i));
        redeemedFor.add(source);
        commands.add(new LedgerCommand.Redeem(currency, 1 + pickLong(in, 600),
            oneOf(in, RedemptionOrder.values()), source, stamp));
      } else if (kind < 75) {
        commands.add(new LedgerCommand.Expire(at.minus(Duration.ofHours(pick(in, 72))), stamp));
      } else if (kind < 85) {
        long amount = 1 + pickLong(in, 300);
        commands.add(new LedgerCommand.Adjust(currency, chance(in, 50) ? amount : -amount,
            stamp));
      } else if (kind < 95) {
        RecordRef source = earnedBy.isEmpty() || chance(in, 10) ? purchase(10_000 + i)
            : earnedBy.get(pick(in, earnedBy.size()));
        commands.add(chance(in, 50) ? new LedgerCommand.ClawBack(source, stamp)
            : new LedgerCommand.ClawBackPart(source, currency, 1 + pickLong(in, 600), stamp));
      } else {
        RecordRef source = redeemedFor.isEmpty() ? RecordRef.to(PurchaseId.parse("R-none"))
            : redeemedFor.get(pick(in, redeemedFor.size()));
        commands.add(new LedgerCommand.ReverseRedemption(source, stamp));
      }
    }
    return new LedgerHistory(start, Vector.ofAll(commands));
  }

  private static PointsExpiry expiry(RandomnessSource in) {
    switch (pick(in, 4)) {
      case 0:
        return new PointsExpiry.Never();
      case 1:
        return new PointsExpiry.AfterDays(1 + pick(in, 400));
      case 2:
        return new PointsExpiry.EndOfMonth(pick(in, 13));
      default:
        return new PointsExpiry.EndOfYear();
    }
  }

  // ---- programs

  private static final Currency[] SPEND_CURRENCIES = {Currency.getInstance("CNY"),
      Currency.getInstance("USD"), Currency.getInstance("EUR")};
  private static final String[] NAMES = {"Rosewood Club 红木会", "Zitan circle", "紫檀会员",
      "Members & friends", "Gold leaf — 金叶"};
  private static final String[] TIER_CODES = {"base", "silver", "gold", "platinum", "black.card"};
  private static final String[] TIER_NAMES = {"Member 会员", "Silver 银卡", "Gold 金卡",
      "Platinum 铂金", "Black card 黑卡"};
  private static final String[] CATEGORIES = {"furniture", "红木", "care", "gift.cards"};
  private static final String[] CHANNELS = {"store", "web", "call-center", "wechat 微信"};
  private static final String[] PERKS = {"free-delivery", "birthday gift 生日礼", "lounge",
      "priority repair"};
  private static final LoyaltyEventKind[] EVENT_KINDS = {LoyaltyEventKind.REGISTRATION,
      LoyaltyEventKind.REVIEW, LoyaltyEventKind.BIRTHDAY, LoyaltyEventKind.REFERRAL,
      LoyaltyEventKind.of("survey")};
  private static final RoundingMode[] ROUNDINGS = {RoundingMode.DOWN, RoundingMode.HALF_UP,
      RoundingMode.UP, RoundingMode.HALF_EVEN, RoundingMode.FLOOR};
  private static final String[] MULTIPLIERS = {"1", "1.5", "2", "1.25", "3.0", "100"};

  /** Returns programs valid per the program invariants, reaching every variant of each part. */
  public static Gen<LoyaltyProgram> programs() {
    return in -> program(in, LoyaltyProgramId.parse(String.format("LP-%04d", pick(in, 10_000))));
  }

  /** Returns program currencies with every role combination and expiry rule. */
  public static Gen<ProgramCurrency> programCurrencies() {
    return in -> new ProgramCurrency(currencies().generate(in), roles(in), expiry(in));
  }

  /** Returns earn bases of every kind, per-spend ones in CNY. */
  public static Gen<EarnBasis> earnBases() {
    return in -> basis(in, SPEND_CURRENCIES[0]);
  }

  /** Returns tier thresholds of every kind, valid in a program that declares their currency. */
  public static Gen<TierThreshold> tierThresholds() {
    return in -> threshold(in, pick(in, 4), 1 + pick(in, 5), SPEND_CURRENCIES[0],
        currencies().generate(in));
  }

  /** Returns tier windows of every kind. */
  public static Gen<TierWindow> tierWindows() {
    return LoyaltyGenerators::window;
  }

  /** Returns tier benefits within the program limits. */
  public static Gen<TierBenefits> tierBenefits() {
    return LoyaltyGenerators::benefits;
  }

  private static LoyaltyProgram program(RandomnessSource in, LoyaltyProgramId id) {
    Currency spend = oneOf(in, SPEND_CURRENCIES);
    int currencyCount = 1 + pick(in, 3);
    Vector<ProgramCurrency> currencies = Vector.empty();
    for (int i = 0; i < currencyCount; i++) {
      Set<CurrencyRole> roles = i == 0 && chance(in, 70)
          ? HashSet.of(CurrencyRole.QUALIFYING, CurrencyRole.REDEEMABLE) : roles(in);
      currencies = currencies.append(new ProgramCurrency(PointCurrency.of(CURRENCIES[i]), roles,
          expiry(in)));
    }
    Vector<PointCurrency> declared = currencies.map(ProgramCurrency::currency);
    Vector<PointCurrency> qualifying = currencies.filter(ProgramCurrency::isQualifying)
        .map(ProgramCurrency::currency);
    Vector<EarnRule> rules = Vector.empty();
    int ruleCount = pick(in, 5);
    for (int i = 0; i < ruleCount; i++) {
      rules = rules.append(rule(in, "rule-" + i + (chance(in, 50) ? ".promo" : ""), spend,
          declared.get(pick(in, declared.size()))));
    }
    Option<ReferralRule> referral = chance(in, 50) ? Option.of(referral(in,
        declared.get(pick(in, declared.size())))) : Option.none();
    TierLadder ladder = ladder(in, spend, qualifying, referral.isDefined());
    return new LoyaltyProgram(id, oneOf(in, NAMES), oneOf(in, ZONES), spend, currencies, rules,
        ladder, referral, oneOf(in, RedemptionOrder.values()),
        oneOf(in, NegativeBalancePolicy.values()), pick(in, 366),
        START.plus(Duration.ofMinutes(pickLong(in, 525_600))));
  }

  private static Set<CurrencyRole> roles(RandomnessSource in) {
    switch (pick(in, 3)) {
      case 0:
        return HashSet.of(CurrencyRole.QUALIFYING);
      case 1:
        return HashSet.of(CurrencyRole.REDEEMABLE);
      default:
        return HashSet.of(CurrencyRole.QUALIFYING, CurrencyRole.REDEEMABLE);
    }
  }

  private static Money positiveMoney(RandomnessSource in, Currency currency, long maxMinor) {
    return Money.ofMinor(1 + pickLong(in, maxMinor), currency);
  }

  private static EarnBasis basis(RandomnessSource in, Currency spend) {
    switch (pick(in, 3)) {
      case 0:
        return new EarnBasis.PerSpend(1 + pickLong(in, 10), positiveMoney(in, spend, 10_000),
            oneOf(in, ROUNDINGS));
      case 1:
        return new EarnBasis.PerUnit(1 + pickLong(in, 100));
      default:
        return new EarnBasis.PerEvent(oneOf(in, EVENT_KINDS), 1 + pickLong(in, 500));
    }
  }

  private static <T> Set<T> some(RandomnessSource in, T[] values) {
    Set<T> chosen = HashSet.empty();
    int count = pick(in, 3);
    for (int i = 0; i < count; i++) {
      chosen = chosen.add(oneOf(in, values));
    }
    return chosen;
  }

  private static Set<ProductId> products(RandomnessSource in) {
    Set<ProductId> chosen = HashSet.empty();
    int count = pick(in, 3);
    for (int i = 0; i < count; i++) {
      chosen = chosen.add(ProductId.parse("PRD-" + pick(in, 50)));
    }
    return chosen;
  }

  private static EarnFilter filter(RandomnessSource in) {
    return chance(in, 40) ? EarnFilter.ANY : new EarnFilter(products(in),
        some(in, CATEGORIES), some(in, CHANNELS), products(in));
  }

  private static EarnRule rule(RandomnessSource in, String code, Currency spend,
      PointCurrency currency) {
    Option<TimeWindow> during = Option.none();
    if (chance(in, 30)) {
      Instant start = START.plus(Duration.ofDays(pick(in, 365)));
      during = Option.of(TimeWindow.of(start, start.plus(Duration.ofHours(1 + pick(in, 24 * 60)))));
    }
    return new EarnRule(code, "Rule " + code + " 积分规则", currency, basis(in, spend),
        filter(in), chance(in, 50), during,
        chance(in, 30) ? Option.of(1 + pickLong(in, 10_000)) : Option.none(),
        chance(in, 30) ? Option.of(1 + pickLong(in, 10_000)) : Option.none());
  }

  private static ReferralRule referral(RandomnessSource in, PointCurrency currency) {
    long referrer = pickLong(in, 1000);
    long referred = referrer == 0 ? 1 + pickLong(in, 1000) : pickLong(in, 1000);
    return new ReferralRule(oneOf(in, ReferralTrigger.values()), currency, referrer, referred);
  }

  /**
   * Returns a threshold of a kind (0 points, 1 spend, 2 purchases, 3 referrals) for the rung-th
   * tier up: its minimum grows with the rung, so thresholds of one kind strictly increase.
   */
  private static TierThreshold threshold(RandomnessSource in, int kind, int rung, Currency spend,
      PointCurrency qualifying) {
    switch (kind) {
      case 0:
        return new TierThreshold.QualifyingPoints(qualifying, rung * 1000L + pick(in, 1000));
      case 1:
        return new TierThreshold.Spend(Money.ofMinor(rung * 1_000_000L + 1 + pick(in, 999_999),
            spend));
      case 2:
        return new TierThreshold.Purchases(rung * 10L + pick(in, 10));
      default:
        return new TierThreshold.Referrals(rung * 10L + pick(in, 10));
    }
  }

  private static TierBenefits benefits(RandomnessSource in) {
    return new TierBenefits(Percentage.ofPercent(pick(in, 101)),
        new BigDecimal(oneOf(in, MULTIPLIERS)),
        chance(in, 40) ? Option.of(oneOf(in, Priority.values())) : Option.none(),
        some(in, PERKS));
  }

  private static TierWindow window(RandomnessSource in) {
    switch (pick(in, 3)) {
      case 0:
        return new TierWindow.CalendarYear();
      case 1:
        return new TierWindow.Anniversary();
      default:
        return new TierWindow.Rolling(1 + pick(in, 120));
    }
  }

  private static Period grace(RandomnessSource in) {
    switch (pick(in, 3)) {
      case 0:
        return Period.ZERO;
      case 1:
        return Period.ofMonths(1 + pick(in, 12));
      default:
        return Period.ofDays(1 + pick(in, 90));
    }
  }

  private static TierLadder ladder(RandomnessSource in, Currency spend,
      Vector<PointCurrency> qualifying, boolean referral) {
    int count = 1 + pick(in, TIER_CODES.length);
    Vector<Tier> tiers = Vector.of(new Tier(TIER_CODES[0], TIER_NAMES[0], Vector.empty(),
        chance(in, 50) ? TierBenefits.NONE : benefits(in)));
    for (int rung = 1; rung < count; rung++) {
      Vector<TierThreshold> anyOf = Vector.empty();
      for (int kind = 0; kind < 4; kind++) {
        boolean allowed = kind == 0 ? !qualifying.isEmpty() : kind != 3 || referral;
        if (allowed && chance(in, 50)) {
          anyOf = anyOf.append(threshold(in, kind, rung, spend,
              kind == 0 ? qualifying.get(pick(in, qualifying.size())) : null));
        }
      }
      if (anyOf.isEmpty()) {
        anyOf = anyOf.append(threshold(in, 2, rung, spend, null));
      }
      tiers = tiers.append(new Tier(TIER_CODES[rung], TIER_NAMES[rung], anyOf, benefits(in)));
    }
    return new TierLadder(tiers, window(in), grace(in), oneOf(in, DowngradePolicy.values()));
  }

  // ---- accounts

  /** Returns qualifying entries: activities and reversals, with points, spend and counts. */
  public static Gen<QualifyingEntry> qualifyingEntries() {
    return in -> qualifying(in, START.plus(Duration.ofMinutes(pickLong(in, 525_600))),
        oneOf(in, SPEND_CURRENCIES), pick(in, 1000));
  }

  /** Returns tier statuses, some with a pending downgrade notice. */
  public static Gen<TierStatus> tierStatuses() {
    return in -> status(in, START.minus(Duration.ofDays(pick(in, 400))), chance(in, 50));
  }

  /**
   * Returns tier statuses with or without a notice.
   *
   * @param withNotice whether every status has a pending downgrade notice
   * @return the generator
   */
  public static Gen<TierStatus> tierStatuses(boolean withNotice) {
    return in -> status(in, START.minus(Duration.ofDays(pick(in, 400))), withNotice);
  }

  /**
   * Returns accounts keeping the account invariants, with a ledger built by replaying a random
   * command history, qualifying entries in time order, tier changes in time order, and some
   * referred by another account.
   */
  public static Gen<LoyaltyAccount> accounts() {
    return LoyaltyGenerators::account;
  }

  private static QualifyingEntry qualifying(RandomnessSource in, Instant at, Currency spend,
      int source) {
    boolean reversal = chance(in, 20);
    long sign = reversal ? -1 : 1;
    Map<PointCurrency, Long> points = HashMap.empty();
    int count = pick(in, 3);
    for (int i = 0; i < count; i++) {
      points = points.put(PointCurrency.of(CURRENCIES[pick(in, 2)]),
          sign * (1 + pickLong(in, 5000)));
    }
    return new QualifyingEntry(at, purchase(source), points,
        Money.ofMinor(sign * pickLong(in, 10_000_000), spend),
        chance(in, 70) ? sign : 0, chance(in, 10) ? sign : 0, reversal);
  }

  private static TierStatus status(RandomnessSource in, Instant notBefore, boolean notice) {
    Instant since = notBefore.plus(Duration.ofHours(pick(in, 24 * 200)));
    Instant next = since.plus(Duration.ofDays(1 + pick(in, 400)));
    Option<TierNotice> pending = Option.none();
    if (notice) {
      Instant evaluated = since.plus(Duration.ofDays(pick(in, 300)));
      pending = Option.of(new TierNotice(evaluated,
          evaluated.plus(Duration.ofDays(pick(in, 120)))));
    }
    return new TierStatus(oneOf(in, TIER_CODES), since, next, pending);
  }

  private static LoyaltyAccount account(RandomnessSource in) {
    LoyaltyAccountId id = LoyaltyAccountId.parse(String.format("LA-%05d", pick(in, 100_000)));
    Instant joined = START.minus(Duration.ofHours(pick(in, 24 * 400)));
    NegativeBalancePolicy policy = oneOf(in, NegativeBalancePolicy.values());
    PointsLedger ledger = new LedgerHistory(PointsLedger.open(id, policy),
        history(in, policy, 30).commands()).replay();
    Currency spend = oneOf(in, SPEND_CURRENCIES);
    Vector<QualifyingEntry> qualifying = Vector.empty();
    Instant at = joined;
    int entries = pick(in, 6);
    for (int i = 0; i < entries; i++) {
      at = at.plus(Duration.ofHours(pick(in, 24 * 30)));
      qualifying = qualifying.append(qualifying(in, at, spend, i));
    }
    TierStatus tier = status(in, joined, chance(in, 30));
    Vector<TierChange> history = Vector.empty();
    Instant changedAt = joined;
    int changes = pick(in, 4);
    for (int i = 0; i < changes; i++) {
      changedAt = changedAt.plus(Duration.ofDays(pick(in, 90)));
      history = history.append(new TierChange(TIER_CODES[i], TIER_CODES[i + 1], changedAt,
          oneOf(in, TierChangeReason.values())));
    }
    Option<LoyaltyAccountId> referredBy = chance(in, 30)
        ? Option.of(LoyaltyAccountId.parse("LA-ref-" + pick(in, 100))) : Option.none();
    Option<Instant> completed = referredBy.isDefined() && chance(in, 50)
        ? Option.of(joined.plus(Duration.ofDays(pick(in, 30)))) : Option.none();
    Instant updated = latest(joined, ledger.updatedAt().getOrElse(joined), at, changedAt,
        tier.since(), completed.getOrElse(joined)).plus(Duration.ofMinutes(pick(in, 600)));
    return new LoyaltyAccount(id, LoyaltyProgramId.parse("LP-" + pick(in, 20)),
        CustomerId.parse("C-" + pick(in, 1000)), joined, ledger, qualifying, tier, history,
        referredBy, completed, updated);
  }

  private static Instant latest(Instant... times) {
    Instant latest = times[0];
    for (Instant time : times) {
      if (time.isAfter(latest)) {
        latest = time;
      }
    }
    return latest;
  }

  private static RecordRef purchase(int n) {
    return RecordRef.to(PurchaseId.parse("P-" + n));
  }
}
