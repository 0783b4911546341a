package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.SlaPolicyId;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;

/**
 * Sets the service levels promised for the tickets it matches: targets for first response, next
 * response and resolution, the statuses in which the clocks pause, when to warn, and how to
 * escalate. Policies are tried by rank, the lowest first; the first that matches a ticket applies.
 * Immutable and thread-safe.
 *
 * @param id the policy's id
 * @param name the name shown to people, such as {@code VIP complaints}
 * @param rank the order in which policies are tried, from 0; unique among the policies in use
 * @param when the tickets it applies to
 * @param targets the targets, at most one of each kind
 * @param pausedIn the statuses in which every clock pauses, among the pending ones
 * @param warnAt the share of a target's time after which it warns, above 0 and below 100 %
 * @param escalations what to do on warnings and breaches
 */
public record SlaPolicy(SlaPolicyId id, String name, int rank, SlaConditions when,
    Seq<SlaTarget> targets, Set<TicketStatus> pausedIn, Percentage warnAt,
    Seq<EscalationRule> escalations) implements Aggregate<SlaPolicyId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public SlaPolicy {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(when, "when");
    requireNonNull(targets, "targets");
    requireNonNull(pausedIn, "pausedIn");
    requireNonNull(warnAt, "warnAt");
    requireNonNull(escalations, "escalations");
    targets.forEach(value -> requireNonNull(value, "targets"));
    pausedIn.forEach(value -> requireNonNull(value, "pausedIn"));
    escalations.forEach(value -> requireNonNull(value, "escalations"));
  }
}
