package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.AROUND_THE_CLOCK;
import static io.rapport.crm.service.SlaFixtures.SHANGHAI_OFFICE;
import static io.rapport.crm.service.SlaFixtures.hours;
import static io.rapport.crm.service.SlaFixtures.qt;
import static io.rapport.crm.service.SlaHistories.historiesWithTimes;
import static io.rapport.crm.service.SlaHistories.upTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.service.SlaHistories.Example;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Laws of the SLA clock over generated ticket histories, with fixed seeds. */
class SlaClockPropertyTest {

  static SlaPolicyBuilder policy(long firstResponse, long nextResponse, long resolution,
      boolean businessHours) {
    return SlaPolicy.builder(SlaPolicyId.parse("p"), "Generated")
        .target(SlaTargetKind.FIRST_RESPONSE, hours(firstResponse), businessHours)
        .target(SlaTargetKind.NEXT_RESPONSE, hours(nextResponse), businessHours)
        .target(SlaTargetKind.RESOLUTION, hours(resolution), businessHours);
  }

  static final SlaPolicy OFFICE = policy(1, 2, 8, true)
      .pausedIn(TicketStatus.PENDING_CUSTOMER).build().get();
  static final SlaPolicy NEVER_PAUSES = policy(1, 2, 8, true).build().get();
  static final SlaPolicy PAUSES_MORE = policy(1, 2, 8, true)
      .pausedIn(TicketStatus.PENDING_CUSTOMER, TicketStatus.PENDING_THIRD_PARTY).build().get();
  static final SlaPolicy LONGER = policy(3, 2, 20, true)
      .pausedIn(TicketStatus.PENDING_CUSTOMER).build().get();
  static final SlaPolicy MIXED = policy(1, 2, 8, false)
      .pausedIn(TicketStatus.PENDING_THIRD_PARTY).build().get();

  static SlaState evaluate(Example example, SlaPolicy policy, BusinessCalendar calendar) {
    return SlaClock.evaluate(example.signals(), policy, calendar, example.asOf());
  }

