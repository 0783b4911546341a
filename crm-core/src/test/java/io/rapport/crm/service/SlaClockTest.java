package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.AROUND_THE_CLOCK;
import static io.rapport.crm.service.SlaFixtures.SHANGHAI;
import static io.rapport.crm.service.SlaFixtures.SHANGHAI_OFFICE;
import static io.rapport.crm.service.SlaFixtures.agent;
import static io.rapport.crm.service.SlaFixtures.at;
import static io.rapport.crm.service.SlaFixtures.customer;
import static io.rapport.crm.service.SlaFixtures.hours;
import static io.rapport.crm.service.SlaFixtures.minutes;
import static io.rapport.crm.service.SlaFixtures.office;
import static io.rapport.crm.service.SlaFixtures.officePolicy;
import static io.rapport.crm.service.SlaFixtures.signals;
import static io.rapport.crm.service.SlaFixtures.status;
import static io.rapport.crm.service.SlaTargetKind.FIRST_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.NEXT_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.RESOLUTION;
import static io.rapport.crm.service.TicketStatus.CLOSED;
import static io.rapport.crm.service.TicketStatus.MERGED;
import static io.rapport.crm.service.TicketStatus.NEW;
import static io.rapport.crm.service.TicketStatus.OPEN;
import static io.rapport.crm.service.TicketStatus.PENDING_CUSTOMER;
import static io.rapport.crm.service.TicketStatus.PENDING_THIRD_PARTY;
import static io.rapport.crm.service.TicketStatus.RESOLVED;
import static io.rapport.crm.service.TicketStatus.SPAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.SlaPolicyId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked examples on the Shanghai office calendar: Mon–Fri 09:00–12:00 and 13:00–18:00,
 * closed on Monday 2026-04-06. 2026-04-01 is a Wednesday, 2026-04-03 a Friday.
 */
class SlaClockTest {

  static SlaPolicy resolutionOnly(Duration within, boolean businessHours) {
    return SlaPolicy.builder(SlaPolicyId.parse("resolve"), "Resolution")
        .target(RESOLUTION, within, businessHours)
        .pausedIn(PENDING_CUSTOMER)
        .build().get();
  }

  static SlaTargetState target(SlaState state, SlaTargetKind kind, int cycle) {
    return state.target(kind, cycle).getOrElseThrow(
        () -> new AssertionError("no " + kind + " cycle " + cycle + " in " + state));
  }

  static SlaState evaluate(Seq<SlaSignal> signals, SlaPolicy policy, String asOf) {
    return SlaClock.evaluate(signals, policy, SHANGHAI_OFFICE, at(asOf));
  }

  @Nested
  class DueTimes {

    @Test
    void skipLunch() {
      SlaPolicy policy = resolutionOnly(hours(2), true);
      SlaTargetState state = target(
          evaluate(signals(status("2026-04-01T11:00", OPEN)), policy, "2026-04-01T11:30"),
          RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.RUNNING);
      assertThat(state.elapsed()).isEqualTo(minutes(30));
      assertThat(state.dueAt()).contains(at("2026-04-01T14:00"));
      // 75 % of 2h is 1h30m: an hour before lunch, half an hour after.
      assertThat(state.warnAt()).contains(at("2026-04-01T13:30"));
    }

    @Test
    void skipTheNight() {
      SlaTargetState state = target(evaluate(signals(status("2026-04-01T17:00", NEW)),
          resolutionOnly(hours(8), true), "2026-04-01T20:00"), RESOLUTION, 0);

      assertThat(state.elapsed()).isEqualTo(hours(1));
      assertThat(state.dueAt()).contains(at("2026-04-02T17:00"));
      assertThat(state.warnAt()).contains(at("2026-04-02T15:00"));
    }

    @Test
    void skipTheWeekendAndTheHoliday() {
      SlaTargetState state = target(evaluate(signals(status("2026-04-03T16:00", OPEN)),
          resolutionOnly(hours(8), true), "2026-04-06T10:00"), RESOLUTION, 0);

      // Friday 16–18 (2h), Saturday, Sunday and Qingming Monday closed, Tuesday 09–12, 13–16.
      assertThat(state.elapsed()).isEqualTo(hours(2));
      assertThat(state.dueAt()).contains(at("2026-04-07T16:00"));
    }

