package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * Compares one cycle of one target of a ticket under two settings, such as the current policy
 * and a proposed one, or the team's calendar before and after a change of hours: where it stands
 * and when it falls due under each. Immutable and thread-safe.
 *
 * @param target the target
 * @param cycle 0 for first response and resolution, from 1 for next response
 * @param phaseBefore where it stands under the first setting, or empty if it has no such target
 *     or cycle there
 * @param dueBefore when it falls due under the first setting, or empty (no such target, paused, or
 *     stopped before its due time)
 * @param phaseAfter where it stands under the second setting, or empty
 * @param dueAfter when it falls due under the second setting, or empty
 */
public record SlaDueChange(SlaTargetKind target, int cycle, Option<SlaPhase> phaseBefore,
    Option<Instant> dueBefore, Option<SlaPhase> phaseAfter, Option<Instant> dueAfter) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   * @throws InvalidValueException if the cycle does not fit the target
   *     ({@code sla.cycle.invalid})
   */
  public SlaDueChange {
    requireNonNull(target, "target");
    requireNonNull(phaseBefore, "phaseBefore");
    requireNonNull(dueBefore, "dueBefore");
    requireNonNull(phaseAfter, "phaseAfter");
    requireNonNull(dueAfter, "dueAfter");
    phaseBefore.forEach(value -> requireNonNull(value, "phaseBefore"));
    dueBefore.forEach(value -> requireNonNull(value, "dueBefore"));
    phaseAfter.forEach(value -> requireNonNull(value, "phaseAfter"));
    dueAfter.forEach(value -> requireNonNull(value, "dueAfter"));
    SlaChecks.orThrow(SlaChecks.cycle(target, cycle));
  }

  /**
   * Returns how far the due time moves from the first setting to the second: positive when it
   * comes later.
   *
   * @return the shift, or empty unless both due times are known
   */
  public Option<Duration> shift() {
    return dueBefore.flatMap(before -> dueAfter.map(after -> Duration.between(before, after)));
  }

  /**
   * Tells whether the phase or the due time differs between the two settings.
   *
   * @return true if anything changed
   */
  public boolean changed() {
    return !phaseBefore.equals(phaseAfter) || !dueBefore.equals(dueAfter);
  }
}
