package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

/**
 * Remembers on a ticket that an alert of one cycle of one target was already raised, so that
 * reviewing the ticket again raises each alert once. Immutable and thread-safe.
 *
 * @param target the target
 * @param cycle the cycle: 0 for first response and resolution, 1, 2, … for next response
 * @param level warning or breach
 */
public record SlaMark(SlaTargetKind target, int cycle, AlertLevel level) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SlaMark {
    requireNonNull(target, "target");
    requireNonNull(level, "level");
  }
}
