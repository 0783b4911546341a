package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.loyalty.PointsLot;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.rapport.crm.testkit.laws.LedgerCommand;
import io.rapport.crm.testkit.laws.LedgerHistory;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates loyalty ledger values for property tests: point currencies, expiry rules, lots, and
 * ledgers built by replaying random command sequences (earnings with expiries and return-window
 * locks, redemptions in both orders, expiry runs, adjustments, clawbacks and reversed
 * redemptions, some of which the ledger refuses).
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

  private static RecordRef purchase(int n) {
    return RecordRef.to(PurchaseId.parse("P-" + n));
  }
}
