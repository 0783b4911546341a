package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.at;
import static io.rapport.crm.service.SlaFixtures.hours;
import static io.rapport.crm.service.SlaTargetKind.FIRST_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.NEXT_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The invariants of the small SLA shapes, each with its stable code and field. */
class SlaShapesTest {

  static final Instant NINE = at("2026-04-01T09:00");
  static final Instant TEN = at("2026-04-01T10:00");

  static void refused(ThrowingCallable call, String... fieldsAndCodes) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e ->
        assertThat(e.violations().map(v -> v.field() + " " + v.code()))
            .containsExactly(fieldsAndCodes));
  }

  @Test
  void cyclesAreZeroForFirstResponseAndResolutionAndCountFromOneForNextResponse() {
    refused(() -> new SlaMark(FIRST_RESPONSE, 1, AlertLevel.WARNING), "cycle sla.cycle.invalid");
    refused(() -> new SlaMark(NEXT_RESPONSE, 0, AlertLevel.BREACH), "cycle sla.cycle.invalid");
    refused(() -> new SlaAlert(RESOLUTION, -1, AlertLevel.BREACH, NINE),
        "cycle sla.cycle.invalid");
    refused(() -> new SlaDue(NEXT_RESPONSE, 0, NINE, TEN), "cycle sla.cycle.invalid");
    refused(() -> new SlaDueChange(RESOLUTION, 2, Option.none(), Option.none(), Option.none(),
        Option.none()), "cycle sla.cycle.invalid");
    assertThatCode(() -> {
      new SlaMark(NEXT_RESPONSE, 3, AlertLevel.WARNING);
      new SlaAlert(RESOLUTION, 0, AlertLevel.BREACH, NINE);
      new SlaDue(FIRST_RESPONSE, 0, NINE, NINE);
    }).doesNotThrowAnyException();
  }

  @Test
  void anAlertRemembersItselfAsAMark() {
    assertThat(new SlaAlert(NEXT_RESPONSE, 2, AlertLevel.BREACH, NINE).mark())
        .isEqualTo(new SlaMark(NEXT_RESPONSE, 2, AlertLevel.BREACH));
  }

  @Test
  void aDueWarnsNoLaterThanItFallsDue() {
    refused(() -> new SlaDue(NEXT_RESPONSE, 0, TEN, NINE), "cycle sla.cycle.invalid",
        "warnAt sla.due.warn_after_due");
  }

  @Test
  void aTargetStateNeverCountsNegativeTime() {
    refused(() -> new SlaTargetState(RESOLUTION, 0, SlaPhase.RUNNING, NINE, hours(8),
        Duration.ofSeconds(-1), Option.none(), Option.none(), Option.none(), List.empty()),
        "elapsed sla.state.elapsed.negative");
  }

  @Test
  void aTicketSlaRunsEachCycleOnce() {
    SlaDue due = new SlaDue(RESOLUTION, 0, NINE, TEN);
    refused(() -> new TicketSla(SlaPolicyId.parse("p"), List.of(due,
        new SlaDue(NEXT_RESPONSE, 1, NINE, TEN), due), HashSet.empty(), TEN),
        "running[2] sla.ticket.running.duplicate");
    TicketSla sla = new TicketSla(SlaPolicyId.parse("p"), List.of(due,
        new SlaDue(NEXT_RESPONSE, 1, NINE, NINE)), HashSet.empty(), TEN);
    assertThat(sla.nextDue()).contains(NINE);
  }

  @Test
  void anIntervalEndsAfterItStartsAndCountsOnlyWhileRunning() {
    refused(() -> new SlaInterval(TEN, NINE, false, TicketStatus.OPEN, Duration.ZERO),
        "end sla.interval.end_before_start");
    refused(() -> new SlaInterval(NINE, TEN, true, TicketStatus.OPEN, Duration.ofSeconds(-1)),
        "counted sla.interval.counted.negative");
    refused(() -> new SlaInterval(NINE, TEN, false, TicketStatus.PENDING_CUSTOMER, hours(1)),
        "counted sla.interval.paused_counted");
  }

  @Test
  void aTargetAllowsAPositiveTimeOfAtMostAYear() {
    refused(() -> new SlaTarget(RESOLUTION, Duration.ZERO, true),
        "within sla.target.within.not_positive");
    refused(() -> new SlaTarget(RESOLUTION, Duration.ofDays(365).plusNanos(1), true),
        "within sla.target.within.too_long");
    assertThatCode(() -> new SlaTarget(RESOLUTION, Duration.ofDays(365), false))
        .doesNotThrowAnyException();
  }

  @Test
  void tiersAndSegmentsAreNotBlank() {
    refused(() -> new CustomerStanding(Option.some(" "), HashSet.of("vip", "")),
        "tier sla.standing.tier.blank", "segments sla.standing.segment.blank");
    refused(() -> SlaConditions.any().withTiers("gold", "\t"), "tiers sla.conditions.tier.blank");
    refused(() -> SlaConditions.any().withSegments(""),
        "segments sla.conditions.segment.blank");
  }

  @Test
  void aReassignmentNamesATeamOrAnAgent() {
    refused(() -> new EscalationAction.Reassign(Option.none(), Option.none()),
        "team sla.escalation.reassign.empty");
    assertThatCode(() -> new EscalationAction.Reassign(Option.some(TeamId.parse("T-1")),
        Option.none())).doesNotThrowAnyException();
  }
}
