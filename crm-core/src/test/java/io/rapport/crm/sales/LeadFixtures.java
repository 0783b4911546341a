package io.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.quicktheories.QuickTheory;

/** Shared times, stamps and leads of the lead and purchase tests, and their fixed-seed runner. */
final class LeadFixtures {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);
  static final ActorId AGENT = ActorId.parse("employee:E-li");
  static final LeadId LEAD_ID = LeadId.parse("L-1");

  /** Monday 2026-11-23 01:00 UTC (09:00 in Shanghai). */
  static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

  private static final AtomicLong EVENTS = new AtomicLong();

  private LeadFixtures() {}

  /** Runs QuickTheories with a fixed seed, as the kernel's tests do. */
  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  /** Returns an instant some minutes after {@link #T0}. */
  static Instant minutes(long n) {
    return T0.plus(Duration.ofMinutes(n));
  }

  /** Returns a stamp with a fresh event id at an instant, by the agent. */
  static EventStamp stamp(Instant at) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()), at, AGENT);
  }

  /** Returns a stamp some minutes after {@link #T0}. */
  static EventStamp stampAt(long minutes) {
    return stamp(minutes(minutes));
  }

  /** A lead as a call-center agent captures it, with every part filled. */
  static LeadDraft aCallCenterLead() {
    return LeadDraft.of("  Li Wei ")
        .organizationName("Li Family Trust")
        .phone("138 0013 8000").defaultRegion("CN")
        .email("Li.Wei@Example.COM")
        .handle("wechat", "liwei_88")
        .source("call-center", "spring-fair", "https://example.com/fair", "C-7")
        .budget("200000", "CNY").decisionMaker(true).need("A dining set for twelve")
        .timeline("2026-12-31")
        .interest("P-dining-set", "P-chairs", "P-dining-set")
        .estimatedValue("180000.00", "CNY")
        .attribute("industry", " hospitality ")
        .attribute("region", "east")
        .owner("E-li").team("T-call");
  }

  /** Returns the captured lead of {@link #aCallCenterLead()}, captured at {@link #T0}. */
  static Lead aLead() {
    return Lead.capture(LEAD_ID, aCallCenterLead(), stamp(T0)).get().state();
  }

  /** Asserts a command was accepted with exactly one event and returns the new state. */
  static <R, S> S accepted(Either<R, Transition<S>> result) {
    assertThat(result.isRight()).as("accepted, but got %s", result).isTrue();
    assertThat(result.get().events()).hasSize(1);
    return result.get().state();
  }

  /** Asserts a command was refused and returns the refusal. */
  static <R, S> R refused(Either<R, Transition<S>> result) {
    assertThat(result.isLeft()).as("refused, but got %s", result).isTrue();
    return result.getLeft();
  }
}