    @Test
    void countEveryHourAroundTheClock() {
      SlaTargetState state = target(evaluate(signals(status("2026-04-03T16:00", OPEN)),
          resolutionOnly(hours(8), false), "2026-04-03T20:00"), RESOLUTION, 0);

      assertThat(state.elapsed()).isEqualTo(hours(4));
      assertThat(state.dueAt()).contains(at("2026-04-04T00:00"));
      assertThat(state.warnAt()).contains(at("2026-04-03T22:00"));
    }

    @Test
    void fallDueAtTheEndOfAWorkingIntervalNotAtTheNextStart() {
      SlaTargetState state = target(evaluate(signals(status("2026-04-01T09:00", OPEN)),
          resolutionOnly(hours(8), true), "2026-04-01T09:00"), RESOLUTION, 0);

      assertThat(state.dueAt()).contains(at("2026-04-01T18:00"));
      assertThat(state.intervals()).isEmpty();
    }

    @Test
    void warnAtTheExactShareTruncatedToTheNanosecond() {
      SlaPolicy third = SlaPolicy.builder(SlaPolicyId.parse("third"), "A third")
          .target(RESOLUTION, Duration.ofSeconds(1), false)
          .warnAt(Percentage.ofPercent(new BigDecimal("33.3333333333")))
          .build().get();
      SlaTargetState state = target(evaluate(signals(status("2026-04-01T09:00", OPEN)), third,
          "2026-04-01T09:00"), RESOLUTION, 0);

      assertThat(state.warnAt()).contains(at("2026-04-01T09:00").plusNanos(333_333_333));
      assertThat(third.warningAfter(third.targets().head()))
          .isEqualTo(Duration.ofNanos(333_333_333));
    }
  }

  @Nested
  class Pauses {

    static final Seq<SlaSignal> WAITED_A_DAY = signals(
        status("2026-04-01T09:00", NEW),
        status("2026-04-01T09:00", OPEN),
        status("2026-04-01T10:00", PENDING_CUSTOMER),
        status("2026-04-02T10:00", OPEN));

