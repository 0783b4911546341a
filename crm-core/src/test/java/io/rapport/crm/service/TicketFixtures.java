package io.rapport.crm.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.work.Priority;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.quicktheories.QuickTheory;

/**
 * Fixtures of the ticket tests, read as prose, and a fixed-seed QuickTheory (QuickTheories prints
 * the seed with a falsified example; pass {@code -Drapport.seed=N} to explore others).
 */
final class TicketFixtures {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);
  static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  static final ActorId AGENT_ACTOR = ActorId.parse("employee:E-li");
  static final ActorId CUSTOMER_ACTOR = ActorId.parse("customer:C-1001");
  static final EmployeeId LI = EmployeeId.parse("E-li");
  static final EmployeeId WANG = EmployeeId.parse("E-wang");
  static final TeamId SERVICE = TeamId.parse("T-service");
  static final TeamId WORKSHOP = TeamId.parse("T-workshop");
  static final CustomerId CUSTOMER = CustomerId.parse("C-1001");
  static final CustomerId OTHER_CUSTOMER = CustomerId.parse("C-2002");
  static final TicketId TICKET = TicketId.parse("T-1");
  static final TicketId SECOND = TicketId.parse("T-2");
  static final TicketId THIRD = TicketId.parse("T-3");
  static final ArticleId ARTICLE = ArticleId.parse("A-oil");
  static final TicketRules RULES = TicketRules.standard();

  private static final AtomicInteger EVENTS = new AtomicInteger();

  private TicketFixtures() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  /** Returns a stamp by the agent some minutes after T0. */
  static EventStamp at(long minutes) {
    return stampAt(T0.plus(Duration.ofMinutes(minutes)), AGENT_ACTOR);
  }

  /** Returns a stamp by the customer some minutes after T0. */
  static EventStamp byCustomer(long minutes) {
    return stampAt(T0.plus(Duration.ofMinutes(minutes)), CUSTOMER_ACTOR);
  }

  static EventStamp stampAt(Instant at, ActorId by) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()), at, by);
  }

  /** The draft of a repair request by phone. */
  static TicketDraft crackedTable() {
    return TicketDraft.of("Crack in the table top", "The top cracked a week after delivery",
        CUSTOMER, Channel.Kind.CALL);
  }

  /** Opens a ticket from a draft at T0, which must be valid. */
  static Ticket opened(TicketId id, TicketDraft draft) {
    return Ticket.open(id, draft, at(0)).get().state();
  }

  /** A NEW repair ticket at T0. */
  static Ticket aNewTicket() {
    return opened(TICKET, crackedTable());
  }

  /** Returns the new state of an accepted command, failing the test otherwise. */
  static Ticket accepted(Either<TicketRejection, Transition<Ticket>> result) {
    assertThat(result.isRight()).as("accepted, but %s", result.isLeft() ? result.getLeft() : "")
        .isTrue();
    return result.get().state();
  }

  /** Returns the refusal of a command, failing the test otherwise. */
  static TicketRejection refused(Either<TicketRejection, Transition<Ticket>> result) {
    assertThat(result.isLeft()).as("refused").isTrue();
    return result.getLeft();
  }

  /** Returns a ticket in a status, reached by commands from a new ticket, at minute 10 at most. */
  static Ticket ticketIn(TicketStatus status) {
    Ticket ticket = aNewTicket();
    switch (status) {
      case NEW:
        return ticket;
      case OPEN:
        return accepted(ticket.start(at(1)));
      case PENDING_CUSTOMER:
        return accepted(ticket.waitOnCustomer(at(1)));
      case PENDING_THIRD_PARTY:
        return accepted(ticket.waitOnThirdParty(at(1)));
      case RESOLVED:
        return accepted(ticket.resolve(at(1)));
      case CLOSED:
        return accepted(accepted(ticket.resolve(at(1))).close(at(2)));
      case SPAM:
        return accepted(ticket.markSpam(at(1)));
      default:
        Ticket target = opened(SECOND, crackedTable());
        return TicketMerge.merge(ticket, target, at(1)).get().source().state();
    }
  }

  /** Rebuilds a state through the canonical constructor, which re-checks every invariant. */
  static Ticket rebuilt(Ticket t) {
    return new Shape(t).build();
  }

  /** The components of a ticket, to change one and rebuild it. */
  static final class Shape {
    TicketId id;
    String subject;
    String description;
    CustomerId customer;
    Channel.Kind origin;
    TicketCategory category;
    Priority priority;
    TicketStatus status;
    Option<EmployeeId> assignee;
    Option<TeamId> team;
    Set<String> tags;
    Seq<TicketComment> comments;
    Option<Instant> firstResponseAt;
    Option<TicketId> parent;
    Set<TicketId> related;
    Option<TicketId> mergedInto;
    Seq<TicketId> mergedFrom;
    Option<TicketId> splitFrom;
    Seq<ArticleId> solvedBy;
    Option<Satisfaction> satisfaction;
    Option<RecordRef> cause;
    Option<TicketSla> sla;
    Instant createdAt;
    ActorId createdBy;
    Instant updatedAt;
    Option<Instant> resolvedAt;
    Option<Instant> closedAt;
    Seq<TicketHistoryEntry> history;

    Shape(Ticket t) {
      id = t.id();
      subject = t.subject();
      description = t.description();
      customer = t.customer();
      origin = t.origin();
      category = t.category();
      priority = t.priority();
      status = t.status();
      assignee = t.assignee();
      team = t.team();
      tags = t.tags();
      comments = t.comments();
      firstResponseAt = t.firstResponseAt();
      parent = t.parent();
      related = t.related();
      mergedInto = t.mergedInto();
      mergedFrom = t.mergedFrom();
      splitFrom = t.splitFrom();
      solvedBy = t.solvedBy();
      satisfaction = t.satisfaction();
      cause = t.cause();
      sla = t.sla();
      createdAt = t.createdAt();
      createdBy = t.createdBy();
      updatedAt = t.updatedAt();
      resolvedAt = t.resolvedAt();
      closedAt = t.closedAt();
      history = t.history();
    }

    Ticket build() {
      return new Ticket(id, subject, description, customer, origin, category, priority, status,
          assignee, team, tags, comments, firstResponseAt, parent, related, mergedInto,
          mergedFrom, splitFrom, solvedBy, satisfaction, cause, sla, createdAt, createdBy,
          updatedAt, resolvedAt, closedAt, history);
    }
  }
}
