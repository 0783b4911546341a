package io.rapport.crm.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Indexes every working interval of one year of a {@link BusinessCalendar}, as flat sorted arrays
 * of epoch seconds with the working time before each interval, so that position, add, measure and
 * next are binary searches. Immutable and thread-safe.
 *
 * <p>The year is the calendar year in the calendar's zone: from the start of 1 January to the start
 * of the next 1 January, both in that zone. Every interval of a date lies within that date, so
 * every interval of the year lies within these bounds. Intervals are strictly increasing and
 * non-empty; touching intervals are merged, so a 24/7 calendar has one interval per year.
 *
 * <p>Working time inside one year is below 367 days, so it fits a {@code long} of nanoseconds;
 * positions in the year ({@link #workedBefore}) are nanoseconds, boundaries whole seconds.
 */
final class YearIndex {

  static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** More seconds than any year holds; amounts below this convert to nanoseconds safely. */
  static final long SECONDS_ABOVE_A_YEAR = 400L * WorkingHours.SECONDS_PER_DAY;

  final int year;
  /** First epoch second of the year in the zone. */
  final long startSecond;
  /** First epoch second of the next year in the zone. */
  final long endSecond;
  /** Working seconds in the whole year. */
  final long totalSeconds;

  private final int count;
  private final long[] starts;
  private final long[] ends;
  /** Working seconds in the year before each interval. */
  private final long[] before;
  /** Working seconds in the year up to the end of each interval. */
  private final long[] upToEnd;

  private YearIndex(int year, long startSecond, long endSecond, long[] starts, long[] ends,
      int count) {
    this.year = year;
    this.startSecond = startSecond;
    this.endSecond = endSecond;
    this.count = count;
    this.starts = starts;
    this.ends = ends;
    this.before = new long[count];
    this.upToEnd = new long[count];
    long sum = 0;
    for (int k = 0; k < count; k++) {
      before[k] = sum;
      sum += ends[k] - starts[k];
      upToEnd[k] = sum;
    }
    this.totalSeconds = sum;
  }

  /**
   * Builds the index of a year.
   *
   * @param year the calendar year in the zone
   * @param rules the rules of the calendar's zone
   * @param hoursOn the working hours of each date, sorted and not overlapping
   * @return the index
   */
  static YearIndex build(int year, ZoneRules rules, Function<LocalDate, WorkingHours[]> hoursOn) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate next = first.plusYears(1);
    long[] pairs = new long[2 * 512];
    int size = 0;
    long dayStart = epochSecond(first, LocalTime.MIDNIGHT, rules);
    long yearStart = dayStart;
    for (LocalDate date = first; date.isBefore(next); ) {
      LocalDate following = date.plusDays(1);
      long nextDayStart = epochSecond(following, LocalTime.MIDNIGHT, rules);
      WorkingHours[] hours = hoursOn.apply(date);
      if (pairs.length < size + 2 * hours.length) {
        pairs = Arrays.copyOf(pairs, Math.max(2 * pairs.length, size + 2 * hours.length));
      }
      int written = convert(date, hours, rules, dayStart, nextDayStart, pairs, size);
      // Merge an interval that starts where the previous one ended.
      if (written > 0 && size > 0 && pairs[size - 1] == pairs[size]) {
        pairs[size - 1] = pairs[size + 1];
        System.arraycopy(pairs, size + 2, pairs, size, written - 2);
        written -= 2;
      }
      size += written;
      dayStart = nextDayStart;
      date = following;
    }
    int count = size / 2;
    long[] starts = new long[count];
    long[] ends = new long[count];
    for (int k = 0; k < count; k++) {
      starts[k] = pairs[2 * k];
      ends[k] = pairs[2 * k + 1];
    }
    return new YearIndex(year, yearStart, dayStart, starts, ends, count);
  }

  /**
   * Writes the real intervals of one date as pairs of epoch seconds, start then end, and returns
   * how many longs it wrote (twice the number of intervals).
   *
   * <p>Each local boundary converts as {@code ZonedDateTime.of(date, time, zone)} does: a time in
   * a spring-forward gap moves forward by the length of the gap, a time in a fall-back overlap
   * takes the earlier offset. An end of midnight is the start of the next date. Each converted
   * interval is clamped into the date, its start is clamped to the previous interval's end, and an
   * interval that became empty is dropped, so the written boundaries strictly increase and touch at
   * most.
   */
  static int convert(LocalDate date, WorkingHours[] hours, ZoneRules rules, long dayStart,
      long nextDayStart, long[] out, int at) {
    int written = 0;
    long previousEnd = dayStart;
    for (WorkingHours h : hours) {
      long start =
          Math.max(previousEnd, Math.min(epochSecond(date, h.start(), rules), nextDayStart));
      long end = h.end().equals(LocalTime.MIDNIGHT)
          ? nextDayStart
          : Math.max(dayStart, Math.min(epochSecond(date, h.end(), rules), nextDayStart));
      if (end > start) {
        out[at + written] = start;
        out[at + written + 1] = end;
        written += 2;
        previousEnd = end;
      }
    }
    return written;
  }

  /**
   * Converts a local date and time to epoch seconds exactly as
   * {@code ZonedDateTime.of(date, time, zone).toEpochSecond()} does, without building the
   * zoned value.
   *
   * <p>{@link ZoneRules#getOffset(LocalDateTime)} answers the offset before the transition both
   * in an overlap (the earlier offset, as {@code ZonedDateTime.of} picks) and in a gap; in a gap,
   * {@code ZonedDateTime.of} moves the local time forward by the gap and uses the offset after,
   * which names the same instant as the unmoved local time at the offset before.
   */
  static long epochSecond(LocalDate date, LocalTime time, ZoneRules rules) {
    LocalDateTime local = LocalDateTime.of(date, time);
    return local.toEpochSecond(rules.getOffset(local));
  }

  /** Returns the number of working intervals in the year. */
  int count() {
    return count;
  }

  /** Returns the working time of the whole year in nanoseconds. */
  long totalNanos() {
    return totalSeconds * NANOS_PER_SECOND;
  }

  /** Tells whether the epoch second lies in this year. */
  boolean contains(long second) {
    return second >= startSecond && second < endSecond;
  }

  /** Returns the first epoch second of the first interval; the year must have one. */
  long firstStart() {
    return starts[0];
  }

  /**
   * Returns the index of the first interval ending after the instant {@code second} (plus any
   * fraction), or {@link #count()} if none does. Boundaries are whole seconds, so the fraction
   * does not matter.
   */
  int firstEndingAfter(long second) {
    int found = Arrays.binarySearch(ends, 0, count, second);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** Tells whether the instant lies inside a working interval. */
  boolean isWorking(long second) {
    int k = firstEndingAfter(second);
    return k < count && starts[k] <= second;
  }

  /**
   * Returns the start of the interval containing or following the instant, as epoch seconds, or
   * the instant's own second if it lies inside one; {@code Long.MIN_VALUE} if no interval of the
   * year ends after it.
   */
  long nextWorkingSecond(long second) {
    int k = firstEndingAfter(second);
    if (k == count) {
      return Long.MIN_VALUE;
    }
    return Math.max(starts[k], second);
  }

  /** Returns the working time from the start of the year to the instant, in nanoseconds. */
  long workedBefore(long second, int nano) {
    int k = firstEndingAfter(second);
    if (k == count) {
      return totalNanos();
    }
    if (starts[k] > second) {
      return before[k] * NANOS_PER_SECOND;
    }
    return (before[k] + second - starts[k]) * NANOS_PER_SECOND + nano;
  }

  /**
   * Returns the earliest instant of the year whose working time since the start of the year is
   * {@code target} nanoseconds, for {@code 0 < target <= totalNanos()}.
   */
  Instant earliestAt(long target) {
    long atLeast = Math.floorDiv(target + NANOS_PER_SECOND - 1, NANOS_PER_SECOND);
    int found = Arrays.binarySearch(upToEnd, 0, count, atLeast);
    int k = found >= 0 ? found : -found - 1;
    return Instant.ofEpochSecond(starts[k], target - before[k] * NANOS_PER_SECOND);
  }

  /**
   * Returns the latest instant of the year whose working time since the start of the year is
   * {@code target} nanoseconds, for {@code 0 <= target < totalNanos()}.
   */
  Instant latestAt(long target) {
    long atMost = Math.floorDiv(target, NANOS_PER_SECOND);
    int found = Arrays.binarySearch(before, 0, count, atMost);
    int k = found >= 0 ? found : -found - 2;
    return Instant.ofEpochSecond(starts[k], target - before[k] * NANOS_PER_SECOND);
  }
}
