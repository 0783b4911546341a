package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.SlaPolicyId;
import io.vavr.collection.Seq;
import java.time.Instant;

/**
 * Tells where every SLA target of a ticket stands at a time under a policy: a pure function of
 * the ticket's signals, the policy and the calendar, so replaying gives the same answer and a
 * changed policy or calendar gives the what-if. Immutable and thread-safe.
 *
 * @param policy the policy evaluated
 * @param asOf the evaluation time
 * @param targets one state per cycle of each target of the policy that has started: first
 *     response and resolution from the ticket's creation, next response per cycle
 */
public record SlaState(SlaPolicyId policy, Instant asOf, Seq<SlaTargetState> targets) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public SlaState {
    requireNonNull(policy, "policy");
    requireNonNull(asOf, "asOf");
    requireNonNull(targets, "targets");
    targets.forEach(value -> requireNonNull(value, "targets"));
  }
}
