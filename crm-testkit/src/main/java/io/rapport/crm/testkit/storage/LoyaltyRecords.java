package io.rapport.crm.testkit.storage;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.loyalty.CurrencyRole;
import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.EarnBasis;
import io.rapport.crm.loyalty.EarnFilter;
import io.rapport.crm.loyalty.EarnRule;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.loyalty.ProgramCurrency;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierBenefits;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierNotice;
import io.rapport.crm.loyalty.TierStatus;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierWindow;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Builds the loyalty records the storage contracts save, through the canonical constructors and
 * the ledger's own commands (the contracts test storage, not the account commands), keeping every
 * program and account invariant.
 */
final class LoyaltyRecords {

  static final ActorId TCK = ActorId.parse("tck");
  static final PointCurrency POINTS = PointCurrency.of("points");
  static final PointCurrency CREDITS = PointCurrency.of("tier-credits");
  static final Currency CNY = Currency.getInstance("CNY");

  private LoyaltyRecords() {}

  private static EventStamp stamp(String id, Instant at) {
    return EventStamp.of(EventId.parse(id), at, TCK);
  }

  /** Returns a valid two-currency program with a three-tier ladder. */
  static LoyaltyProgram program(String id, String name, Instant updatedAt) {
    Money ten = Money.of("10.00", CNY);
    return new LoyaltyProgram(LoyaltyProgramId.parse(id), name, ZoneId.of("Asia/Shanghai"), CNY,
        List.of(new ProgramCurrency(POINTS, HashSet.of(CurrencyRole.REDEEMABLE),
                new PointsExpiry.EndOfMonth(12)),
            new ProgramCurrency(CREDITS, HashSet.of(CurrencyRole.QUALIFYING),
                new PointsExpiry.EndOfYear())),
        List.of(new EarnRule("spend", "1 point per CNY 10", POINTS,
            new EarnBasis.PerSpend(1, ten, RoundingMode.DOWN), EarnFilter.ANY, true,
            Option.none(), Option.none(), Option.none())),
        new TierLadder(List.of(new Tier("member", "Member 会员", List.empty(), TierBenefits.NONE),
            new Tier("gold", "Gold 金卡", List.of(new TierThreshold.QualifyingPoints(CREDITS, 500)),
                TierBenefits.NONE),
            new Tier("black", "Black 黑卡",
                List.of(new TierThreshold.QualifyingPoints(CREDITS, 2000)), TierBenefits.NONE)),
            new TierWindow.CalendarYear(), Period.ofMonths(3), DowngradePolicy.ONE_LEVEL),
        Option.none(), RedemptionOrder.OLDEST_FIRST, NegativeBalancePolicy.ALLOW, 7, updatedAt);
  }

  /** Returns the program renamed at a later time. */
  static LoyaltyProgram renamed(LoyaltyProgram p, String name, Instant at) {
    return new LoyaltyProgram(p.id(), name, p.zone(), p.spendCurrency(), p.currencies(),
        p.earnRules(), p.ladder(), p.referral(), p.redemptionOrder(), p.negativeBalance(),
        p.pendingDays(), at);
  }

  /**
   * Returns an account that joined at {@code joinedAt}, earned 100 points a minute later (expiring
   * at {@code expiresAt}, or never when empty), with one qualifying purchase and a tier status due
   * for evaluation at {@code nextEvaluation} (and a downgrade notice effective at {@code notice}).
   */
  static LoyaltyAccount account(String id, String program, String customer, Instant joinedAt,
      Option<Instant> expiresAt, Instant nextEvaluation, Option<Instant> notice,
      Option<String> referredBy) {
    LoyaltyAccountId accountId = LoyaltyAccountId.parse(id);
    Instant earnedAt = joinedAt.plus(Duration.ofMinutes(1));
    RecordRef purchase = RecordRef.to(PurchaseId.parse("P-" + id));
    PointsLedger ledger = PointsLedger.open(accountId, NegativeBalancePolicy.ALLOW)
        .earn(POINTS, 100, expiresAt, Option.none(), purchase, "purchase",
            stamp("E-" + id, earnedAt)).get().state();
    QualifyingEntry entry = new QualifyingEntry(earnedAt, purchase, HashMap.of(CREDITS, 10L),
        Money.of("100.00", CNY), 1, 0, false);
    TierStatus tier = new TierStatus("member", joinedAt, nextEvaluation,
        notice.map(at -> new TierNotice(joinedAt, at)));
    Option<LoyaltyAccountId> referrer = referredBy.map(LoyaltyAccountId::parse);
    return new LoyaltyAccount(accountId, LoyaltyProgramId.parse(program),
        CustomerId.parse(customer), joinedAt, ledger, List.of(entry), tier, List.empty(),
        referrer, Option.none(), earnedAt);
  }

  /** Returns the account with its update time moved on. */
  static LoyaltyAccount touched(LoyaltyAccount a, Instant at) {
    return new LoyaltyAccount(a.id(), a.program(), a.customer(), a.joinedAt(), a.ledger(),
        a.qualifying(), a.tier(), a.tierHistory(), a.referredBy(), a.referralCompletedAt(), at);
  }

  /** Returns the account after its points expired as of {@code asOf}, run at {@code at}. */
  static LoyaltyAccount expired(LoyaltyAccount a, Instant asOf, Instant at) {
    PointsLedger ledger = a.ledger().expire(asOf, stamp("X-" + a.id().value(), at)).get()
        .state();
    return new LoyaltyAccount(a.id(), a.program(), a.customer(), a.joinedAt(), ledger,
        a.qualifying(), a.tier(), a.tierHistory(), a.referredBy(), a.referralCompletedAt(), at);
  }

  /** Returns the account re-evaluated at {@code at}: no notice, next evaluation {@code next}. */
  static LoyaltyAccount reevaluated(LoyaltyAccount a, Instant at, Instant next) {
    TierStatus tier = new TierStatus(a.tier().tier(), a.tier().since(), next, Option.none());
    return new LoyaltyAccount(a.id(), a.program(), a.customer(), a.joinedAt(), a.ledger(),
        a.qualifying(), tier, a.tierHistory(), a.referredBy(), a.referralCompletedAt(), at);
  }
}
