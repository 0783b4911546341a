package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
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

  private static final SlaConditions ANY = new SlaConditions(HashSet.empty(), HashSet.empty(),
      HashSet.empty(), HashSet.empty(), HashSet.empty(), HashSet.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws InvalidValueException with every broken rule:
   *     {@code sla.conditions.tier.blank} (field {@code tiers}),
   *     {@code sla.conditions.segment.blank} (field {@code segments})
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
    SlaChecks.orThrow(SlaChecks.noBlank(tiers, "sla.conditions.tier.blank", "tiers", "A tier")
        .appendAll(SlaChecks.noBlank(segments, "sla.conditions.segment.blank", "segments",
            "A segment")));
  }

  /**
   * Returns the conditions that match every ticket: every set empty.
   *
   * @return the conditions
   */
  public static SlaConditions any() {
    return ANY;
  }

  /**
   * Returns these conditions with the priorities matched replaced.
   *
   * @param values the priorities; none for any
   * @return the new conditions
   * @throws NullPointerException if values or a value is null
   */
  public SlaConditions withPriorities(Priority... values) {
    return new SlaConditions(HashSet.of(requireNonNull(values, "values")), categories, channels,
        tiers, segments, teams);
  }

  /**
   * Returns these conditions with the categories matched replaced.
   *
   * @param values the categories; none for any
   * @return the new conditions
   * @throws NullPointerException if values or a value is null
   */
  public SlaConditions withCategories(TicketCategory... values) {
    return new SlaConditions(priorities, HashSet.of(requireNonNull(values, "values")), channels,
        tiers, segments, teams);
  }

  /**
   * Returns these conditions with the channels of origin matched replaced.
   *
   * @param values the channels; none for any
   * @return the new conditions
   * @throws NullPointerException if values or a value is null
   */
  public SlaConditions withChannels(Channel.Kind... values) {
    return new SlaConditions(priorities, categories, HashSet.of(requireNonNull(values, "values")),
        tiers, segments, teams);
  }

  /**
   * Returns these conditions with the customer tiers matched replaced.
   *
   * @param values the tiers' codes; none for any
   * @return the new conditions
   * @throws NullPointerException if values or a value is null
   * @throws InvalidValueException if a tier is blank ({@code sla.conditions.tier.blank})
   */
  public SlaConditions withTiers(String... values) {
    return new SlaConditions(priorities, categories, channels,
        HashSet.of(requireNonNull(values, "values")), segments, teams);
  }

  /**
   * Returns these conditions with the customer segments matched replaced.
   *
   * @param values the segments' codes; none for any
   * @return the new conditions
   * @throws NullPointerException if values or a value is null
   * @throws InvalidValueException if a segment is blank ({@code sla.conditions.segment.blank})
   */
  public SlaConditions withSegments(String... values) {
    return new SlaConditions(priorities, categories, channels, tiers,
        HashSet.of(requireNonNull(values, "values")), teams);
  }

  /**
   * Returns these conditions with the teams matched replaced.
   *
   * @param values the teams; none for any
   * @return the new conditions
   * @throws NullPointerException if values or a value is null
   */
  public SlaConditions withTeams(TeamId... values) {
    return new SlaConditions(priorities, categories, channels, tiers, segments,
        HashSet.of(requireNonNull(values, "values")));
  }

  /**
   * Tells whether a ticket of a customer meets these conditions: every set that is not empty
   * contains the ticket's value (its priority, category, channel of origin, customer tier and
   * team); for segments, the customer is in at least one of them.
   *
   * @param ticket the ticket
   * @param standing the tier and segments of the ticket's customer
   * @return true if the ticket matches
   * @throws NullPointerException if an argument is null
   */
  public boolean matches(Ticket ticket, CustomerStanding standing) {
    requireNonNull(ticket, "ticket");
    requireNonNull(standing, "standing");
    return (priorities.isEmpty() || priorities.contains(ticket.priority()))
        && (categories.isEmpty() || categories.contains(ticket.category()))
        && (channels.isEmpty() || channels.contains(ticket.origin()))
        && (tiers.isEmpty() || standing.tier().exists(tiers::contains))
        && (segments.isEmpty() || standing.segments().exists(segments::contains))
        && (teams.isEmpty() || ticket.team().exists(teams::contains));
  }

  /**
   * Tells whether these conditions match every ticket the other conditions match, whatever the
   * ticket: for each kind of value, this set is empty (or holds every priority or every channel),
   * or the other set is not empty and within this one. An earlier-ranked policy whose conditions
   * cover a later one's leaves the later one unreachable.
   *
   * @param other the other conditions
   * @return true if every ticket matching other matches these
   * @throws NullPointerException if other is null
   */
  public boolean covers(SlaConditions other) {
    requireNonNull(other, "other");
    return covers(priorities, other.priorities, Priority.values().length)
        && covers(categories, other.categories, Integer.MAX_VALUE)
        && covers(channels, other.channels, Channel.Kind.values().length)
        && covers(tiers, other.tiers, Integer.MAX_VALUE)
        && covers(segments, other.segments, Integer.MAX_VALUE)
        && covers(teams, other.teams, Integer.MAX_VALUE);
  }

  /** Tells whether every value matched by the second set is matched by the first. */
  private static <T> boolean covers(Set<T> mine, Set<T> theirs, int allValues) {
    return mine.isEmpty() || mine.size() == allValues
        || (!theirs.isEmpty() && theirs.forAll(mine::contains));
  }
}
