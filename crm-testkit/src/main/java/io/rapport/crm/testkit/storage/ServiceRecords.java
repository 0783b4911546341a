package io.rapport.crm.testkit.storage;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.service.AlertLevel;
import io.rapport.crm.service.CommentAuthor;
import io.rapport.crm.service.CommentVisibility;
import io.rapport.crm.service.EscalationAction;
import io.rapport.crm.service.EscalationRule;
import io.rapport.crm.service.SlaConditions;
import io.rapport.crm.service.SlaDue;
import io.rapport.crm.service.SlaMark;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.SlaTarget;
import io.rapport.crm.service.SlaTargetKind;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketCategory;
import io.rapport.crm.service.TicketComment;
import io.rapport.crm.service.TicketHistoryEntry;
import io.rapport.crm.service.TicketSla;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds the service records the storage contracts save, through the canonical constructors only
 * (the contracts test storage, not the ticket commands), keeping every record invariant: each
 * change sets the update time and, when the status, priority, team or assignee changes, appends
 * the history entry that ends with the ticket's current values.
 */
final class ServiceRecords {

  static final ActorId TCK = ActorId.parse("tck");
  static final SlaPolicyId POLICY = SlaPolicyId.parse("SP-standard");

  private ServiceRecords() {}

  // ---- tickets

  /**
   * Returns a new ticket with the customer's message and an agent's first reply, tagged, linked
   * as given, and an SLA record whose resolution falls due at {@code due} (no clock running when
   * empty).
   */
  static Ticket ticket(String id, String customer, Option<String> team, Option<String> assignee,
      Priority priority, Instant createdAt, Option<Instant> due, Option<String> parent,
      Option<RecordRef> cause, Seq<ArticleId> solvedBy) {
    TicketId ticketId = TicketId.parse(id);
    Vector<TicketComment> comments = Vector.of(
        new TicketComment(1, CommentAuthor.CUSTOMER, CommentVisibility.PUBLIC,
            ActorId.parse("customer:" + customer), createdAt, "桌腿裂了 — the table leg cracked",
            Option.none()),
        new TicketComment(2, CommentAuthor.AGENT, CommentVisibility.PUBLIC, TCK, createdAt,
            "We will send a craftsman.", Option.none()));
    Option<TeamId> teamId = team.map(TeamId::parse);
    Option<EmployeeId> agent = assignee.map(EmployeeId::parse);
    return new Ticket(ticketId, "Cracked 紫檀 table leg " + id, "Bought in 2025.",
        CustomerId.parse(customer), Channel.Kind.CALL, TicketCategory.REPAIR, priority,
        TicketStatus.NEW, agent, teamId, HashSet.of("zitan", "repair"), comments,
        Option.of(createdAt), parent.map(TicketId::parse), HashSet.of(TicketId.parse("T-related")),
        Option.none(), Vector.empty(), Option.none(), solvedBy, Option.none(), cause,
        Option.of(sla(due, createdAt)), createdAt, TCK, createdAt, Option.none(), Option.none(),
        Vector.of(new TicketHistoryEntry(createdAt, TCK, TicketStatus.NEW, priority, teamId,
            agent)));
  }

  private static TicketSla sla(Option<Instant> due, Instant reviewedAt) {
    return new TicketSla(POLICY, due.map(at -> new SlaDue(SlaTargetKind.RESOLUTION, 0,
        at.minus(Duration.ofHours(1)), at)).toVector(),
        HashSet.of(new SlaMark(SlaTargetKind.FIRST_RESPONSE, 0, AlertLevel.WARNING)), reviewedAt);
  }

  /**
   * Returns the ticket moved to a status at an instant: resolved and closed ones get their
   * times (a closed one is resolved first if it was not), a reopened one loses its resolution.
   */
  static Ticket moved(Ticket t, TicketStatus status, Instant at) {
    boolean resolved = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    Option<Instant> resolvedAt = resolved ? t.resolvedAt().orElse(Option.of(at)) : Option.none();
    Option<Instant> closedAt = status == TicketStatus.CLOSED ? Option.of(at) : Option.none();
    Option<TicketId> mergedInto = status == TicketStatus.MERGED
        ? Option.of(TicketId.parse("T-survivor")) : Option.none();
    return changed(t, status, t.priority(), t.team(), t.assignee(), mergedInto, t.sla(),
        t.solvedBy(), resolvedAt, closedAt, at);
  }

  /** Returns the ticket handed to another team and agent at an instant. */
  static Ticket assigned(Ticket t, Option<String> team, Option<String> assignee, Instant at) {
    return changed(t, t.status(), t.priority(), team.map(TeamId::parse),
        assignee.map(EmployeeId::parse), t.mergedInto(), t.sla(), t.solvedBy(), t.resolvedAt(),
        t.closedAt(), at);
  }

