package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;

/**
 * Says what a review of a ticket's SLA found, for {@link Ticket#applySla}: the new SLA record to
 * store, the alerts raised for the first time, and the escalation actions they fire. Immutable
 * and thread-safe.
 *
 * @param state the full evaluation, with its explanation
 * @param sla the SLA record the ticket keeps: the policy, the running targets' due times, and the
 *     marks of every alert raised so far including the new ones
 * @param alerts the alerts not raised before, in time order
 * @param actions the escalation actions fired by the new alerts, in the order of the policy's
 *     rules
 */
public record SlaReview(SlaState state, TicketSla sla, Seq<SlaAlert> alerts,
    Seq<EscalationAction> actions) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public SlaReview {
    requireNonNull(state, "state");
    requireNonNull(sla, "sla");
    requireNonNull(alerts, "alerts");
    requireNonNull(actions, "actions");
    alerts.forEach(value -> requireNonNull(value, "alerts"));
    actions.forEach(value -> requireNonNull(value, "actions"));
  }
}
