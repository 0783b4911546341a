package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.work.Priority;
import io.vavr.collection.Set;

/**
 * Says which tickets an SLA policy applies to. Each set that is not empty must contain the
 * ticket's value; an empty set matches every value. A ticket matches segments when its customer is
 * in at least one of them. Immutable and thread-safe.
 *
 * @param priorities the priorities matched, or empty for any
 * @param categories the categories matched, or empty for any
 * @param channels the channels of origin matched, or empty for any
 * @param tiers the customer tiers matched, or empty for any (a customer without a tier then does
 *     not match a non-empty set)
 * @param segments the customer segments matched, or empty for any
 * @param teams the teams matched, or empty for any (a ticket without a team then does not match
 *     a non-empty set)
 */
public record SlaConditions(Set<Priority> priorities, Set<TicketCategory> categories,
    Set<Channel.Kind> channels, Set<String> tiers, Set<String> segments, Set<TeamId> teams) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public SlaConditions {
    requireNonNull(priorities, "priorities");
    requireNonNull(categories, "categories");
    requireNonNull(channels, "channels");
    requireNonNull(tiers, "tiers");
    requireNonNull(segments, "segments");
    requireNonNull(teams, "teams");
    priorities.forEach(value -> requireNonNull(value, "priorities"));
    categories.forEach(value -> requireNonNull(value, "categories"));
    channels.forEach(value -> requireNonNull(value, "channels"));
    tiers.forEach(value -> requireNonNull(value, "tiers"));
    segments.forEach(value -> requireNonNull(value, "segments"));
    teams.forEach(value -> requireNonNull(value, "teams"));
  }
}
