package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.work.Priority;
import io.vavr.control.Option;

/**
 * Says which ticket to open for a negative signal, and why: the decision of a
 * {@link FollowUpPolicy}. Immutable and thread-safe.
 *
 * @param customer the customer the ticket is for
 * @param cause the signal's record, which the ticket names as its cause
 * @param subject the ticket's subject
 * @param description the ticket's description: what happened and what the customer wrote
 * @param priority the ticket's priority
 * @param category the ticket's category
 * @param team the team it goes to, or empty
 * @param origin the channel the signal came through
 * @param reason why this priority: the rule that matched, and the urgent word found if any
 */
public record FollowUp(CustomerId customer, RecordRef cause, String subject, String description,
    Priority priority, TicketCategory category, Option<TeamId> team, Channel.Kind origin,
    String reason) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the team is null
   */
  public FollowUp {
    requireNonNull(customer, "customer");
    requireNonNull(cause, "cause");
    requireNonNull(subject, "subject");
    requireNonNull(description, "description");
    requireNonNull(priority, "priority");
    requireNonNull(category, "category");
    requireNonNull(team, "team");
    requireNonNull(origin, "origin");
    requireNonNull(reason, "reason");
    team.forEach(value -> requireNonNull(value, "team"));
  }
}
