package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

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
  }
}
