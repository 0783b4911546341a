package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.ESCALATION_TEAM;
import static io.rapport.crm.service.SlaFixtures.SHANGHAI_OFFICE;
import static io.rapport.crm.service.SlaFixtures.agent;
import static io.rapport.crm.service.SlaFixtures.at;
import static io.rapport.crm.service.SlaFixtures.customer;
import static io.rapport.crm.service.SlaFixtures.hours;
import static io.rapport.crm.service.SlaFixtures.signals;
import static io.rapport.crm.service.SlaFixtures.status;
import static io.rapport.crm.service.SlaFixtures.ticket;
import static io.rapport.crm.service.SlaTargetKind.FIRST_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.NEXT_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.crm.work.Priority;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** Escalations of the standard policies, fired by reviews on the Shanghai office calendar. */
class EscalationTest {

  static final SlaPolicyBook BOOK = SlaPolicies.standardBook(ESCALATION_TEAM);
  static final EscalationAction NOTIFY = new EscalationAction.NotifyRole(SlaPolicies.SERVICE_LEAD);
  static final EscalationAction HAND_OVER =
      new EscalationAction.Reassign(Option.some(ESCALATION_TEAM), Option.none());
  static final EscalationAction RAISE = new EscalationAction.RaisePriority(Priority.HIGH);

  static SlaReview review(Seq<SlaSignal> signals, Priority priority, String asOf) {
    return SlaMonitor.review(ticket(signals, priority, Option.none()), BOOK,
        CustomerStanding.NONE, SHANGHAI_OFFICE, at(asOf)).get();
  }

  @Test
  void theStandardPoliciesGoByPriority() {
    assertThat(BOOK.policies().map(SlaPolicy::id))
        .containsExactly(SlaPolicies.URGENT, SlaPolicies.HIGH, SlaPolicies.STANDARD);
    Seq<SlaSignal> created = signals(status("2026-04-01T09:00", TicketStatus.NEW));
    assertThat(review(created, Priority.URGENT, "2026-04-01T09:00").sla().policy())
        .isEqualTo(SlaPolicies.URGENT);
    assertThat(review(created, Priority.HIGH, "2026-04-01T09:00").sla().policy())
        .isEqualTo(SlaPolicies.HIGH);
    assertThat(review(created, Priority.LOW, "2026-04-01T09:00").sla().policy())
        .isEqualTo(SlaPolicies.STANDARD);
    SlaPolicy urgent = BOOK.policy(SlaPolicies.URGENT).get();
    assertThat(urgent.targets()).extracting(SlaTarget::kind, SlaTarget::within)
        .containsExactly(tuple(FIRST_RESPONSE, hours(1)), tuple(NEXT_RESPONSE, hours(2)),
            tuple(RESOLUTION, hours(8)));
    assertThat(urgent.pausedIn()).containsExactlyInAnyOrder(TicketStatus.PENDING_CUSTOMER,
        TicketStatus.PENDING_THIRD_PARTY);
  }

  @Test
  void firesTheRulesOfTheNewAlertsInTheOrderOfTheRules() {
    // Never answered: first response due Wed 18:00, resolution (40h) due the next Wednesday,
    // after a weekend and the Qingming holiday.
    SlaReview review = review(signals(status("2026-04-01T09:00", TicketStatus.NEW)),
        Priority.NORMAL, "2026-04-09T10:00");

    assertThat(review.alerts()).extracting(SlaAlert::target, SlaAlert::level, SlaAlert::at)
        .containsExactly(
            tuple(FIRST_RESPONSE, AlertLevel.WARNING, at("2026-04-01T16:00")),
            tuple(FIRST_RESPONSE, AlertLevel.BREACH, at("2026-04-01T18:00")),
            tuple(RESOLUTION, AlertLevel.WARNING, at("2026-04-07T16:00")),
            tuple(RESOLUTION, AlertLevel.BREACH, at("2026-04-08T18:00")));
    assertThat(review.actions())
        .containsExactly(NOTIFY, NOTIFY, HAND_OVER, HAND_OVER, RAISE, RAISE);
  }

  @Test
  void firesARuleOncePerAlert() {
    SlaReview review = review(signals(
        status("2026-04-01T09:00", TicketStatus.NEW),
        agent("2026-04-01T09:10"),
        customer("2026-04-01T09:20"),
        agent("2026-04-02T10:00"),
        customer("2026-04-02T10:30")), Priority.NORMAL, "2026-04-03T12:00");

    assertThat(review.state().targets()).extracting(SlaTargetState::target,
        SlaTargetState::cycle, SlaTargetState::phase).containsExactly(
        tuple(FIRST_RESPONSE, 0, SlaPhase.MET),
        tuple(NEXT_RESPONSE, 1, SlaPhase.MET_LATE),
        tuple(NEXT_RESPONSE, 2, SlaPhase.BREACHED),
        tuple(RESOLUTION, 0, SlaPhase.RUNNING));
    assertThat(review.alerts()).extracting(SlaAlert::cycle, SlaAlert::level).containsExactly(
        tuple(1, AlertLevel.WARNING), tuple(1, AlertLevel.BREACH),
        tuple(2, AlertLevel.WARNING), tuple(2, AlertLevel.BREACH));
    assertThat(review.actions()).containsExactly(NOTIFY, NOTIFY, NOTIFY, NOTIFY);
  }

  @Test
  void anUrgentTicketIsHandedOverWithoutRaisingItsPriority() {
    SlaReview review = review(signals(status("2026-04-01T09:00", TicketStatus.OPEN)),
        Priority.URGENT, "2026-04-01T10:30");

    assertThat(review.alerts()).extracting(SlaAlert::target, SlaAlert::level).containsExactly(
        tuple(FIRST_RESPONSE, AlertLevel.WARNING), tuple(FIRST_RESPONSE, AlertLevel.BREACH));
    assertThat(review.actions()).containsExactly(NOTIFY, HAND_OVER);
  }
}
