package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Arrays;

/**
 * Collects what a caller asks for when opening a ticket, unchecked: the subject, description,
 * customer and origin may be null or invalid, and tags may be blank or too long.
 * {@link Ticket#open} checks all of it and reports every problem at once. Copies are made with
 * the {@code with…} methods. Immutable and thread-safe.
 *
 * <pre>{@code
 * TicketDraft draft = TicketDraft.of("Crack in the table top", "The top cracked after a week",
 *         customerId, Channel.Kind.CALL)
 *     .withCategory(TicketCategory.REPAIR)
 *     .withPriority(Priority.HIGH)
 *     .withTeam(TeamId.parse("T-service"))
 *     .withTags("rosewood", "warranty");
 * }</pre>
 *
 * @param subject a short line saying what it is about; stripped when opened; possibly null
 * @param description the request as received, possibly empty; null counts as empty
 * @param customer the customer it is for, possibly null
 * @param origin the channel it came in through, possibly null
 * @param category what it is about; {@link TicketCategory#INQUIRY} unless given
 * @param priority how urgent it is; {@link Priority#NORMAL} unless given
 * @param team the team responsible, or empty
 * @param assignee the agent working it, or empty
 * @param tags free labels, stripped when opened; duplicates count once
 * @param parent the ticket it is a part of, or empty
 * @param cause what caused it, such as a survey answer or the ticket it follows up, or empty
 * @param status the status it starts in: {@link TicketStatus#NEW} (the default) or
 *     {@link TicketStatus#OPEN}
 */
public record TicketDraft(String subject, String description, CustomerId customer,
    Channel.Kind origin, TicketCategory category, Priority priority, Option<TeamId> team,
    Option<EmployeeId> assignee, Seq<String> tags, Option<TicketId> parent,
    Option<RecordRef> cause, TicketStatus status) {

  /**
   * Checks the components that have defaults.
   *
   * @throws NullPointerException if the category, priority, team, assignee, tags, parent, cause or
   *     status, or an optional value, is null
   */
  public TicketDraft {
    requireNonNull(category, "category");
    requireNonNull(priority, "priority");
    requireNonNull(team, "team");
    requireNonNull(assignee, "assignee");
    requireNonNull(tags, "tags");
    requireNonNull(parent, "parent");
    requireNonNull(cause, "cause");
    requireNonNull(status, "status");
    team.forEach(value -> requireNonNull(value, "team"));
    assignee.forEach(value -> requireNonNull(value, "assignee"));
    parent.forEach(value -> requireNonNull(value, "parent"));
    cause.forEach(value -> requireNonNull(value, "cause"));
  }

  /**
   * Starts a draft with what every ticket needs; the rest takes its default: category inquiry,
   * priority normal, no team, assignee, tags, parent or cause, status new.
   *
   * @param subject a short line, possibly null (then reported)
   * @param description the request as received, possibly empty or null
   * @param customer the customer, possibly null (then reported)
   * @param origin the channel it came in through, possibly null (then reported)
   * @return the draft
   */
  public static TicketDraft of(String subject, String description, CustomerId customer,
      Channel.Kind origin) {
    return new TicketDraft(subject, description, customer, origin, TicketCategory.INQUIRY,
        Priority.NORMAL, Option.none(), Option.none(), List.empty(), Option.none(),
        Option.none(), TicketStatus.NEW);
  }

  /**
   * Returns this draft with another category.
   *
   * @param value the category
   * @return the copy
   * @throws NullPointerException if value is null
   */
  public TicketDraft withCategory(TicketCategory value) {
    return new TicketDraft(subject, description, customer, origin, value, priority, team,
        assignee, tags, parent, cause, status);
  }

  /**
   * Returns this draft with another priority.
   *
   * @param value the priority
   * @return the copy
   * @throws NullPointerException if value is null
   */
  public TicketDraft withPriority(Priority value) {
    return new TicketDraft(subject, description, customer, origin, category, value, team,
        assignee, tags, parent, cause, status);
  }

  /**
   * Returns this draft with a team.
   *
   * @param value the team
   * @return the copy
   * @throws NullPointerException if value is null
   */
  public TicketDraft withTeam(TeamId value) {
    return new TicketDraft(subject, description, customer, origin, category, priority,
        Option.some(requireNonNull(value, "value")), assignee, tags, parent, cause, status);
  }

  /**
   * Returns this draft with an assigned agent.
   *
   * @param value the agent
   * @return the copy
   * @throws NullPointerException if value is null
   */
  public TicketDraft withAssignee(EmployeeId value) {
    return new TicketDraft(subject, description, customer, origin, category, priority, team,
        Option.some(requireNonNull(value, "value")), tags, parent, cause, status);
  }

  /**
   * Returns this draft with these tags instead of its own.
   *
   * @param values the tags, unchecked
   * @return the copy
   * @throws NullPointerException if values is null
   */
  public TicketDraft withTags(String... values) {
    return withTags(Arrays.asList(requireNonNull(values, "values")));
  }

  /**
   * Returns this draft with these tags instead of its own.
   *
   * @param values the tags, unchecked
   * @return the copy
   * @throws NullPointerException if values is null
   */
  public TicketDraft withTags(Iterable<String> values) {
    return new TicketDraft(subject, description, customer, origin, category, priority, team,
        assignee, List.ofAll(requireNonNull(values, "values")), parent, cause, status);
  }

  /**
   * Returns this draft with a parent ticket.
   *
   * @param value the parent
   * @return the copy
   * @throws NullPointerException if value is null
   */
  public TicketDraft withParent(TicketId value) {
    return new TicketDraft(subject, description, customer, origin, category, priority, team,
        assignee, tags, Option.some(requireNonNull(value, "value")), cause, status);
  }

  /**
   * Returns this draft with a cause, such as {@code RecordRef.to(surveyId)}.
   *
   * @param value the cause
   * @return the copy
   * @throws NullPointerException if value is null
   */
  public TicketDraft withCause(RecordRef value) {
    return new TicketDraft(subject, description, customer, origin, category, priority, team,
        assignee, tags, parent, Option.some(requireNonNull(value, "value")), status);
  }

  /**
   * Returns this draft starting in another status; only {@link TicketStatus#NEW} and
   * {@link TicketStatus#OPEN} are accepted when opened.
   *
   * @param value the status
   * @return the copy
   * @throws NullPointerException if value is null
   */
  public TicketDraft withStatus(TicketStatus value) {
    return new TicketDraft(subject, description, customer, origin, category, priority, team,
        assignee, tags, parent, cause, value);
  }
}
