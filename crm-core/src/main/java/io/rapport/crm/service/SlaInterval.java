package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

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
   */
  public SlaInterval {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(status, "status");
    requireNonNull(counted, "counted");
  }
}
