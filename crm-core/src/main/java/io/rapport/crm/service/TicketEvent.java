package io.rapport.crm.service;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.work.Priority;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * States a fact about a {@link Ticket}: one event per accepted command (a merge or a split gives
 * one to each ticket). Events carry ids, codes, numbers and statuses, never free text about people:
 * subjects, descriptions, comment bodies and rating comments stay on the ticket, so the outbox
 * holds nothing that erasure would have to chase.
 */
public sealed interface TicketEvent extends StampedEvent {

  /** Returns the id of the ticket the event happened to. */
  TicketId ticketId();

  /** Returns the ticket's id. */
  @Override
  default TicketId aggregateId() {
    return ticketId();
  }

  /**
   * States that a ticket was opened, directly or split from another.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param customer the customer it is for
   * @param origin the channel it came in through
   * @param category what it is about
   * @param priority how urgent it is
   * @param status the status it starts in
   * @param team the team responsible, or empty
   * @param assignee the agent working it, or empty
   * @param parent the ticket it is a part of, or empty
   * @param splitFrom the ticket it was split from, or empty
   * @param cause what caused it, or empty
   */
  record Opened(EventStamp stamp, TicketId ticketId, CustomerId customer, Channel.Kind origin,
      TicketCategory category, Priority priority, TicketStatus status, Option<TeamId> team,
      Option<EmployeeId> assignee, Option<TicketId> parent, Option<TicketId> splitFrom,
      Option<RecordRef> cause) implements TicketEvent {}

  /**
   * States that a ticket moved from one status to another by a command of the state machine.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param from the status before
   * @param to the status after
   */
  record StatusChanged(EventStamp stamp, TicketId ticketId, TicketStatus from, TicketStatus to)
      implements TicketEvent {}

  /**
   * States that a comment was added: an agent's reply or note, or the customer's message (which
   * may have moved the ticket back to {@link TicketStatus#OPEN}).
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param number the comment's number
   * @param author who wrote it
   * @param visibility who may read it
   * @param statusBefore the ticket's status before the comment
   * @param status the ticket's status after it
   */
  record CommentAdded(EventStamp stamp, TicketId ticketId, int number, CommentAuthor author,
      CommentVisibility visibility, TicketStatus statusBefore, TicketStatus status)
      implements TicketEvent {}

  /**
   * States that the agent working a ticket changed.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param assignee the agent now, or empty
   * @param previous the agent before, or empty
   */
  record Assigned(EventStamp stamp, TicketId ticketId, Option<EmployeeId> assignee,
      Option<EmployeeId> previous) implements TicketEvent {}

  /**
   * States that a ticket was handed to another team (and possibly agent).
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param team the team now, or empty
   * @param assignee the agent now, or empty
   * @param previousTeam the team before, or empty
   * @param previousAssignee the agent before, or empty
   */
  record TeamChanged(EventStamp stamp, TicketId ticketId, Option<TeamId> team,
      Option<EmployeeId> assignee, Option<TeamId> previousTeam,
      Option<EmployeeId> previousAssignee) implements TicketEvent {}

  /**
   * States that a ticket's priority changed.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param priority the priority now
   * @param previous the priority before
   */
  record PriorityChanged(EventStamp stamp, TicketId ticketId, Priority priority,
      Priority previous) implements TicketEvent {}

  /**
   * States that a ticket's category changed.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param category the category now
   * @param previous the category before
   */
  record Recategorized(EventStamp stamp, TicketId ticketId, TicketCategory category,
      TicketCategory previous) implements TicketEvent {}

  /**
   * States that a ticket's tags changed.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param added the tags added
   * @param removed the tags removed
   */
  record Retagged(EventStamp stamp, TicketId ticketId, Set<String> added, Set<String> removed)
      implements TicketEvent {}

  /**
   * States that a ticket's subject changed.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   */
  record Renamed(EventStamp stamp, TicketId ticketId) implements TicketEvent {}

  /**
   * States that a ticket's parent was set, changed or cleared.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param parent the parent now, or empty
   * @param previous the parent before, or empty
   */
  record ParentChanged(EventStamp stamp, TicketId ticketId, Option<TicketId> parent,
      Option<TicketId> previous) implements TicketEvent {}

  /**
   * States that a ticket was related to another or no longer is, on this ticket's side.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param other the other ticket
   * @param related true if now related, false if the relation was removed
   */
  record RelationsChanged(EventStamp stamp, TicketId ticketId, TicketId other, boolean related)
      implements TicketEvent {}

  /**
   * States that a knowledge article was linked as solving a ticket, or unlinked.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param article the article
   * @param linked true if linked, false if unlinked
   */
  record ArticlesChanged(EventStamp stamp, TicketId ticketId, ArticleId article, boolean linked)
      implements TicketEvent {}

  /**
   * States that a ticket moved to another customer, as when two customers were merged.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param customer the customer now
   * @param previousCustomer the customer before
   */
  record Transferred(EventStamp stamp, TicketId ticketId, CustomerId customer,
      CustomerId previousCustomer) implements TicketEvent {}

  /**
   * States that the customer rated the service on a ticket.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param score the score
   * @param scale the scale
   * @param low whether the score counts as unhappy
   * @param previousScore the score of the rating it replaced, or empty for a first rating
   */
  record Rated(EventStamp stamp, TicketId ticketId, int score, CsatScale scale, boolean low,
      Option<Integer> previousScore) implements TicketEvent {

    /** Tells whether this rating replaced an earlier one. */
    public boolean replaced() {
      return previousScore.isDefined();
    }
  }

  /**
   * States that a ticket was merged into another, which carries on with its conversation.
   *
   * @param stamp id, time and actor
   * @param ticketId the merged ticket
   * @param into the ticket it was merged into
   */
  record Merged(EventStamp stamp, TicketId ticketId, TicketId into) implements TicketEvent {}

  /**
   * States that another ticket was merged into this one, its comments copied.
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket that carries on
   * @param from the ticket merged into it
   * @param copiedComments how many comments were copied
   */
  record MergeReceived(EventStamp stamp, TicketId ticketId, TicketId from, int copiedComments)
      implements TicketEvent {}

  /**
   * States that a new ticket was split off this one, with copies of some of its comments.
   *
   * @param stamp id, time and actor
   * @param ticketId the original ticket
   * @param newTicket the new ticket
   * @param commentNumbers the numbers, on the original, of the comments copied
   */
  record SplitOff(EventStamp stamp, TicketId ticketId, TicketId newTicket,
      Seq<Integer> commentNumbers) implements TicketEvent {}

  /**
   * States that a review of a ticket's SLA raised new alerts, and the escalation actions they fired
   * (reassignments and raised priorities are already applied to the ticket; the host delivers
   * the notifications).
   *
   * @param stamp id, time and actor
   * @param ticketId the ticket
   * @param alerts the alerts raised for the first time, in time order
   * @param actions the actions fired, in the order of the policy's rules
   */
  record SlaEscalated(EventStamp stamp, TicketId ticketId, Seq<SlaAlert> alerts,
      Seq<EscalationAction> actions) implements TicketEvent {}
}