    @Test
    void pauseWhileWaitingOnTheCustomer() {
      SlaTargetState state = target(evaluate(WAITED_A_DAY, resolutionOnly(hours(8), true),
          "2026-04-01T15:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.PAUSED);
      assertThat(state.elapsed()).isEqualTo(hours(1));
      assertThat(state.warnAt()).isEmpty();
      assertThat(state.dueAt()).isEmpty();
      assertThat(state.stoppedAt()).isEmpty();
    }

    @Test
    void resumeWithTheElapsedTimeKept() {
      SlaTargetState state = target(evaluate(WAITED_A_DAY, resolutionOnly(hours(8), true),
          "2026-04-02T11:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.RUNNING);
      assertThat(state.elapsed()).isEqualTo(hours(2));
      // 7h left from Thursday 10:00: 10–12, 13–18.
      assertThat(state.dueAt()).contains(at("2026-04-02T18:00"));
      assertThat(state.warnAt()).contains(at("2026-04-02T16:00"));
      assertThat(state.intervals()).extracting(SlaInterval::start, SlaInterval::end,
          SlaInterval::running, SlaInterval::status, SlaInterval::counted).containsExactly(
          tuple(at("2026-04-01T09:00"), at("2026-04-01T10:00"), true, OPEN, hours(1)),
          tuple(at("2026-04-01T10:00"), at("2026-04-02T10:00"), false, PENDING_CUSTOMER,
              Duration.ZERO),
          tuple(at("2026-04-02T10:00"), at("2026-04-02T11:00"), true, OPEN, hours(1)));
    }

    @Test
    void runWhileWaitingOnAThirdPartyWhenThePolicySaysSo() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", OPEN),
          status("2026-04-01T10:00", PENDING_THIRD_PARTY));
      SlaTargetState state = target(evaluate(signals, resolutionOnly(hours(8), true),
          "2026-04-01T15:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.RUNNING);
      assertThat(state.elapsed()).isEqualTo(hours(5));
    }

    @Test
    void breachWhilePausedKeepsTheBreachButNoDueTime() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", OPEN),
          status("2026-04-01T14:00", PENDING_CUSTOMER));
      SlaTargetState state = target(evaluate(signals, resolutionOnly(hours(3), true),
          "2026-04-01T17:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.BREACHED);
      assertThat(state.elapsed()).isEqualTo(hours(4));
      assertThat(state.dueAt()).isEmpty();
    }
  }

  @Nested
  class Resolution {

    static final Seq<SlaSignal> REOPENED = signals(
        status("2026-04-01T09:00", OPEN),
        status("2026-04-01T12:00", RESOLVED),
        status("2026-04-02T09:00", OPEN),
        status("2026-04-02T17:00", RESOLVED));

    @Test
    void isMetWhenResolved() {
      SlaTargetState state = target(evaluate(REOPENED, resolutionOnly(hours(8), true),
          "2026-04-01T15:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.MET);
      assertThat(state.elapsed()).isEqualTo(hours(3));
      assertThat(state.stoppedAt()).contains(at("2026-04-01T12:00"));
      assertThat(state.warnAt()).isEmpty();
      assertThat(state.dueAt()).isEmpty();
    }

    @Test
    void resumesTheSameCycleOnAReopen() {
      SlaTargetState state = target(evaluate(REOPENED, resolutionOnly(hours(8), true),
          "2026-04-02T12:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.RUNNING);
      assertThat(state.elapsed()).isEqualTo(hours(6));
      assertThat(state.stoppedAt()).isEmpty();
      assertThat(state.warnAt()).contains(at("2026-04-02T12:00"));
      assertThat(state.dueAt()).contains(at("2026-04-02T15:00"));
      assertThat(state.intervals()).extracting(SlaInterval::running, SlaInterval::status)
          .containsExactly(tuple(true, OPEN), tuple(false, RESOLVED), tuple(true, OPEN));
    }

    @Test
    void isMetLateWhenResolvedAfterItsDueTime() {
      SlaTargetState state = target(evaluate(REOPENED, resolutionOnly(hours(8), true),
          "2026-04-03T09:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.MET_LATE);
      assertThat(state.elapsed()).isEqualTo(hours(10));
      assertThat(state.stoppedAt()).contains(at("2026-04-02T17:00"));
      assertThat(state.dueAt()).contains(at("2026-04-02T15:00"));
      assertThat(state.warnAt()).contains(at("2026-04-02T12:00"));
      assertThat(state.explain(SHANGHAI)).isEqualTo("resolution: met late by 2h, at 2026-04-02"
          + " 17:00; ran 2026-04-01 09:00–12:00 (3h), paused 12:00–2026-04-02 09:00 resolved,"
          + " ran 09:00–17:00 (7h)");
    }

    @Test
    void exactlyTheAllowedTimeIsMetInTime() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", OPEN),
          status("2026-04-01T20:00", CLOSED));
      SlaTargetState state = target(evaluate(signals, resolutionOnly(hours(8), true),
          "2026-04-01T21:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.MET);
      assertThat(state.elapsed()).isEqualTo(hours(8));
      assertThat(state.dueAt()).contains(at("2026-04-01T18:00"));
    }

    @Test
    void closingAResolvedTicketKeepsItsResolutionTime() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", OPEN),
          status("2026-04-01T10:00", RESOLVED), status("2026-04-03T10:00", CLOSED));
      SlaTargetState state = target(evaluate(signals, resolutionOnly(hours(8), true),
          "2026-04-03T11:00"), RESOLUTION, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.MET);
      assertThat(state.stoppedAt()).contains(at("2026-04-01T10:00"));
      assertThat(state.intervals()).hasSize(1);
    }
  }

  @Nested
  class Responses {

    static final Seq<SlaSignal> CONVERSATION = signals(
        status("2026-04-01T09:00", NEW),
        agent("2026-04-01T09:30"),
        customer("2026-04-01T10:00"),
        customer("2026-04-01T10:30"),
        agent("2026-04-01T11:00"),
        customer("2026-04-01T14:00"));

    @Test
    void firstResponseIsMetByTheFirstAgentReply() {
      SlaTargetState state = target(evaluate(CONVERSATION, officePolicy(), "2026-04-01T17:00"),
          FIRST_RESPONSE, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.MET);
      assertThat(state.elapsed()).isEqualTo(minutes(30));
      assertThat(state.stoppedAt()).contains(at("2026-04-01T09:30"));
    }

    @Test
    void nextResponseStartsACycleForEachCustomerMessageAfterAnAgentReply() {
      SlaState state = evaluate(CONVERSATION, officePolicy(), "2026-04-01T17:00");

      assertThat(state.targets()).extracting(SlaTargetState::target, SlaTargetState::cycle,
          SlaTargetState::phase).containsExactly(
          tuple(FIRST_RESPONSE, 0, SlaPhase.MET),
          tuple(NEXT_RESPONSE, 1, SlaPhase.MET),
          tuple(NEXT_RESPONSE, 2, SlaPhase.BREACHED),
          tuple(RESOLUTION, 0, SlaPhase.RUNNING));
      SlaTargetState first = target(state, NEXT_RESPONSE, 1);
      assertThat(first.startedAt()).isEqualTo(at("2026-04-01T10:00"));
      assertThat(first.elapsed()).isEqualTo(hours(1));
      SlaTargetState second = target(state, NEXT_RESPONSE, 2);
      assertThat(second.elapsed()).isEqualTo(hours(3));
      assertThat(second.dueAt()).contains(at("2026-04-01T16:00"));
      assertThat(second.warnAt()).contains(at("2026-04-01T15:30"));
    }

    @Test
    void aResolutionCancelsARunningCycleAndCountsAsTheAnswer() {
      Seq<SlaSignal> signals = CONVERSATION.appendAll(List.of(
          status("2026-04-01T15:00", RESOLVED),
          customer("2026-04-01T15:30"),
          status("2026-04-02T09:00", OPEN),
          customer("2026-04-02T09:00")));
      SlaState state = evaluate(signals, officePolicy(), "2026-04-02T10:00");

      SlaTargetState second = target(state, NEXT_RESPONSE, 2);
      assertThat(second.phase()).isEqualTo(SlaPhase.CANCELLED);
      assertThat(second.stoppedAt()).contains(at("2026-04-01T15:00"));
      // The message while resolved starts nothing; the one after the reopen starts cycle 3.
      SlaTargetState third = target(state, NEXT_RESPONSE, 3);
      assertThat(third.startedAt()).isEqualTo(at("2026-04-02T09:00"));
      assertThat(third.phase()).isEqualTo(SlaPhase.RUNNING);
      assertThat(state.target(NEXT_RESPONSE, 4)).isEmpty();
    }

    @Test
    void firstResponseIsCancelledByAResolutionBeforeAnyReply() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", NEW),
          status("2026-04-01T10:00", RESOLVED), status("2026-04-01T11:00", OPEN),
          agent("2026-04-01T11:30"));
      SlaState state = evaluate(signals, officePolicy(), "2026-04-01T12:00");

      SlaTargetState first = target(state, FIRST_RESPONSE, 0);
      assertThat(first.phase()).isEqualTo(SlaPhase.CANCELLED);
      assertThat(first.stoppedAt()).contains(at("2026-04-01T10:00"));
      assertThat(first.elapsed()).isEqualTo(hours(1));
      assertThat(target(state, RESOLUTION, 0).elapsed()).isEqualTo(hours(2));
    }

    @Test
    void aReplyAtTheInstantOfTheResolutionStillCounts() {
      // At one instant, Ticket.slaSignals() lists the status change before the comment.
      Seq<SlaSignal> signals = CONVERSATION.appendAll(List.of(
          status("2026-04-01T15:00", RESOLVED), agent("2026-04-01T15:00")));
      SlaState state = evaluate(signals, officePolicy(), "2026-04-01T16:00");
      SlaState unanswered = evaluate(signals(status("2026-04-01T09:00", NEW),
          status("2026-04-01T09:40", RESOLVED), agent("2026-04-01T09:40")), officePolicy(),
          "2026-04-01T16:00");

      assertThat(target(state, NEXT_RESPONSE, 2).phase()).isEqualTo(SlaPhase.MET);
      assertThat(target(state, NEXT_RESPONSE, 2).stoppedAt()).contains(at("2026-04-01T15:00"));
      assertThat(target(unanswered, FIRST_RESPONSE, 0).phase()).isEqualTo(SlaPhase.MET);
      assertThat(target(unanswered, FIRST_RESPONSE, 0).elapsed()).isEqualTo(minutes(40));
    }

    @Test
    void firstResponseBreachesWithoutAReply() {
      SlaTargetState state = target(evaluate(signals(status("2026-04-01T11:30", NEW)),
          officePolicy(), "2026-04-01T14:00"), FIRST_RESPONSE, 0);

      assertThat(state.phase()).isEqualTo(SlaPhase.BREACHED);
      assertThat(state.elapsed()).isEqualTo(hours(1).plusMinutes(30));
      assertThat(state.dueAt()).contains(at("2026-04-01T13:30"));
      assertThat(state.warnAt()).contains(at("2026-04-01T13:15"));
    }
  }

  @Nested
  class MergeAndSpam {

    @Test
    void aMergeCancelsWhatIsStillRunningForGood() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", NEW),
          agent("2026-04-01T09:30"), customer("2026-04-01T10:00"),
          status("2026-04-01T11:00", MERGED), status("2026-04-01T12:00", OPEN),
          customer("2026-04-01T13:00"));
      SlaState state = evaluate(signals, officePolicy(), "2026-04-01T15:00");

      assertThat(state.targets()).extracting(SlaTargetState::target, SlaTargetState::phase,
          SlaTargetState::stoppedAt).containsExactly(
          tuple(FIRST_RESPONSE, SlaPhase.MET, Option.some(at("2026-04-01T09:30"))),
          tuple(NEXT_RESPONSE, SlaPhase.CANCELLED,
              Option.some(at("2026-04-01T11:00"))),
          tuple(RESOLUTION, SlaPhase.CANCELLED,
              Option.some(at("2026-04-01T11:00"))));
      assertThat(target(state, RESOLUTION, 0).elapsed()).isEqualTo(hours(2));
    }

    @Test
    void spamCancelsTheClocksWhileItLasts() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", NEW),
          status("2026-04-01T10:00", SPAM));
      SlaState state = evaluate(signals, officePolicy(), "2026-04-01T15:00");

      assertThat(state.targets()).extracting(SlaTargetState::phase)
          .containsOnly(SlaPhase.CANCELLED);
      assertThat(target(state, RESOLUTION, 0).stoppedAt()).contains(at("2026-04-01T10:00"));
    }

    @Test
    void spamThatIsClosedStaysCancelled() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", NEW),
          status("2026-04-01T10:00", SPAM), status("2026-04-01T11:00", CLOSED),
          status("2026-04-01T12:00", OPEN));
      SlaState state = evaluate(signals, officePolicy(), "2026-04-01T15:00");

      assertThat(state.targets()).extracting(SlaTargetState::phase, SlaTargetState::stoppedAt)
          .containsOnly(tuple(SlaPhase.CANCELLED, Option.some(at("2026-04-01T10:00"))));
    }

