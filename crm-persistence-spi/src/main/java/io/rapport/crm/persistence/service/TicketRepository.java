package io.rapport.crm.persistence.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.service.AlertLevel;
import io.rapport.crm.service.SlaDue;
import io.rapport.crm.service.SlaMark;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketSla;
import io.rapport.crm.service.TicketStatus;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Stores tickets and answers their queries: a customer's tickets newest first, a team's and an
 * agent's open tickets as a work queue (most urgent priority first, then oldest first), the open
 * tickets whose SLA falls due before a time (soonest due first), a ticket's children, the tickets a
 * cause led to (for idempotent follow-ups), the tickets a knowledge article solved, and every
 * active ticket (to review all open SLAs). "Open" and "active" mean {@code status().isActive()}:
 * new, open or pending. Obtain one with {@link #in(CrmStore)} or {@link #in(Transaction)}; it works
 * on any adapter, since every query is a lookup in an index declared on {@link #TYPE}, derived from
 * the ticket's components alone.
 */
public final class TicketRepository extends ForwardingRepository<TicketId, Ticket> {

  /** The index of tickets by customer, newest first. */
  public static final String BY_CUSTOMER = "by_customer";
  /** The index of active tickets by team, most urgent first, then oldest first. */
  public static final String OPEN_BY_TEAM = "open_by_team";
  /** The index of active tickets by assignee, most urgent first, then oldest first. */
  public static final String OPEN_BY_ASSIGNEE = "open_by_assignee";
  /** The index of active tickets with a running SLA target, by the earliest due time. */
  public static final String OPEN_BY_SLA_DUE = "open_by_sla_due";
  /** The index of active tickets with an alert still to raise, by the time it falls. */
  public static final String OPEN_BY_SLA_ALERT = "open_by_sla_alert";
  /** The index of resolved tickets by the time of their resolution, oldest first. */
  public static final String RESOLVED = "resolved";
  /** The index of tickets by parent ticket, oldest first. */
  public static final String BY_PARENT = "by_parent";
  /** The index of tickets by cause ({@code kind/value}), oldest first. */
  public static final String BY_CAUSE = "by_cause";
  /** The index of tickets by each knowledge article that solved them, newest first. */
  public static final String BY_ARTICLE = "by_article";
  /** The index of active tickets, in id order. */
  public static final String ACTIVE = "active";

  private static final String DUE = "due";
  private static final String ACTIVE_KEY = "active";

  /** The aggregate type of tickets, with the indexes of every ticket query. */
  public static final AggregateType<TicketId, Ticket> TYPE =
      AggregateType.of("ticket", Ticket.class, TicketId.KIND)
          .withIndex(Index.sorted(BY_CUSTOMER, (Ticket t) ->
              List.of(IndexEntry.newestFirst(t.customer().value(), t.createdAt()))))
          .withIndex(Index.sorted(OPEN_BY_TEAM, (Ticket t) -> t.status().isActive()
              ? t.team().map(team -> new IndexEntry(team.value(), queueKey(t)))
              : Option.<IndexEntry>none()))
          .withIndex(Index.sorted(OPEN_BY_ASSIGNEE, (Ticket t) -> t.status().isActive()
              ? t.assignee().map(agent -> new IndexEntry(agent.value(), queueKey(t)))
              : Option.<IndexEntry>none()))
          .withIndex(Index.sorted(OPEN_BY_SLA_DUE, (Ticket t) -> t.status().isActive()
              ? nextDue(t).map(due -> IndexEntry.at(DUE, due))
              : Option.<IndexEntry>none()))
          .withIndex(Index.sorted(OPEN_BY_SLA_ALERT, (Ticket t) -> t.status().isActive()
              ? nextAlert(t).map(alert -> IndexEntry.at(DUE, alert))
              : Option.<IndexEntry>none()))
          .withIndex(Index.sorted(RESOLVED, (Ticket t) -> t.status() == TicketStatus.RESOLVED
              ? t.resolvedAt().map(at -> IndexEntry.at(RESOLVED, at))
              : Option.<IndexEntry>none()))
          .withIndex(Index.sorted(BY_PARENT, (Ticket t) ->
              t.parent().map(parent -> IndexEntry.at(parent.value(), t.createdAt()))))
          .withIndex(Index.sorted(BY_CAUSE, (Ticket t) ->
              t.cause().map(cause -> IndexEntry.at(cause.toString(), t.createdAt()))))
          .withIndex(Index.sorted(BY_ARTICLE, (Ticket t) -> t.solvedBy()
              .map(article -> IndexEntry.newestFirst(article.value(), t.createdAt()))))
          .withIndex(Index.byKey(ACTIVE, (Ticket t) -> t.status().isActive()
              ? List.of(ACTIVE_KEY) : List.<String>empty()));

  private TicketRepository(Repository<TicketId, Ticket> delegate) {
    super(delegate);
  }

  /**
   * Returns the ticket repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static TicketRepository in(CrmStore store) {
    return new TicketRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the ticket repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static TicketRepository in(Transaction tx) {
    return new TicketRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  private static String queueKey(Ticket t) {
    return ServiceIndexKeys.queueKey(t.priority(), t.createdAt());
  }

  private static Option<Instant> nextDue(Ticket t) {
    return t.sla().flatMap(TicketSla::nextDue);
  }

  /**
   * Returns the earliest time at which a running target raises an alert not yet raised: its
   * warning time if the warning is not marked, else its due time if the breach is not marked.
   */
  static Option<Instant> nextAlert(Ticket t) {
    if (t.sla().isEmpty()) {
      return Option.none();
    }
    TicketSla sla = t.sla().get();
    Instant earliest = null;
    for (SlaDue due : sla.running()) {
      Instant next = !sla.marks().contains(new SlaMark(due.target(), due.cycle(), AlertLevel.WARNING))
          ? due.warnAt()
          : !sla.marks().contains(new SlaMark(due.target(), due.cycle(), AlertLevel.BREACH))
              ? due.dueAt() : null;
      if (next != null && (earliest == null || next.isBefore(earliest))) {
        earliest = next;
      }
    }
    return Option.of(earliest);
  }

  /**
   * Lists a customer's tickets of every status, newest created first; ties in id order.
   *
   * @param customer the customer
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> ofCustomer(CustomerId customer,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_CUSTOMER, requireNonNull(customer, "customer").value(), limit)
        .after(after));
  }

  /**
   * Lists a team's active tickets (new, open or pending) as a work queue: urgent ones first, then
   * high, normal and low; within a priority the oldest created first; ties in id order. A ticket
   * leaves the queue when it is resolved, closed, merged or marked as spam, or handed to another
   * team.
   *
   * @param team the team
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> openOfTeam(TeamId team, Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(OPEN_BY_TEAM, requireNonNull(team, "team").value(), limit)
        .after(after));
  }

  /**
   * Lists an agent's active tickets in the order of {@link #openOfTeam}.
   *
   * @param assignee the agent
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> openOfAssignee(EmployeeId assignee,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(OPEN_BY_ASSIGNEE, requireNonNull(assignee, "assignee").value(),
        limit).after(after));
  }

  /**
   * Lists the active tickets whose SLA, as of its last review, has a running target due before a
   * time ({@code sla().flatMap(TicketSla::nextDue)} before {@code until}): the tickets due or
   * already breached by then, soonest due first; ties in id order. A ticket without an SLA, whose
   * clocks are all paused or stopped, or that is no longer active, is never listed. Pass the
   * evaluation time to find what to review now, or a later time to see what falls due.
   *
   * @param until the first due time excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> slaDueBefore(Instant until,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(OPEN_BY_SLA_DUE, DUE, limit)
        .between(Option.none(), Option.of(IndexEntry.sortKeyOf(requireNonNull(until, "until"))))
        .after(after));
  }

  /**
   * Lists the active tickets with an SLA alert still to raise before a time: a running target
   * whose warning time (if the warning was not raised) or due time (if the breach was not raised)
   * is before {@code until}, as of the ticket's last review; earliest first, ties in id order.
   * This is what a monitoring job reviews ({@code ServiceDesk.reviewDue}).
   *
   * @param until the first alert time excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> slaAlertBefore(Instant until,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(OPEN_BY_SLA_ALERT, DUE, limit)
        .between(Option.none(), Option.of(IndexEntry.sortKeyOf(requireNonNull(until, "until"))))
        .after(after));
  }

  /**
   * Lists the tickets still resolved (not reopened, not closed) that were resolved before a time,
   * oldest resolution first; ties in id order. With {@code until} = now minus the closing delay,
   * these are the tickets due for closing ({@code ServiceDesk.closeResolved}).
   *
   * @param until the first resolution time excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> resolvedBefore(Instant until,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(RESOLVED, RESOLVED, limit)
        .between(Option.none(), Option.of(IndexEntry.sortKeyOf(requireNonNull(until, "until"))))
        .after(after));
  }

  /**
   * Lists the tickets whose parent is a ticket, of every status, oldest created first; ties in id
   * order.
   *
   * @param parent the parent ticket
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> childrenOf(TicketId parent,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_PARENT, requireNonNull(parent, "parent").value(), limit)
        .after(after));
  }

  /**
   * Lists the tickets caused by a record (a survey answer, a review, an earlier ticket), of every
   * status, oldest created first; ties in id order. A policy opening a follow-up checks here first,
   * so that handling the same event twice opens one ticket.
   *
   * @param cause the record
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> withCause(RecordRef cause,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_CAUSE, requireNonNull(cause, "cause").toString(), limit)
        .after(after));
  }

  /**
   * Lists the tickets a knowledge article solved, of every status, newest created first; ties in
   * id order.
   *
   * @param article the article
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> solvedBy(ArticleId article,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_ARTICLE, requireNonNull(article, "article").value(), limit)
        .after(after));
  }

  /**
   * Lists every active ticket (new, open or pending) in id order, one page at a time: pass each
   * page's {@code next} as the following call's {@code after} to review every open SLA without
   * loading all tickets at once. Keyset paging never skips or repeats a ticket that stayed active
   * throughout.
   *
   * @param after where the previous page ended, or empty for the first page
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Ticket>, IndexCursor> active(Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(ACTIVE, ACTIVE_KEY, limit).after(after));
  }

  /**
   * Returns a customer's tickets as a timeline source: each ticket's opening, resolution, closing
   * and satisfaction rating ({@link Ticket#timelineEntries()}). Each page request reads the
   * customer's tickets through {@link #ofCustomer} and serves the entries in timeline order.
   *
   * @param customer the customer
   * @return the source
   * @throws NullPointerException if customer is null
   */
  public io.rapport.crm.customer.TimelineSource timeline(CustomerId customer) {
    requireNonNull(customer, "customer");
    return io.rapport.crm.persistence.customer.CustomerTimeline.ofAllRecords(
        after -> ofCustomer(customer, after, IndexQuery.MAX_LIMIT), Ticket::timelineEntries);
  }


  /**
   * Returns the merge participant that moves a customer's tickets to the survivor when two
   * customers merge, and back on undo ({@link Ticket#transferTo}).
   *
   * @return the participant
   */
  public static io.rapport.crm.persistence.customer.MergeParticipant followMerges() {
    return io.rapport.crm.persistence.customer.MergeParticipant.following(TicketId.KIND,
        TicketRepository::in, (tickets, customer, after) -> tickets.ofCustomer(customer, after,
            IndexQuery.MAX_LIMIT),
        (ticket, customer, stamp) -> ticket.transferTo(customer, stamp));
  }
}
