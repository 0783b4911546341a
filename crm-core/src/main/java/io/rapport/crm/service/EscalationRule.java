package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

/**
 * Says what to do when a target of a policy reaches a level: on the warning of the resolution
 * target notify the team lead's role, on its breach raise the priority, and so on. Immutable and
 * thread-safe.
 *
 * @param target the target watched
 * @param level the level that fires the rule
 * @param action what to do
 */
public record EscalationRule(SlaTargetKind target, AlertLevel level, EscalationAction action) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EscalationRule {
    requireNonNull(target, "target");
    requireNonNull(level, "level");
    requireNonNull(action, "action");
  }
}