    @Test
    void notSpamAfterAllResumesTheClocks() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", NEW),
          status("2026-04-01T10:00", SPAM), status("2026-04-02T09:00", OPEN));
      SlaState state = evaluate(signals, officePolicy(), "2026-04-02T09:30");

      SlaTargetState resolution = target(state, RESOLUTION, 0);
      assertThat(resolution.phase()).isEqualTo(SlaPhase.RUNNING);
      assertThat(resolution.elapsed()).isEqualTo(minutes(90));
      assertThat(resolution.intervals()).extracting(SlaInterval::running, SlaInterval::status)
          .containsExactly(tuple(true, NEW), tuple(false, SPAM), tuple(true, OPEN));
      assertThat(target(state, FIRST_RESPONSE, 0).phase()).isEqualTo(SlaPhase.BREACHED);
    }
  }

  @Nested
  class Replay {

    @Test
    void ignoresSignalsAfterTheEvaluationTime() {
      Seq<SlaSignal> all = Resolution.REOPENED;
      SlaState past = evaluate(all, officePolicy(), "2026-04-01T15:00");
      SlaState cut = evaluate(all.take(2), officePolicy(), "2026-04-01T15:00");

      assertThat(past).isEqualTo(cut);
    }

    @Test
    void hasNoTargetsBeforeTheFirstSignal() {
      SlaState state = evaluate(Resolution.REOPENED, officePolicy(), "2026-03-31T15:00");

      assertThat(state.targets()).isEmpty();
      assertThat(state.asOf()).isEqualTo(at("2026-03-31T15:00"));
    }

    @Test
    void refusesSignalsOutOfOrder() {
      Seq<SlaSignal> signals = signals(status("2026-04-01T09:00", NEW),
          agent("2026-04-01T10:00"), customer("2026-04-01T09:30"));

      assertThatThrownBy(() -> evaluate(signals, officePolicy(), "2026-04-01T12:00"))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations()).extracting(v -> v.code() + " " + v.field())
                  .containsExactly("sla.signals.out_of_order signals[2]"));
    }

    @Test
    void startsAsNewWithoutAStatusSignal() {
      SlaState state = evaluate(signals(customer("2026-04-01T09:00")), officePolicy(),
          "2026-04-01T10:00");

      assertThat(target(state, RESOLUTION, 0).intervals()).extracting(SlaInterval::status)
          .containsExactly(NEW);
    }

    @Test
    void thePreparedClockAnswersAsTheStaticEvaluation() {
      SlaClock clock = SlaClock.of(officePolicy(), SHANGHAI_OFFICE);
      Instant asOf = at("2026-04-02T10:00");

      assertThat(clock.evaluate(Responses.CONVERSATION, asOf))
          .isEqualTo(SlaClock.evaluate(Responses.CONVERSATION, officePolicy(), SHANGHAI_OFFICE,
              asOf));
      assertThat(clock.policy()).isEqualTo(officePolicy());
      assertThat(clock.calendar()).isEqualTo(SHANGHAI_OFFICE);
    }

    @Test
    void theLeanPathGivesTheRunningDueTimes() {
      Seq<SlaDue> dues = SlaClock.dues(Responses.CONVERSATION, officePolicy(), SHANGHAI_OFFICE,
          at("2026-04-01T17:00"));

      assertThat(dues).extracting(SlaDue::target, SlaDue::cycle, SlaDue::dueAt).containsExactly(
          tuple(NEXT_RESPONSE, 2, at("2026-04-01T16:00")),
          tuple(RESOLUTION, 0, at("2026-04-01T18:00")));
    }
  }

  @Nested
  class Calendars {

    @Test
    void aroundTheClockTheDueTimeIsTheStartPlusTheTimeAllowedPlusThePauses() {
      SlaPolicy policy = resolutionOnly(hours(8), true);
      SlaTargetState state = target(SlaClock.evaluate(Pauses.WAITED_A_DAY, policy,
          AROUND_THE_CLOCK, at("2026-04-02T11:00")), RESOLUTION, 0);

      assertThat(state.dueAt()).contains(at("2026-04-01T09:00").plus(hours(8)).plus(hours(24)));
    }
  }

  @Test
  void explainsEveryTargetInLines() {
    SlaState state = evaluate(Responses.CONVERSATION, officePolicy(), "2026-04-01T17:00");

    assertThat(state.explain(SHANGHAI)).containsExactly(
        "SLA policy office as of 2026-04-01 17:00 (Asia/Shanghai)",
        "first response: met in 30m of 1h, at 2026-04-01 09:30; ran 2026-04-01 09:00–09:30 (30m)",
        "next response #1: met in 1h of 2h, at 2026-04-01 11:00; ran 2026-04-01 10:00–11:00 (1h)",
        "next response #2: breached by 1h, due 2026-04-01 16:00; ran 2026-04-01 14:00–17:00 (3h)",
        "resolution: running, 7h of 8h used, due 2026-04-01 18:00; ran 2026-04-01 09:00–17:00"
            + " (7h)");
    assertThat(state.explain().head()).isEqualTo("SLA policy office as of 2026-04-01 09:00 (Z)");
  }
}
