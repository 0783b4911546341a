package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.LocalTime;

/**
 * Describes one working interval of a day in local time, half-open: from {@code start} inclusive
 * to {@code end} exclusive. Immutable and thread-safe.
 *
 * <p>An {@code end} of {@link LocalTime#MIDNIGHT} (00:00) means the end of the day, so
 * {@code 00:00–00:00} is the whole day and {@code 22:00–00:00} the last two hours of it. Otherwise
 * {@code start} must lie before {@code end}. Both boundaries are whole seconds.
 *
 * <p>The local times say where working time lies on the wall clock; a {@link BusinessCalendar}
 * turns them into real instants of a date, so an interval spanning a daylight-saving change counts
 * the time that really elapses.
 *
 * @param start the first working moment of the interval
 * @param end the first moment after the interval, or midnight for the end of the day
 */
public record WorkingHours(LocalTime start, LocalTime end) implements Comparable<WorkingHours> {

  /** Seconds in a day: the end of an interval that ends at midnight, in seconds of the day. */
  static final int SECONDS_PER_DAY = 86_400;

  private static final long NANOS_PER_DAY = SECONDS_PER_DAY * 1_000_000_000L;

  /**
   * Checks the boundaries.
   *
   * @throws NullPointerException if {@code start} or {@code end} is null
   * @throws InvalidValueException if a boundary has a fraction of a second (code
   *     {@code calendar.interval.sub_second}) or the interval is empty or backwards (code
   *     {@code calendar.interval.empty})
   */
  public WorkingHours {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    Seq<Violation> violations = problems(start, end);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }

  /**
   * Creates the interval from {@code start} inclusive to {@code end} exclusive.
   *
   * @param start the first working moment
   * @param end the first moment after the interval, or midnight for the end of the day
   * @return the interval
   * @throws NullPointerException if {@code start} or {@code end} is null
   * @throws InvalidValueException if a boundary has a fraction of a second or the interval is
   *     empty or backwards
   */
  public static WorkingHours of(LocalTime start, LocalTime end) {
    return new WorkingHours(start, end);
  }

  /**
   * Returns the interval covering the whole day, {@code 00:00–00:00}.
   *
   * @return the whole-day interval
   */
  public static WorkingHours allDay() {
    return new WorkingHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  /**
   * Validates outside input, collecting every violation instead of throwing.
   *
   * <p>Fields are {@code start} and {@code end}; codes are {@code calendar.interval.sub_second}
   * and {@code calendar.interval.empty}.
   *
   * @param start the first working moment
   * @param end the first moment after the interval, or midnight for the end of the day
   * @return the interval, or every violation found
   * @throws NullPointerException if {@code start} or {@code end} is null
   */
  public static Validation<Seq<Violation>, WorkingHours> validate(LocalTime start, LocalTime end) {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    Seq<Violation> violations = problems(start, end);
    return violations.isEmpty()
        ? Validation.valid(new WorkingHours(start, end))
        : Validation.invalid(violations);
  }

  /**
   * Returns the nominal length of this interval on the wall clock, ignoring daylight-saving
   * changes: {@code 09:00–17:00} is eight hours.
   *
   * @return the wall-clock length, positive
   */
  public Duration wallClockLength() {
    return Duration.ofSeconds(endSecondOfDay() - startSecondOfDay());
  }

  /**
   * Tells whether this interval shares working time with another one; touching intervals such as
   * {@code 09:00–12:00} and {@code 12:00–13:00} do not overlap.
   *
   * @param other the other interval
   * @return true if some moment lies in both
   * @throws NullPointerException if {@code other} is null
   */
  public boolean overlaps(WorkingHours other) {
    requireNonNull(other, "other");
    return startSecondOfDay() < other.endSecondOfDay()
        && other.startSecondOfDay() < endSecondOfDay();
  }

  /**
   * Orders intervals by start, then by end.
   *
   * @param other the interval to compare with
   * @return negative, zero or positive as this interval sorts before, with or after the other
   */
  @Override
  public int compareTo(WorkingHours other) {
    int byStart = Integer.compare(startSecondOfDay(), other.startSecondOfDay());
    return byStart != 0 ? byStart : Integer.compare(endSecondOfDay(), other.endSecondOfDay());
  }

  /** Returns {@code start-end}, such as {@code 09:00-12:00}. */
  @Override
  public String toString() {
    return start + "-" + end;
  }

  /** Returns the start as seconds of the day, 0 to 86,399. */
  int startSecondOfDay() {
    return start.toSecondOfDay();
  }

  /** Returns the end as seconds of the day, 1 to 86,400, where 86,400 is the end of the day. */
  int endSecondOfDay() {
    return endSecondOfDay(end);
  }

  private static int endSecondOfDay(LocalTime end) {
    return end.equals(LocalTime.MIDNIGHT) ? SECONDS_PER_DAY : end.toSecondOfDay();
  }

  private static Seq<Violation> problems(LocalTime start, LocalTime end) {
    List<Violation> violations = List.empty();
    if (start.getNano() != 0) {
      violations = violations.append(Violation.of("calendar.interval.sub_second", "start",
          "A working interval must start on a whole second, not at " + Checks.quote(start)));
    }
    if (end.getNano() != 0) {
      violations = violations.append(Violation.of("calendar.interval.sub_second", "end",
          "A working interval must end on a whole second, not at " + Checks.quote(end)));
    }
    long endNano = end.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : end.toNanoOfDay();
    if (start.toNanoOfDay() >= endNano) {
      violations = violations.append(Violation.of("calendar.interval.empty", "end",
          "A working interval must end after it starts, but " + Checks.quote(start + "-" + end)
              + " is empty or backwards"));
    }
    return violations;
  }
}
