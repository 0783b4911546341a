package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.SHANGHAI_OFFICE;
import static io.rapport.crm.service.SlaFixtures.agent;
import static io.rapport.crm.service.SlaFixtures.at;
import static io.rapport.crm.service.SlaFixtures.office;
import static io.rapport.crm.service.SlaFixtures.signals;
import static io.rapport.crm.service.SlaFixtures.status;
import static io.rapport.crm.service.SlaFixtures.ticket;
import static io.rapport.crm.service.SlaFixtures.withSla;
import static io.rapport.crm.service.SlaTargetKind.FIRST_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.RESOLUTION;
import static io.rapport.crm.service.TicketStatus.NEW;
import static io.rapport.crm.service.TicketStatus.OPEN;
import static io.rapport.crm.service.TicketStatus.PENDING_CUSTOMER;
import static io.rapport.crm.service.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * Reviews on the Shanghai office calendar under a policy of first response 1h, next response 2h
 * and resolution 8h in business hours, warning at 75 %.
 */
class SlaMonitorTest {

  static final EscalationAction NOTIFY = new EscalationAction.NotifyRole(Role.MANAGER);
  static final EscalationAction HAND_OVER = new EscalationAction.Reassign(
      Option.some(SlaFixtures.ESCALATION_TEAM), Option.none());
  static final EscalationAction RAISE = new EscalationAction.RaisePriority(Priority.HIGH);

  static final SlaPolicy POLICY = office()
      .escalate(FIRST_RESPONSE, AlertLevel.WARNING, NOTIFY)
      .escalate(FIRST_RESPONSE, AlertLevel.BREACH, HAND_OVER)
      .escalate(FIRST_RESPONSE, AlertLevel.BREACH, RAISE)
      .escalate(RESOLUTION, AlertLevel.WARNING, NOTIFY)
      .build().get();

  static final Seq<SlaSignal> WAITING = signals(status("2026-04-01T09:00", NEW));

  static Ticket fresh(Seq<SlaSignal> signals) {
    return ticket(signals, Priority.NORMAL, Option.none());
  }

  static SlaReview review(Ticket ticket, String asOf) {
    return SlaMonitor.review(ticket, POLICY, SHANGHAI_OFFICE, at(asOf));
  }

  @Test
  void warnsOnceTheWarningThresholdIsReached() {
    SlaReview review = review(fresh(WAITING), "2026-04-01T09:50");

    assertThat(review.alerts()).containsExactly(
        new SlaAlert(FIRST_RESPONSE, 0, AlertLevel.WARNING, at("2026-04-01T09:45")));
    assertThat(review.actions()).containsExactly(NOTIFY);
    assertThat(review.sla().policy()).isEqualTo(POLICY.id());
    assertThat(review.sla().reviewedAt()).isEqualTo(at("2026-04-01T09:50"));
    assertThat(review.sla().marks())
        .containsExactly(new SlaMark(FIRST_RESPONSE, 0, AlertLevel.WARNING));
    assertThat(review.sla().running()).containsExactly(
        new SlaDue(FIRST_RESPONSE, 0, at("2026-04-01T09:45"), at("2026-04-01T10:00")),
        new SlaDue(RESOLUTION, 0, at("2026-04-01T16:00"), at("2026-04-01T18:00")));
    assertThat(review.sla().nextDue()).contains(at("2026-04-01T10:00"));
    assertThat(review.state().asOf()).isEqualTo(at("2026-04-01T09:50"));
  }

  @Test
  void raisesEachAlertOnceAcrossReviews() {
    Ticket ticket = fresh(WAITING);
    SlaReview first = review(ticket, "2026-04-01T09:50");
    SlaReview second = review(withSla(ticket, first.sla()), "2026-04-01T10:30");
    SlaReview third = review(withSla(ticket, second.sla()), "2026-04-01T10:30");

    assertThat(second.alerts()).containsExactly(
        new SlaAlert(FIRST_RESPONSE, 0, AlertLevel.BREACH, at("2026-04-01T10:00")));
    assertThat(second.actions()).containsExactly(HAND_OVER, RAISE);
    assertThat(second.sla().marks()).containsExactlyInAnyOrder(
        new SlaMark(FIRST_RESPONSE, 0, AlertLevel.WARNING),
        new SlaMark(FIRST_RESPONSE, 0, AlertLevel.BREACH));
    assertThat(third.alerts()).isEmpty();
    assertThat(third.actions()).isEmpty();
    assertThat(third.sla()).isEqualTo(second.sla());
  }

