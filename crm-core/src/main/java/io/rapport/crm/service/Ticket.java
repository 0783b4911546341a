package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.work.Priority;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A customer's request to the service team: a question, a complaint, a repair, a return, with its
 * conversation, its status history and its SLA. Immutable and thread-safe.
 *
 * @param id the ticket's id
 * @param subject a short line saying what it is about
 * @param description the request as received, possibly empty
 * @param customer the customer it is for
 * @param origin the channel it came in through
 * @param category what it is about
 * @param priority how urgent it is
 * @param status where it stands
 * @param assignee the agent working it, or empty
 * @param team the team responsible, whose calendar its SLA counts in, or empty
 * @param tags free labels
 * @param comments the conversation and notes, numbered from 1 in the order added
 * @param firstResponseAt the time of the first public agent reply written on this ticket, or empty
 * @param parent the ticket this one is a part of, or empty
 * @param related tickets linked as related, both ways
 * @param mergedInto the ticket this one was merged into, present exactly when merged
 * @param mergedFrom the tickets merged into this one, in merge order
 * @param splitFrom the ticket this one was split from, or empty
 * @param solvedBy the knowledge articles that solved it, in the order linked
 * @param satisfaction the customer's satisfaction answer, or empty
 * @param cause what caused it, such as the survey answer or review behind a follow-up, or the
 *     ticket a follow-up follows, or empty
 * @param sla the SLA as of the last review, or empty when no policy was applied
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param updatedAt when it last changed
 * @param resolvedAt when it was resolved, present exactly when resolved or closed
 * @param closedAt when it was closed, present exactly when closed
 * @param history the status, priority, team and assignee after each change, the first at creation
 */
public record Ticket(TicketId id, String subject, String description, CustomerId customer,
    Channel.Kind origin, TicketCategory category, Priority priority, TicketStatus status,
    Option<EmployeeId> assignee, Option<TeamId> team, Set<String> tags,
    Seq<TicketComment> comments, Option<Instant> firstResponseAt, Option<TicketId> parent,
    Set<TicketId> related, Option<TicketId> mergedInto, Seq<TicketId> mergedFrom,
    Option<TicketId> splitFrom, Seq<ArticleId> solvedBy, Option<Satisfaction> satisfaction,
    Option<RecordRef> cause, Option<TicketSla> sla, Instant createdAt, ActorId createdBy,
    Instant updatedAt, Option<Instant> resolvedAt, Option<Instant> closedAt,
    Seq<TicketHistoryEntry> history) implements Aggregate<TicketId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public Ticket {
    requireNonNull(id, "id");
    requireNonNull(subject, "subject");
    requireNonNull(description, "description");
    requireNonNull(customer, "customer");
    requireNonNull(origin, "origin");
    requireNonNull(category, "category");
    requireNonNull(priority, "priority");
    requireNonNull(status, "status");
    requireNonNull(assignee, "assignee");
    requireNonNull(team, "team");
    requireNonNull(tags, "tags");
    requireNonNull(comments, "comments");
    requireNonNull(firstResponseAt, "firstResponseAt");
    requireNonNull(parent, "parent");
    requireNonNull(related, "related");
    requireNonNull(mergedInto, "mergedInto");
    requireNonNull(mergedFrom, "mergedFrom");
    requireNonNull(splitFrom, "splitFrom");
    requireNonNull(solvedBy, "solvedBy");
    requireNonNull(satisfaction, "satisfaction");
    requireNonNull(cause, "cause");
    requireNonNull(sla, "sla");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(resolvedAt, "resolvedAt");
    requireNonNull(closedAt, "closedAt");
    requireNonNull(history, "history");
    assignee.forEach(value -> requireNonNull(value, "assignee"));
    team.forEach(value -> requireNonNull(value, "team"));
    tags.forEach(value -> requireNonNull(value, "tags"));
    comments.forEach(value -> requireNonNull(value, "comments"));
    firstResponseAt.forEach(value -> requireNonNull(value, "firstResponseAt"));
    parent.forEach(value -> requireNonNull(value, "parent"));
    related.forEach(value -> requireNonNull(value, "related"));
    mergedInto.forEach(value -> requireNonNull(value, "mergedInto"));
    mergedFrom.forEach(value -> requireNonNull(value, "mergedFrom"));
    splitFrom.forEach(value -> requireNonNull(value, "splitFrom"));
    solvedBy.forEach(value -> requireNonNull(value, "solvedBy"));
    satisfaction.forEach(value -> requireNonNull(value, "satisfaction"));
    cause.forEach(value -> requireNonNull(value, "cause"));
    sla.forEach(value -> requireNonNull(value, "sla"));
    resolvedAt.forEach(value -> requireNonNull(value, "resolvedAt"));
    closedAt.forEach(value -> requireNonNull(value, "closedAt"));
    history.forEach(value -> requireNonNull(value, "history"));
  }

  /**
   * Returns what the SLA clocks are replayed from, in time order: the status at creation, then
   * every status change, public agent reply and customer message written on this ticket. At the
   * same instant a status change comes before a comment.
   *
   * @return the signals, the first a {@link SlaSignal.StatusChanged} at the creation time
   */
  public Seq<SlaSignal> slaSignals() {
    Vector<SlaSignal> signals = Vector.empty();
    TicketStatus last = null;
    int next = 0;
    for (TicketHistoryEntry entry : history) {
      if (entry.status() == last) {
        continue;
      }
      while (next < comments.size() && comments.get(next).at().isBefore(entry.at())) {
        signals = appendComment(signals, comments.get(next));
        next++;
      }
      signals = signals.append(new SlaSignal.StatusChanged(entry.at(), entry.status()));
      last = entry.status();
    }
    for (; next < comments.size(); next++) {
      signals = appendComment(signals, comments.get(next));
    }
    return signals;
  }

  private static Vector<SlaSignal> appendComment(Vector<SlaSignal> signals, TicketComment comment) {
    if (comment.isAgentResponse()) {
      return signals.append(new SlaSignal.AgentReplied(comment.at()));
    }
    if (comment.isCustomerMessage()) {
      return signals.append(new SlaSignal.CustomerReplied(comment.at()));
    }
    return signals;
  }
}
