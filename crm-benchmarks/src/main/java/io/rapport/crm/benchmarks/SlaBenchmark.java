package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.service.SlaClock;
import io.rapport.crm.service.SlaDue;
import io.rapport.crm.service.SlaPolicies;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.SlaSignal;
import io.rapport.crm.service.SlaState;
import io.rapport.crm.service.TicketStatus;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures the SLA clock on the Shanghai office calendar (Monday to Friday 09:00–12:00 and
 * 13:00–18:00, 20 holidays in 2026) under the standard policy: first response 8h, next response
 * 8h, resolution 40h in business hours, pausing in both pending statuses.
 *
 * <ul>
 *   <li>{@link #evaluateTwentyStatusChanges}, {@link #duesTwentyStatusChanges}: one ticket with 20
 *       status changes (open, pending, resolved, reopened) and 12 replies over three weeks;
 *   <li>{@link #evaluateAMillionOpenTickets}, {@link #duesOfAMillionOpenTickets}: a million open
 *       tickets of 2 to 6 signals each, created over the two weeks before the evaluation time,
 *       re-evaluated in one operation (with intervals, and the lean path).
 * </ul>
 *
 * <pre>
 * ./mvnw -B -ntp -pl crm-core,crm-benchmarks -am package -DskipTests
 * java -Xmx8g -jar crm-benchmarks/target/benchmarks.jar SlaBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
public class SlaBenchmark {

  static final int TICKETS = 1_000_000;

  SlaClock clock;
  Seq<SlaSignal> twentyChanges;
  Instant afterTheChanges;

  @Setup(Level.Trial)
  public void setUp() {
    clock = standardClock();
    twentyChanges = twentyChanges();
    afterTheChanges = twentyChanges.last().at().plus(Duration.ofHours(3));
  }

  /** Holds the million open tickets, built only for the benchmarks that use them. */
  @State(Scope.Benchmark)
  public static class OpenTickets {
    SlaClock clock;
    Seq<SlaSignal>[] tickets;
    Instant now;

    @Setup(Level.Trial)
    public void setUp() {
      clock = standardClock();
      now = BusinessCalendarBenchmark.at("2026-06-15T15:00");
      tickets = openTickets(now, TICKETS, 20261123L);
    }
  }

  /** The standard policy on the Shanghai calendar, its 2026 year index built. */
  static SlaClock standardClock() {
    BusinessCalendar calendar = BusinessCalendarBenchmark.shanghaiOffice();
    calendar.workingTimeBetween(BusinessCalendarBenchmark.at("2026-01-02T00:00"),
        BusinessCalendarBenchmark.at("2026-12-30T00:00"));
    SlaPolicy standard = SlaPolicies.standard(TeamId.parse("T-escalation")).last();
    return SlaClock.of(standard, calendar);
  }

  /** One ticket over three weeks: 20 status changes and 12 replies. */
  static Seq<SlaSignal> twentyChanges() {
    List<SlaSignal> signals = new ArrayList<>();
    Instant at = BusinessCalendarBenchmark.at("2026-06-01T09:10");
    signals.add(new SlaSignal.StatusChanged(at, TicketStatus.NEW));
    TicketStatus[] moves = {
        TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER, TicketStatus.OPEN,
        TicketStatus.PENDING_THIRD_PARTY, TicketStatus.OPEN, TicketStatus.RESOLVED,
        TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER, TicketStatus.OPEN,
        TicketStatus.PENDING_THIRD_PARTY, TicketStatus.OPEN, TicketStatus.RESOLVED,
        TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER, TicketStatus.OPEN,
        TicketStatus.PENDING_THIRD_PARTY, TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER,
        TicketStatus.OPEN, TicketStatus.RESOLVED};
    for (int i = 0; i < moves.length; i++) {
      at = at.plus(Duration.ofMinutes(95 + 37 * (i % 5)));
      if (i % 5 == 1 || i % 5 == 3) {
        signals.add(new SlaSignal.AgentReplied(at));
        at = at.plus(Duration.ofMinutes(20));
        signals.add(new SlaSignal.CustomerReplied(at));
        at = at.plus(Duration.ofMinutes(10));
      }
      signals.add(new SlaSignal.StatusChanged(at, moves[i]));
      if (moves[i] == TicketStatus.RESOLVED) {
        at = at.plus(Duration.ofHours(20));
      }
    }
    return Array.ofAll(signals);
  }

  /** Open tickets of 2 to 6 signals, created in the two weeks before now. */
  @SuppressWarnings("unchecked")
  static Seq<SlaSignal>[] openTickets(Instant now, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Seq<SlaSignal>[] tickets = new Seq[count];
    long window = Duration.ofDays(14).getSeconds();
    for (int t = 0; t < count; t++) {
      Instant created = now.minusSeconds(1 + random.nextLong(window));
      long left = Duration.between(created, now).getSeconds();
      int size = 2 + random.nextInt(5);
      SlaSignal[] signals = new SlaSignal[size];
      signals[0] = new SlaSignal.StatusChanged(created, TicketStatus.NEW);
      Instant at = created;
      for (int i = 1; i < size; i++) {
        at = at.plusSeconds(random.nextLong(Math.max(1, left / size)));
        switch (i) {
          case 1:
            signals[i] = new SlaSignal.StatusChanged(at, TicketStatus.OPEN);
            break;
          case 2:
            signals[i] = new SlaSignal.AgentReplied(at);
            break;
          case 3:
            signals[i] = random.nextBoolean()
                ? new SlaSignal.StatusChanged(at, TicketStatus.PENDING_CUSTOMER)
                : new SlaSignal.CustomerReplied(at);
            break;
          case 4:
            signals[i] = signals[3] instanceof SlaSignal.StatusChanged
                ? new SlaSignal.CustomerReplied(at) : new SlaSignal.AgentReplied(at);
            break;
          default:
            signals[i] = new SlaSignal.StatusChanged(at, TicketStatus.OPEN);
            break;
        }
      }
      tickets[t] = Array.of(signals);
    }
    return tickets;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public SlaState evaluateTwentyStatusChanges() {
    return clock.evaluate(twentyChanges, afterTheChanges);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Seq<SlaDue> duesTwentyStatusChanges() {
    return clock.dues(twentyChanges, afterTheChanges);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void evaluateAMillionOpenTickets(OpenTickets open, Blackhole blackhole) {
    for (Seq<SlaSignal> signals : open.tickets) {
      blackhole.consume(open.clock.evaluate(signals, open.now));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void duesOfAMillionOpenTickets(OpenTickets open, Blackhole blackhole) {
    for (Seq<SlaSignal> signals : open.tickets) {
      blackhole.consume(open.clock.dues(signals, open.now));
    }
  }
}
