package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.AGENT_ACTOR;
import static io.rapport.crm.service.TicketFixtures.LI;
import static io.rapport.crm.service.TicketFixtures.SERVICE;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.WANG;
import static io.rapport.crm.service.TicketFixtures.WORKSHOP;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.aNewTicket;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.refused;
import static io.rapport.crm.service.TicketFixtures.stampAt;
import static io.rapport.crm.service.TicketFixtures.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketApplySlaTest {

  static final SlaPolicyId POLICY = SlaPolicyId.parse("SLA-vip");
  static final Instant REVIEWED = T0.plus(Duration.ofMinutes(30));
  static final SlaAlert BREACH = new SlaAlert(SlaTargetKind.FIRST_RESPONSE, 0, AlertLevel.BREACH,
      T0.plus(Duration.ofMinutes(20)));
  static final EscalationAction TO_WORKSHOP = new EscalationAction.Reassign(
      Option.some(WORKSHOP), Option.none());
  static final EscalationAction TO_WANG = new EscalationAction.Reassign(Option.none(),
      Option.some(WANG));
  static final EscalationAction NOTIFY = new EscalationAction.NotifyRole(Role.MANAGER);

  static EscalationAction raiseTo(Priority priority) {
    return new EscalationAction.RaisePriority(priority);
  }

  static SlaReview review(Seq<SlaAlert> alerts, EscalationAction... actions) {
    TicketSla sla = new TicketSla(POLICY, List.of(new SlaDue(SlaTargetKind.RESOLUTION, 0,
        T0.plus(Duration.ofHours(6)), T0.plus(Duration.ofHours(8)))),
        HashSet.ofAll(alerts.map(SlaAlert::mark)), REVIEWED);
    return new SlaReview(new SlaState(POLICY, REVIEWED, List.empty()), sla, alerts,
        List.of(actions));
  }

  /** A ticket of the service team assigned to Li, last changed at minute 1. */
  static Ticket assignedToLi() {
    return accepted(aNewTicket().transferToTeam(Option.some(SERVICE), Option.some(LI), at(1)));
  }

  @Test
  void withoutAlertsOnlyTheSlaRecordIsReplacedWithoutAnEvent() {
    Ticket ticket = assignedToLi();
    SlaReview quiet = review(List.empty());

    Transition<Ticket> result = ticket.applySla(quiet, stampAt(T0, AGENT_ACTOR)).get();

    assertThat(result.events()).isEmpty();
    assertThat(result.state().sla()).contains(quiet.sla());
    assertThat(result.state().updatedAt()).isEqualTo(ticket.updatedAt());
    assertThat(result.state().history()).isEqualTo(ticket.history());
    assertThat(result.state().sla().flatMap(TicketSla::nextDue))
        .contains(T0.plus(Duration.ofHours(8)));
  }

  @Test
  void newAlertsApplyTheActionsInOrderWithOneHistoryEntryAndOneEvent() {
    Ticket ticket = assignedToLi();
    SlaReview breached = review(List.of(BREACH), raiseTo(Priority.HIGH), TO_WORKSHOP, NOTIFY);
    EventStamp stamp = at(30);

    Either<TicketRejection, Transition<Ticket>> result = ticket.applySla(breached, stamp);
    Ticket escalated = accepted(result);

    assertThat(escalated.priority()).isEqualTo(Priority.HIGH);
    assertThat(escalated.team()).contains(WORKSHOP);
    assertThat(escalated.assignee()).isEmpty();
    assertThat(escalated.sla()).contains(breached.sla());
    assertThat(escalated.history()).hasSize(ticket.history().size() + 1);
    assertThat(escalated.history().last()).isEqualTo(new TicketHistoryEntry(stamp.at(),
        AGENT_ACTOR, TicketStatus.NEW, Priority.HIGH, Option.some(WORKSHOP), Option.none()));
    assertThat(result.get().events()).singleElement().isEqualTo(new TicketEvent.SlaEscalated(
        stamp, TICKET, List.of(BREACH), List.of(raiseTo(Priority.HIGH), TO_WORKSHOP, NOTIFY)));
  }

  @Test
  void raisingThePriorityKeepsAHigherOne() {
    Ticket urgent = accepted(assignedToLi().changePriority(Priority.URGENT, at(2)));

    Ticket after = accepted(urgent.applySla(review(List.of(BREACH), raiseTo(Priority.HIGH)),
        at(30)));

    assertThat(after.priority()).isEqualTo(Priority.URGENT);
    assertThat(after.history()).isEqualTo(urgent.history());
  }

  @Test
  void aReassignmentToTheSameTeamKeepsTheAssigneeAndOneToAnAgentKeepsTheTeam() {
    Ticket ticket = assignedToLi();
    EscalationAction sameTeam = new EscalationAction.Reassign(Option.some(SERVICE),
        Option.none());

    Ticket kept = accepted(ticket.applySla(review(List.of(BREACH), sameTeam), at(30)));
    Ticket toWang = accepted(ticket.applySla(review(List.of(BREACH), TO_WANG), at(30)));
    Ticket both = accepted(ticket.applySla(review(List.of(BREACH), TO_WORKSHOP, TO_WANG),
        at(30)));

    assertThat(kept.assignee()).contains(LI);
    assertThat(kept.history()).isEqualTo(ticket.history());
    assertThat(toWang.team()).contains(SERVICE);
    assertThat(toWang.assignee()).contains(WANG);
    assertThat(both.team()).contains(WORKSHOP);
    assertThat(both.assignee()).contains(WANG);
    assertThat(both.history()).hasSize(ticket.history().size() + 1);
  }

  @Test
  void anAlertThatOnlyNotifiesEmitsTheEventWithoutHistoryOrANewUpdateTime() {
    Ticket ticket = assignedToLi();

    Transition<Ticket> result = ticket.applySla(review(List.of(BREACH), NOTIFY),
        stampAt(T0, AGENT_ACTOR)).get();

    assertThat(result.events()).singleElement().isInstanceOf(TicketEvent.SlaEscalated.class);
    assertThat(result.state().history()).isEqualTo(ticket.history());
    assertThat(result.state().updatedAt()).isEqualTo(ticket.updatedAt());
  }

  @Test
  void aReviewThatWouldChangeTheTicketIsRefusedWhenDatedBeforeTheLastChange() {
    Ticket ticket = assignedToLi();

    TicketRejection refusal = refused(ticket.applySla(review(List.of(BREACH),
        raiseTo(Priority.URGENT)), stampAt(T0, AGENT_ACTOR)));

    assertThat(refusal.code()).isEqualTo("ticket.out_of_order");
  }

  @Test
  void aClosedOrMergedTicketStillTakesItsReview() {
    for (TicketStatus status : List.of(TicketStatus.CLOSED, TicketStatus.MERGED)) {
      Ticket ticket = ticketIn(status);
      SlaReview done = review(List.empty());

      assertThat(accepted(ticket.applySla(done, at(30))).sla()).contains(done.sla());
    }
  }
}
