package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.SlaPolicyId;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

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

  /**
   * Finds the state of one cycle of a target.
   *
   * @param target the target's kind
   * @param cycle 0 for first response and resolution, from 1 for next response
   * @return the state, or empty if that cycle has not started or the policy has no such target
   * @throws NullPointerException if target is null
   */
  public Option<SlaTargetState> target(SlaTargetKind target, int cycle) {
    requireNonNull(target, "target");
    return targets.find(state -> state.target() == target && state.cycle() == cycle);
  }

  /**
   * Explains every target in readable lines, times in UTC: a first line naming the policy and
   * the evaluation time, then one line per target as {@link SlaTargetState#explain()} writes it.
   *
   * @return the lines
   */
  public Seq<String> explain() {
    return explain(ZoneOffset.UTC);
  }

  /**
   * Explains every target in readable lines, times in a zone: a first line naming the policy and
   * the evaluation time, then one line per target as {@link SlaTargetState#explain(ZoneId)}
   * writes it.
   *
   * @param zone the zone to print times in, such as the team calendar's
   * @return the lines
   * @throws NullPointerException if zone is null
   */
  public Seq<String> explain(ZoneId zone) {
    requireNonNull(zone, "zone");
    LocalDateTime local = LocalDateTime.ofInstant(asOf, zone);
    return targets.map(state -> state.explain(zone))
        .prepend("SLA policy " + policy + " as of " + local.toLocalDate() + " "
            + local.toLocalTime() + " (" + zone + ")");
  }
}
