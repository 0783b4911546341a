package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.LedgerRejection;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures the points ledger on a member with 1 000 lots earned over about a year (one per purchase,
 * 1 to 2 000 points each, two thirds expiring at the end of the month twelve months on, every
 * tenth with a return-window lock long past), evaluated the day after the last lot.
 *
 * <ul>
 *   <li>{@link #earnOnAThousandLots}: posting one more earn (target ≤ 2 µs);
 *   <li>{@link #redeemAcrossAThousandLotsOldestFirst},
 *       {@link #redeemAcrossAThousandLotsSoonestExpiringFirst}: a redemption of every available
 *       point, so every usable lot pays a share (target ≤ 50 µs).
 * </ul>
 *
 * <p>Sample mode, so JMH reports percentiles: the targets are on the median ({@code p0.50}).
 *
 * <pre>
 * ./mvnw -B -ntp -pl crm-benchmarks -am package -DskipTests
 * java -jar crm-benchmarks/target/benchmarks.jar LedgerBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LedgerBenchmark {

  static final int LOTS = 1_000;
  static final PointCurrency POINTS = PointCurrency.of("points");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ActorId ACTOR = ActorId.parse("bench");

  PointsLedger ledger;
  EventStamp next;
  RecordRef purchase;
  RecordRef order;
  long available;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    PointsLedger built = PointsLedger.open(LoyaltyAccountId.parse("acc-bench"),
        NegativeBalancePolicy.FORFEIT);
    Instant at = Instant.parse("2026-01-01T02:00:00Z");
    for (int i = 0; i < LOTS; i++) {
      at = at.plus(Duration.ofMinutes(10 + random.nextInt(1_000)));
      EventStamp stamp = EventStamp.of(EventId.parse("ev-" + i), at, ACTOR);
      PointsExpiry expiry = random.nextInt(3) == 0 ? new PointsExpiry.Never()
          : new PointsExpiry.EndOfMonth(12);
      Option<Instant> lock = i % 10 == 0 ? Option.of(at.plus(Duration.ofDays(7))) : Option.none();
      built = built.earn(POINTS, 1 + random.nextInt(2_000), expiry, SHANGHAI, lock,
          RecordRef.to(PurchaseId.parse("P-" + i)), "purchase", stamp).get().state();
    }
    ledger = built;
    Instant now = at.plus(Duration.ofDays(1));
    next = EventStamp.of(EventId.parse("ev-next"), now, ACTOR);
    purchase = RecordRef.to(PurchaseId.parse("P-next"));
    order = RecordRef.to(PurchaseId.parse("O-next"));
    available = ledger.available(POINTS, now);
  }

  @Benchmark
  public Either<LedgerRejection, Transition<PointsLedger>> earnOnAThousandLots() {
    return ledger.earn(POINTS, 500, new PointsExpiry.EndOfMonth(12), SHANGHAI, Option.none(),
        purchase, "purchase", next);
  }

  @Benchmark
  public Either<LedgerRejection, Transition<PointsLedger>> redeemAcrossAThousandLotsOldestFirst() {
    return ledger.redeem(POINTS, available, RedemptionOrder.OLDEST_FIRST, order, next);
  }

  @Benchmark
  public Either<LedgerRejection, Transition<PointsLedger>>
      redeemAcrossAThousandLotsSoonestExpiringFirst() {
    return ledger.redeem(POINTS, available, RedemptionOrder.SOONEST_EXPIRING_FIRST, order, next);
  }
}