  @Test
  void aReplayAtAPastTimeSeesOnlyTheSignalsUpToIt() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      Instant asOf = example.asOf();
      for (SlaPolicy policy : new SlaPolicy[] {OFFICE, MIXED}) {
        assertThat(SlaClock.evaluate(example.signals(), policy, SHANGHAI_OFFICE, asOf))
            .isEqualTo(SlaClock.evaluate(upTo(example.signals(), asOf), policy, SHANGHAI_OFFICE,
                asOf));
      }
    });
  }

  @Test
  void theElapsedTimeIsTheSumOfTheIntervalsWhichFollowEachOther() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      for (SlaPolicy policy : new SlaPolicy[] {OFFICE, MIXED}) {
        SlaState state = evaluate(example, policy, SHANGHAI_OFFICE);
        for (SlaTargetState target : state.targets()) {
          Duration sum = target.intervals().map(SlaInterval::counted)
              .fold(Duration.ZERO, Duration::plus);
          assertThat(sum).as(target.explain()).isEqualTo(target.elapsed());
          Instant end = target.stoppedAt().getOrElse(state.asOf());
          Instant cursor = target.startedAt();
          for (SlaInterval interval : target.intervals()) {
            assertThat(interval.start()).as(target.explain()).isEqualTo(cursor);
            assertThat(interval.end()).isAfter(interval.start());
            boolean business = policy.target(target.target()).get().businessHours();
            if (interval.running() && business) {
              assertThat(interval.counted()).isEqualTo(
                  SHANGHAI_OFFICE.workingTimeBetween(interval.start(), interval.end()));
            }
            cursor = interval.end();
          }
          assertThat(cursor).as(target.explain()).isIn(end, target.startedAt());
          if (target.phase() != SlaPhase.CANCELLED) {
            assertThat(target.phase() == SlaPhase.BREACHED || target.phase() == SlaPhase.MET_LATE)
                .isEqualTo(target.elapsed().compareTo(target.allowed()) > 0);
          }
        }
      }
    });
  }

  @Test
  void pausingMoreNeverBringsADueTimeForward() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      SlaState never = evaluate(example, NEVER_PAUSES, SHANGHAI_OFFICE);
      SlaState some = evaluate(example, OFFICE, SHANGHAI_OFFICE);
      SlaState more = evaluate(example, PAUSES_MORE, SHANGHAI_OFFICE);
      assertNotEarlier(never, some);
      assertNotEarlier(some, more);
    });
  }

  @Test
  void aLongerTargetNeverFallsDueEarlier() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      SlaState shorter = evaluate(example, OFFICE, SHANGHAI_OFFICE);
      SlaState longer = evaluate(example, LONGER, SHANGHAI_OFFICE);
      for (SlaTargetState state : shorter.targets()) {
        SlaTargetState other = longer.target(state.target(), state.cycle()).get();
        if (state.dueAt().isDefined() && other.dueAt().isDefined()) {
          assertThat(other.dueAt().get()).isAfterOrEqualTo(state.dueAt().get());
        }
        assertThat(other.elapsed()).isEqualTo(state.elapsed());
      }
    });
  }

  /** Every cycle of the second state counted no more, and falls due no earlier, than the first. */
  static void assertNotEarlier(SlaState less, SlaState more) {
    assertThat(more.targets().map(t -> t.target() + "#" + t.cycle()))
        .isEqualTo(less.targets().map(t -> t.target() + "#" + t.cycle()));
    for (SlaTargetState state : less.targets()) {
      SlaTargetState paused = more.target(state.target(), state.cycle()).get();
      assertThat(paused.elapsed()).isLessThanOrEqualTo(state.elapsed());
      if (state.dueAt().isDefined() && paused.dueAt().isDefined()) {
        assertThat(paused.dueAt().get()).isAfterOrEqualTo(state.dueAt().get());
      }
      if (state.warnAt().isDefined() && paused.warnAt().isDefined()) {
        assertThat(paused.warnAt().get()).isAfterOrEqualTo(state.warnAt().get());
      }
    }
  }

  @Test
  void aroundTheClockTheDueTimeIsTheStartPlusTheTimeAllowedPlusThePauses() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      for (SlaPolicy policy : new SlaPolicy[] {OFFICE, MIXED}) {
        SlaState state = evaluate(example, policy, AROUND_THE_CLOCK);
        for (SlaTargetState target : state.targets()) {
          if (target.phase() != SlaPhase.RUNNING) {
            continue;
          }
          Duration paused = target.intervals().filter(interval -> !interval.running())
              .map(interval -> Duration.between(interval.start(), interval.end()))
              .fold(Duration.ZERO, Duration::plus);
          SlaTarget rule = policy.target(target.target()).get();
          assertThat(target.dueAt()).as(target.explain())
              .contains(target.startedAt().plus(rule.within()).plus(paused));
          assertThat(target.warnAt())
              .contains(target.startedAt().plus(policy.warningAfter(rule)).plus(paused));
        }
      }
    });
  }

  @Test
  void theLeanPathGivesTheSameDueTimes() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      for (SlaPolicy policy : new SlaPolicy[] {OFFICE, MIXED, PAUSES_MORE}) {
        SlaState state = evaluate(example, policy, SHANGHAI_OFFICE);
        Seq<SlaDue> expected = state.targets()
            .filter(t -> t.phase() == SlaPhase.RUNNING || t.phase() == SlaPhase.BREACHED)
            .filter(t -> t.dueAt().isDefined())
            .map(t -> new SlaDue(t.target(), t.cycle(), t.warnAt().get(), t.dueAt().get()));
        assertThat(SlaClock.dues(example.signals(), policy, SHANGHAI_OFFICE, example.asOf()))
            .containsExactlyElementsOf(expected);
      }
    });
  }

  @Test
  void aRunningClockAlwaysHasWarningAndDueTimesAndAPausedOneNone() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      SlaState state = evaluate(example, OFFICE, SHANGHAI_OFFICE);
      for (SlaTargetState target : state.targets()) {
        boolean paused = target.phase() == SlaPhase.PAUSED
            || (target.phase() == SlaPhase.BREACHED && target.dueAt().isEmpty());
        assertThat(target.dueAt().isEmpty()).as(target.explain())
            .isEqualTo(paused || (target.stoppedAt().isDefined()
                && target.elapsed().compareTo(target.allowed()) < 0));
        assertThat(target.stoppedAt().isDefined()).isEqualTo(target.phase() == SlaPhase.MET
            || target.phase() == SlaPhase.MET_LATE || target.phase() == SlaPhase.CANCELLED);
        Option<Instant> due = target.dueAt();
        target.warnAt().forEach(warn -> due.forEach(d -> assertThat(warn).isBeforeOrEqualTo(d)));
      }
    });
  }
}