  @Test
  void reportsATargetMetLateThatWentPastBothBetweenReviews() {
    Ticket ticket = fresh(signals(status("2026-04-01T09:00", NEW), agent("2026-04-01T11:00")));
    SlaReview review = review(ticket, "2026-04-01T11:30");

    assertThat(review.alerts()).extracting(SlaAlert::target, SlaAlert::level, SlaAlert::at)
        .containsExactly(
            tuple(FIRST_RESPONSE, AlertLevel.WARNING, at("2026-04-01T09:45")),
            tuple(FIRST_RESPONSE, AlertLevel.BREACH, at("2026-04-01T10:00")));
    assertThat(review.actions()).containsExactly(NOTIFY, HAND_OVER, RAISE);
    assertThat(review.sla().running()).extracting(SlaDue::target).containsExactly(RESOLUTION);
  }

  @Test
  void raisesNothingForATargetMetInTimeOrCancelled() {
    SlaReview metInTime = review(fresh(signals(status("2026-04-01T09:00", NEW),
        agent("2026-04-01T09:50"))), "2026-04-01T10:30");
    SlaReview cancelled = review(fresh(signals(status("2026-04-01T09:00", NEW),
        status("2026-04-01T10:30", RESOLVED))), "2026-04-01T11:00");

    assertThat(metInTime.alerts()).isEmpty();
    assertThat(cancelled.alerts()).isEmpty();
    assertThat(cancelled.state().target(FIRST_RESPONSE, 0).map(SlaTargetState::phase))
        .contains(SlaPhase.CANCELLED);
    assertThat(cancelled.sla().running()).isEmpty();
    assertThat(cancelled.sla().nextDue()).isEmpty();
  }

  @Test
  void leavesAPausedBreachOutOfTheRunningDues() {
    Ticket ticket = fresh(signals(status("2026-04-01T09:00", OPEN), agent("2026-04-01T09:30"),
        status("2026-04-02T10:00", PENDING_CUSTOMER)));
    SlaReview review = review(ticket, "2026-04-02T11:00");

    assertThat(review.state().target(RESOLUTION, 0).map(SlaTargetState::phase))
        .contains(SlaPhase.BREACHED);
    assertThat(review.sla().running()).isEmpty();
    assertThat(review.alerts()).extracting(SlaAlert::target, SlaAlert::level, SlaAlert::at)
        .containsExactly(
            tuple(RESOLUTION, AlertLevel.WARNING, at("2026-04-01T16:00")),
            tuple(RESOLUTION, AlertLevel.BREACH, at("2026-04-01T18:00")));
    // The policy has no rule on the resolution's breach: only the warning notifies.
    assertThat(review.actions()).containsExactly(NOTIFY);
  }

  @Test
  void keepsTheMarksOfAnotherPolicy() {
    TicketSla earlier = new TicketSla(SlaPolicyId.parse("old"), List.empty(),
        HashSet.of(new SlaMark(FIRST_RESPONSE, 0, AlertLevel.WARNING),
            new SlaMark(SlaTargetKind.NEXT_RESPONSE, 4, AlertLevel.BREACH)),
        at("2026-04-01T09:10"));
    Ticket ticket = ticket(WAITING, Priority.NORMAL, Option.some(earlier));
    SlaReview review = review(ticket, "2026-04-01T09:50");

    assertThat(review.alerts()).isEmpty();
    assertThat(review.sla().policy()).isEqualTo(POLICY.id());
    assertThat(review.sla().marks()).containsExactlyInAnyOrderElementsOf(earlier.marks());
  }

  @Test
  void reviewsUnderThePolicyABookPicks() {
    SlaPolicyBook book = SlaPolicyBook.of(List.of(POLICY)).get();

    assertThat(SlaMonitor.review(fresh(WAITING), book, CustomerStanding.NONE, SHANGHAI_OFFICE,
        at("2026-04-01T09:50")).map(SlaReview::alerts))
        .contains(review(fresh(WAITING), "2026-04-01T09:50").alerts());
    assertThat(SlaMonitor.review(fresh(WAITING), SlaPolicyBook.empty(), CustomerStanding.NONE,
        SHANGHAI_OFFICE, at("2026-04-01T09:50"))).isEmpty();
  }

  @Test
  void anEarlyReviewHasNothingToSay() {
    SlaReview review = review(fresh(WAITING), "2026-03-31T09:50");

    assertThat(review.state().targets()).isEmpty();
    assertThat(review.alerts()).isEmpty();
    assertThat(review.sla().running()).isEmpty();
  }
}
