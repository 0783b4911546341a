package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Tells where one cycle of one SLA target stands at the evaluation time, and why: the intervals
 * in which its clock ran and paused. Immutable and thread-safe.
 *
 * @param target the target's kind
 * @param cycle 0 for first response and resolution; 1, 2, … for the cycles of next response
 * @param phase where it stands
 * @param startedAt when its clock started
 * @param allowed the time the policy allows
 * @param elapsed the time counted so far (working time, or every hour for a target around the
 *     clock)
 * @param warnAt when it warns (or warned) if the clock keeps running; empty while paused or once
 *     stopped before warning
 * @param dueAt when it falls (or fell) due if the clock keeps running; empty while paused or once
 *     stopped before its due time
 * @param stoppedAt when the target was met or cancelled, or empty while it runs or pauses
 * @param intervals the running and paused stretches, in time order, from startedAt to the
 *     stopping or evaluation time
 */
public record SlaTargetState(SlaTargetKind target, int cycle, SlaPhase phase, Instant startedAt,
    Duration allowed, Duration elapsed, Option<Instant> warnAt, Option<Instant> dueAt,
    Option<Instant> stoppedAt, Seq<SlaInterval> intervals) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws InvalidValueException with every broken rule:
   *     {@code sla.cycle.invalid} (the cycle does not fit the target),
   *     {@code sla.state.elapsed.negative} (field {@code elapsed})
   */
  public SlaTargetState {
    requireNonNull(target, "target");
    requireNonNull(phase, "phase");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(allowed, "allowed");
    requireNonNull(elapsed, "elapsed");
    requireNonNull(warnAt, "warnAt");
    requireNonNull(dueAt, "dueAt");
    requireNonNull(stoppedAt, "stoppedAt");
    requireNonNull(intervals, "intervals");
    warnAt.forEach(value -> requireNonNull(value, "warnAt"));
    dueAt.forEach(value -> requireNonNull(value, "dueAt"));
    stoppedAt.forEach(value -> requireNonNull(value, "stoppedAt"));
    intervals.forEach(value -> requireNonNull(value, "intervals"));
    List<Violation> problems = SlaChecks.cycle(target, cycle);
    if (elapsed.isNegative()) {
      problems = problems.append(Violation.of("sla.state.elapsed.negative", "elapsed",
          "Elapsed time is never negative, but got " + elapsed));
    }
    SlaChecks.orThrow(problems);
  }

  /**
   * Explains this state in one readable line, times in UTC, such as {@code resolution: breached
   * by 1h 20m, due 2026-03-02 09:20; ran 2026-03-02 01:00–04:00 (3h), paused 04:00–08:00 waiting
   * on the customer, ran 08:00–10:20 (2h 20m)}.
   *
   * @return the line
   */
  public String explain() {
    return explain(ZoneOffset.UTC);
  }

  /**
   * Explains this state in one readable line, times in a zone, such as {@code resolution:
   * breached by 1h 20m, due 2026-03-02 17:20; ran 2026-03-02 09:00–12:00 (3h), paused 12:00–16:00
   * waiting on the customer, ran 16:00–18:20 (2h 20m)}: the phase, then every interval, a date
   * printed when it changes.
   *
   * @param zone the zone to print times in, such as the team calendar's
   * @return the line
   * @throws NullPointerException if zone is null
   */
  public String explain(ZoneId zone) {
    return SlaExplanation.line(this, requireNonNull(zone, "zone"));
  }
}
