package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.ActivityLine;
import io.rapport.crm.loyalty.EarnActivity.PurchaseActivity;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.LoyaltyPrograms;
import io.rapport.crm.loyalty.LoyaltyRejection;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
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
 * Measures a whole earn on a loyalty account, as the loyalty desk posts a purchase: the earn
 * rules of {@link LoyaltyPrograms#standard the standard program} computed with their
 * explanation, one lot per paying rule, the qualifying entry, and the tier brought up to date, on
 * a member with 60 purchases over two years. Compare with the bare ledger posting of
 * {@link LedgerBenchmark} (target ≤ 2 µs for posting an earn).
 *
 * <pre>
 * ./mvnw -B -ntp -pl crm-benchmarks -am package -DskipTests
 * java -jar crm-benchmarks/target/benchmarks.jar MemberBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MemberBenchmark {

  static final Currency CNY = Currency.getInstance("CNY");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ActorId ACTOR = ActorId.parse("bench");

  LoyaltyProgram program;
  LoyaltyAccount account;
  PurchaseActivity purchase;
  EventStamp next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(11);
    Instant at = Instant.parse("2025-01-03T02:00:00Z");
    program = LoyaltyPrograms.standard(LoyaltyProgramId.parse("club"), "Club", SHANGHAI, CNY, at);
    LoyaltyAccount built = LoyaltyAccount.enroll(LoyaltyAccountId.parse("acc-bench"), program,
        CustomerId.parse("cust-bench"), Option.none(), stamp(0, at)).get().state();
    for (int i = 1; i <= 60; i++) {
      at = at.plus(Duration.ofHours(200 + random.nextInt(100)));
      built = built.earn(program, purchase("P-" + i, 50 + random.nextInt(3_000), at),
          stamp(i, at)).get().state();
    }
    account = built;
    Instant now = at.plus(Duration.ofDays(1));
    purchase = purchase("P-next", 1_288, now);
    next = stamp(1_000, now);
  }

  static EventStamp stamp(int i, Instant at) {
    return EventStamp.of(EventId.parse("ev-" + i), at, ACTOR);
  }

  static PurchaseActivity purchase(String id, long yuan, Instant at) {
    return new PurchaseActivity(RecordRef.to(PurchaseId.parse(id)), at, "store", List.of(
        new ActivityLine(ProductId.parse("chair"), HashSet.of("furniture"), BigDecimal.ONE,
            Money.of(BigDecimal.valueOf(yuan), CNY))));
  }

  @Benchmark
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> earnAPurchase() {
    return account.earn(program, purchase, next);
  }
}
