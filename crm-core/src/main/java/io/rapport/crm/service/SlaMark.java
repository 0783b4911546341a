package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;

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
   * @throws InvalidValueException if the cycle does not fit the target
   *     ({@code sla.cycle.invalid})
   */
  public SlaMark {
    requireNonNull(target, "target");
    requireNonNull(level, "level");
    SlaChecks.orThrow(SlaChecks.cycle(target, cycle));
  }
}
