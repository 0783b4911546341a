package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import java.time.Instant;

/**
 * Reports that one cycle of an SLA target reached its warning or its breach. Immutable and
 * thread-safe.
 *
 * @param target the target
 * @param cycle the cycle
 * @param level warning or breach
 * @param at when the level was reached: the warning time or the due time
 */
public record SlaAlert(SlaTargetKind target, int cycle, AlertLevel level, Instant at) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the cycle does not fit the target
   *     ({@code sla.cycle.invalid})
   */
  public SlaAlert {
    requireNonNull(target, "target");
    requireNonNull(level, "level");
    requireNonNull(at, "at");
    SlaChecks.orThrow(SlaChecks.cycle(target, cycle));
  }

  /** Returns the mark that remembers this alert on the ticket. */
  public SlaMark mark() {
    return new SlaMark(target, cycle, level);
  }
}