  /** Returns the ticket with another priority from an instant. */
  static Ticket reprioritised(Ticket t, Priority priority, Instant at) {
    return changed(t, t.status(), priority, t.team(), t.assignee(), t.mergedInto(), t.sla(),
        t.solvedBy(), t.resolvedAt(), t.closedAt(), at);
  }

  /** Returns the ticket after an SLA review at an instant: resolution due then, or no clock. */
  static Ticket reviewed(Ticket t, Option<Instant> due, Instant at) {
    return changed(t, t.status(), t.priority(), t.team(), t.assignee(), t.mergedInto(),
        Option.of(sla(due, at)), t.solvedBy(), t.resolvedAt(), t.closedAt(), at);
  }

  /** Returns the ticket with one more solving article, linked at an instant. */
  static Ticket solvedWith(Ticket t, ArticleId article, Instant at) {
    return changed(t, t.status(), t.priority(), t.team(), t.assignee(), t.mergedInto(), t.sla(),
        t.solvedBy().append(article), t.resolvedAt(), t.closedAt(), at);
  }

  /** Returns the ticket with one more internal note at an instant. */
  static Ticket noted(Ticket t, Instant at) {
    TicketComment note = new TicketComment(t.comments().size() + 1, CommentAuthor.AGENT,
        CommentVisibility.INTERNAL, TCK, at, "Checked the warranty 保修.", Option.none());
    return new Ticket(t.id(), t.subject(), t.description(), t.customer(), t.origin(),
        t.category(), t.priority(), t.status(), t.assignee(), t.team(), t.tags(),
        t.comments().append(note), t.firstResponseAt(), t.parent(), t.related(), t.mergedInto(),
        t.mergedFrom(), t.splitFrom(), t.solvedBy(), t.satisfaction(), t.cause(), t.sla(),
        t.createdAt(), t.createdBy(), at, t.resolvedAt(), t.closedAt(), t.history());
  }

  private static Ticket changed(Ticket t, TicketStatus status, Priority priority,
      Option<TeamId> team, Option<EmployeeId> assignee, Option<TicketId> mergedInto,
      Option<TicketSla> sla, Seq<ArticleId> solvedBy, Option<Instant> resolvedAt,
      Option<Instant> closedAt, Instant at) {
    TicketHistoryEntry last = t.history().last();
    boolean moved = last.status() != status || last.priority() != priority
        || !last.team().equals(team) || !last.assignee().equals(assignee);
    Seq<TicketHistoryEntry> history = moved
        ? t.history().append(new TicketHistoryEntry(at, TCK, status, priority, team, assignee))
        : t.history();
    return new Ticket(t.id(), t.subject(), t.description(), t.customer(), t.origin(),
        t.category(), priority, status, assignee, team, t.tags(), t.comments(),
        t.firstResponseAt(), t.parent(), t.related(), mergedInto, t.mergedFrom(), t.splitFrom(),
        solvedBy, t.satisfaction(), t.cause(), sla, t.createdAt(), t.createdBy(), at, resolvedAt,
        closedAt, history);
  }

  // ---- policies

  /**
   * Returns a policy of a rank: first response in 4 working hours, resolution in 3 working days,
   * paused while waiting on the customer, warning at 80 %, notifying the service manager on a
   * breach.
   */
  static SlaPolicy policy(String id, String name, int rank) {
    return new SlaPolicy(SlaPolicyId.parse(id), name, rank,
        new SlaConditions(HashSet.of(Priority.HIGH, Priority.URGENT), HashSet.empty(),
            HashSet.empty(), HashSet.of("gold"), HashSet.empty(), HashSet.empty()),
        List.of(new SlaTarget(SlaTargetKind.FIRST_RESPONSE, Duration.ofHours(4), true),
            new SlaTarget(SlaTargetKind.RESOLUTION, Duration.ofDays(3), true)),
        HashSet.of(TicketStatus.PENDING_CUSTOMER), Percentage.ofPercent(80),
        List.of(new EscalationRule(SlaTargetKind.RESOLUTION, AlertLevel.BREACH,
            new EscalationAction.NotifyRole(Role.of("service-manager")))));
  }

  /** Returns the policy with another name and rank. */
  static SlaPolicy renamed(SlaPolicy p, String name, int rank) {
    return new SlaPolicy(p.id(), name, rank, p.when(), p.targets(), p.pausedIn(), p.warnAt(),
        p.escalations());
  }
}
