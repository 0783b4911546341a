package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of an SLA clock's life, for the explanation of a target: from when to when the
 * clock ran or was paused, in which ticket status, and how much time it counted. Immutable and
 * thread-safe.
 *
 * @param start when the stretch began
 * @param end when it ended, or the evaluation time for the last stretch; not before start
 * @param running true if the clock ran, false if it was paused
 * @param status the ticket's status during the stretch
 * @param counted the time counted towards the target: the working time of the calendar (or the
 *     whole stretch for a target around the clock) when running, zero when paused
 */
public record SlaInterval(Instant start, Instant end, boolean running, TicketStatus status,
    Duration counted) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every broken rule: {@code sla.interval.end_before_start}
   *     (field {@code end}), {@code sla.interval.counted.negative} and
   *     {@code sla.interval.paused_counted} (a paused stretch counts no time; field
   *     {@code counted})
   */
  public SlaInterval {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(status, "status");
    requireNonNull(counted, "counted");
    List<Violation> problems = List.empty();
    if (end.isBefore(start)) {
      problems = problems.append(Violation.of("sla.interval.end_before_start", "end",
          "A stretch ends at or after its start " + start + ", but got " + end));
    }
    if (counted.isNegative()) {
      problems = problems.append(Violation.of("sla.interval.counted.negative", "counted",
          "A stretch counts no negative time, but got " + counted));
    } else if (!running && !counted.isZero()) {
      problems = problems.append(Violation.of("sla.interval.paused_counted", "counted",
          "A paused stretch counts no time, but got " + counted));
    }
    SlaChecks.orThrow(problems);
  }
}
