package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * Describes a stretch of real time, half-open: from {@code start} inclusive to {@code end}
 * exclusive. Immutable and thread-safe.
 *
 * <p>A {@link BusinessCalendar} answers the working time of a date as a list of windows, so an
 * explanation such as "the SLA clock ran from 09:00 to 12:00 and from 13:00 to 18:00" can name
 * them.
 *
 * @param start the first instant of the window
 * @param end the first instant after the window, after {@code start}
 */
public record TimeWindow(Instant start, Instant end) {

  /**
   * Checks the boundaries.
   *
   * @throws NullPointerException if {@code start} or {@code end} is null
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public TimeWindow {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "A time window must end after it starts, but got " + start + " to " + end);
    }
  }

  /**
   * Creates the window from {@code start} inclusive to {@code end} exclusive.
   *
   * @param start the first instant
   * @param end the first instant after the window
   * @return the window
   * @throws NullPointerException if {@code start} or {@code end} is null
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public static TimeWindow of(Instant start, Instant end) {
    return new TimeWindow(start, end);
  }

  /**
   * Returns the real time elapsed from start to end.
   *
   * @return the length, positive
   */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /**
   * Tells whether an instant lies in this window: at or after the start and before the end.
   *
   * @param instant the instant to test
   * @return true if the instant lies in the window
   * @throws NullPointerException if {@code instant} is null
   */
  public boolean contains(Instant instant) {
    requireNonNull(instant, "instant");
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** Returns {@code [start, end)}. */
  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
