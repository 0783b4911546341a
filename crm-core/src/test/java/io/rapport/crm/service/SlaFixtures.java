package io.rapport.crm.service;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.quicktheories.QuickTheory;

/**
 * Shared fixtures of the SLA tests: a Shanghai office calendar, signals written as prose, tickets
 * built from signals, and the fixed-seed QuickTheories runner.
 */
final class SlaFixtures {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Qingming, Monday 2026-04-06: a holiday right after a weekend. */
  static final LocalDate QINGMING = LocalDate.parse("2026-04-06");

  static final TeamId ESCALATION_TEAM = TeamId.parse("T-escalation");
  static final TeamId CALL_CENTER = TeamId.parse("T-call-center");

  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private SlaFixtures() {}

  /** Runs QuickTheories with a fixed seed, as the kernel's tests do. */
  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(500);
  }

  /** Mon–Fri 09:00–12:00 and 13:00–18:00 in Shanghai, closed on {@link #QINGMING}. */
  static BusinessCalendar shanghai() {
    return BusinessCalendar.builder(SHANGHAI)
        .workingHours(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(9, 0), LocalTime.of(12, 0))
        .workingHours(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(13, 0), LocalTime.of(18, 0))
        .holiday(QINGMING, "Qingming")
        .build();
  }

  static final BusinessCalendar SHANGHAI_OFFICE = shanghai();
  static final BusinessCalendar AROUND_THE_CLOCK = BusinessCalendar.twentyFourSeven(SHANGHAI);

  /** An instant from a Shanghai wall-clock time such as {@code 2026-04-01T09:00}. */
  static Instant at(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
  }

  static SlaSignal status(String localDateTime, TicketStatus status) {
    return new SlaSignal.StatusChanged(at(localDateTime), status);
  }

  static SlaSignal agent(String localDateTime) {
    return new SlaSignal.AgentReplied(at(localDateTime));
  }

  static SlaSignal customer(String localDateTime) {
    return new SlaSignal.CustomerReplied(at(localDateTime));
  }

  static Seq<SlaSignal> signals(SlaSignal... signals) {
    return List.of(signals);
  }

  static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }

  static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  /**
   * A policy in business hours: first response 1h, next response 2h, resolution 8h, pausing
   * while waiting on the customer, warning at 75 %.
   */
  static SlaPolicyBuilder office() {
    return SlaPolicy.builder(SlaPolicyId.parse("office"), "Office hours")
        .target(SlaTargetKind.FIRST_RESPONSE, hours(1), true)
        .target(SlaTargetKind.NEXT_RESPONSE, hours(2), true)
        .target(SlaTargetKind.RESOLUTION, hours(8), true)
        .pausedIn(TicketStatus.PENDING_CUSTOMER);
  }

  static SlaPolicy officePolicy() {
    return office().build().get();
  }

  // ---- tickets built from signals ----

  static final TicketId TICKET = TicketId.parse("TK-1");
  static final CustomerId CUSTOMER = CustomerId.parse("C-1");
  static final ActorId AGENT = ActorId.parse("E-li");
  static final ActorId CLIENT = ActorId.parse("C-1");

  /**
   * Builds a ticket whose {@link Ticket#slaSignals()} are the given ones (status changes before
   * comments at the same instant), satisfying the ticket's invariants. The first signal must be a
   * status change.
   */
  static Ticket ticket(Seq<SlaSignal> signals, Priority priority, Option<TicketSla> sla) {
    Vector<TicketHistoryEntry> history = Vector.empty();
    Vector<TicketComment> comments = Vector.empty();
    Instant firstResponse = null;
    for (SlaSignal signal : signals) {
      if (signal instanceof SlaSignal.StatusChanged) {
        history = history.append(new TicketHistoryEntry(signal.at(), AGENT,
            ((SlaSignal.StatusChanged) signal).status(), priority, Option.some(CALL_CENTER),
            Option.none()));
      } else if (signal instanceof SlaSignal.AgentReplied) {
        comments = comments.append(new TicketComment(comments.size() + 1, CommentAuthor.AGENT,
            CommentVisibility.PUBLIC, AGENT, signal.at(), "Reply", Option.none()));
        firstResponse = firstResponse == null ? signal.at() : firstResponse;
      } else {
        comments = comments.append(new TicketComment(comments.size() + 1,
            CommentAuthor.CUSTOMER, CommentVisibility.PUBLIC, CLIENT, signal.at(), "Message",
            Option.none()));
      }
    }
    TicketStatus status = history.last().status();
    Instant created = history.head().at();
    Instant updated = signals.last().at();
    Instant resolved = null;
    Instant closed = null;
    for (TicketHistoryEntry entry : history) {
      boolean done = entry.status() == TicketStatus.RESOLVED
          || entry.status() == TicketStatus.CLOSED;
      resolved = done ? (resolved == null ? entry.at() : resolved) : null;
      closed = entry.status() == TicketStatus.CLOSED ? (closed == null ? entry.at() : closed)
          : null;
    }
    return new Ticket(TICKET, "The chair wobbles", "", CUSTOMER, Channel.Kind.CALL,
        TicketCategory.REPAIR, priority, status, Option.none(), Option.some(CALL_CENTER),
        HashSet.empty(), comments, Option.of(firstResponse), Option.none(), HashSet.empty(),
        status == TicketStatus.MERGED ? Option.some(TicketId.parse("TK-0")) : Option.none(),
        List.empty(), Option.none(), List.empty(), Option.none(), Option.none(), sla, created,
        AGENT, updated, Option.of(resolved), Option.of(closed), history);
  }

  /** Returns the ticket with its SLA record replaced, as {@code Ticket.applySla} would. */
  static Ticket withSla(Ticket ticket, TicketSla sla) {
    return new Ticket(ticket.id(), ticket.subject(), ticket.description(), ticket.customer(),
        ticket.origin(), ticket.category(), ticket.priority(), ticket.status(), ticket.assignee(),
        ticket.team(), ticket.tags(), ticket.comments(), ticket.firstResponseAt(),
        ticket.parent(), ticket.related(), ticket.mergedInto(), ticket.mergedFrom(),
        ticket.splitFrom(), ticket.solvedBy(), ticket.satisfaction(), ticket.cause(),
        Option.some(sla), ticket.createdAt(), ticket.createdBy(), ticket.updatedAt(),
        ticket.resolvedAt(), ticket.closedAt(), ticket.history());
  }
}
