package io.rapport.crm.benchmarks;

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
import io.rapport.crm.loyalty.TierEngine;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierStatus;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierTimeline;
import io.rapport.crm.loyalty.TierWindow;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures the tier engine on a program with a calendar-year ladder of four tiers (silver, gold,
 * platinum on qualifying points or spend; three months' grace, one level down).
 *
 * <ul>
 *   <li>{@link #sweepAMillionAccountsAcrossNewYear}: one thread advances 1 000 000 accounts, each
 *       with 10 to 30 entries over 2026 and 2027 and its status replayed beforehand to noon on 31
 *       December 2027, across the 1 January 2028 evaluation to noon that day (target ≤ 1 s);
 *   <li>{@link #replayOneAccountOfAHundredEntries}: the definition, a whole replay of one member
 *       with 100 entries over two years, for the record.
 * </ul>
 *
 * <p>Entries come from a shared pool of 20 000 (each account picks its own sorted subset), so a
 * million histories fit in memory as they would in a store's cache.
 *
 * <pre>
 * ./mvnw -B -ntp -pl crm-benchmarks -am package -DskipTests
 * java -jar crm-benchmarks/target/benchmarks.jar TierBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class TierBenchmark {

  static final int ACCOUNTS = 1_000_000;
  static final int POOL = 20_000;
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Currency CNY = Currency.getInstance("CNY");
  static final PointCurrency CREDITS = PointCurrency.of("tier-credits");
  static final Instant FROM = LocalDateTime.parse("2026-01-01T00:00").atZone(SHANGHAI).toInstant();
  static final Instant BEFORE = LocalDateTime.parse("2027-12-31T12:00").atZone(SHANGHAI)
      .toInstant();
  static final Instant AFTER = LocalDateTime.parse("2028-01-01T12:00").atZone(SHANGHAI)
      .toInstant();

  LoyaltyProgram program;
  Instant[] joinedAt;
  Seq<QualifyingEntry>[] histories;
  TierStatus[] statuses;
  Seq<QualifyingEntry> hundred;
  Instant hundredJoined;

  /** Returns the four-tier calendar-year program. */
  static LoyaltyProgram program() {
    Seq<Tier> tiers = List.of(
        tier("member"),
        tier("silver", new TierThreshold.QualifyingPoints(CREDITS, 3_000),
            new TierThreshold.Spend(Money.of("30000.00", CNY))),
        tier("gold", new TierThreshold.QualifyingPoints(CREDITS, 8_000),
            new TierThreshold.Spend(Money.of("80000.00", CNY))),
        tier("platinum", new TierThreshold.QualifyingPoints(CREDITS, 14_000),
            new TierThreshold.Spend(Money.of("140000.00", CNY))));
    return new LoyaltyProgram(LoyaltyProgramId.parse("rosewood"), "Rosewood Club", SHANGHAI, CNY,
        List.of(new ProgramCurrency(CREDITS, HashSet.of(CurrencyRole.QUALIFYING),
            new PointsExpiry.Never())),
        List.empty(), new TierLadder(tiers, new TierWindow.CalendarYear(), Period.ofMonths(3),
            DowngradePolicy.ONE_LEVEL), Option.none(), RedemptionOrder.OLDEST_FIRST,
        NegativeBalancePolicy.FORFEIT, 7, FROM);
  }

  static Tier tier(String code, TierThreshold... anyOf) {
    return new Tier(code, code, List.of(anyOf), TierBenefits.NONE);
  }

  static QualifyingEntry entry(SplittableRandom random, int n, Instant at) {
    long credits = 50 + random.nextInt(1_500);
    Money spend = Money.ofMinor(100_00L * (1 + random.nextInt(80)), CNY);
    return new QualifyingEntry(at, RecordRef.to(PurchaseId.parse("P-" + n)),
        HashMap.of(CREDITS, credits), spend, 1, 0, false);
  }

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    SplittableRandom random = new SplittableRandom(11);
    program = program();
    long span = BEFORE.getEpochSecond() - FROM.getEpochSecond();
    QualifyingEntry[] pool = new QualifyingEntry[POOL];
    long[] times = new long[POOL];
    for (int i = 0; i < POOL; i++) {
      times[i] = FROM.getEpochSecond() + (long) (random.nextDouble() * span);
    }
    Arrays.sort(times);
    for (int i = 0; i < POOL; i++) {
      pool[i] = entry(random, i, Instant.ofEpochSecond(times[i]));
    }
    joinedAt = new Instant[ACCOUNTS];
    histories = new Seq[ACCOUNTS];
    statuses = new TierStatus[ACCOUNTS];
    Instant joinFrom = FROM.minusSeconds(365L * 86_400);
    for (int a = 0; a < ACCOUNTS; a++) {
      int count = 10 + random.nextInt(21);
      int[] picks = new int[count];
      for (int i = 0; i < count; i++) {
        picks[i] = random.nextInt(POOL);
      }
      Arrays.sort(picks);
      QualifyingEntry[] entries = new QualifyingEntry[count];
      for (int i = 0; i < count; i++) {
        entries[i] = pool[picks[i]];
      }
      joinedAt[a] = joinFrom.plusSeconds(random.nextInt(365 * 86_400));
      histories[a] = Vector.of(entries);
      statuses[a] = TierEngine.replay(program, joinedAt[a], histories[a], BEFORE).status();
    }
    QualifyingEntry[] entries = new QualifyingEntry[100];
    for (int i = 0; i < 100; i++) {
      entries[i] = pool[i * (POOL / 100)];
    }
    hundred = Vector.of(entries);
    hundredJoined = joinFrom;
  }

  /** Advances every account across the next evaluation; answers how many are above the base. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int sweepAMillionAccountsAcrossNewYear() {
    int ranked = 0;
    for (int a = 0; a < ACCOUNTS; a++) {
      TierTimeline timeline = TierEngine.advance(program, joinedAt[a], histories[a], statuses[a],
          BEFORE, AFTER);
      if (!timeline.status().tier().equals("member")) {
        ranked++;
      }
    }
    return ranked;
  }

  /** Replays one member's 100 entries over two years. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public TierTimeline replayOneAccountOfAHundredEntries() {
    return TierEngine.replay(program, hundredJoined, hundred, AFTER);
  }
}
