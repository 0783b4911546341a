package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.time.Instant;

/**
 * Records when a running SLA target of a ticket warns and falls due, as computed at the last
 * review; stored with the ticket so that tickets due before a time can be found by an index.
 * Immutable and thread-safe.
 *
 * @param target the target
 * @param cycle the cycle: 0 for first response and resolution, 1, 2, … for next response
 * @param warnAt when the warning threshold is reached if the clock keeps running
 * @param dueAt when the target falls due if the clock keeps running; not before warnAt
 */
public record SlaDue(SlaTargetKind target, int cycle, Instant warnAt, Instant dueAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every broken rule: {@code sla.cycle.invalid} (the cycle
   *     does not fit the target), {@code sla.due.warn_after_due} (field {@code warnAt})
   */
  public SlaDue {
    requireNonNull(target, "target");
    requireNonNull(warnAt, "warnAt");
    requireNonNull(dueAt, "dueAt");
    List<Violation> problems = SlaChecks.cycle(target, cycle);
    if (warnAt.isAfter(dueAt)) {
      problems = problems.append(Violation.of("sla.due.warn_after_due", "warnAt",
          "A target warns at or before its due time " + dueAt + ", but got " + warnAt));
    }
    SlaChecks.orThrow(problems);
  }
}
