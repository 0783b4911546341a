package io.rapport.crm.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Holds the instants at which the months of 1900 to 2199 start in one time zone (local midnight
 * of each 1st), so the engine finds a year's or a month's start, and the month a time falls in,
 * without calendar arithmetic. Times outside those years fall back to {@code java.time}.
 * Immutable after construction and thread-safe.
 */
final class ZoneMonths {

  private static final int FIRST_YEAR = 1900;
  private static final int YEARS = 300;

  final ZoneId zone;
  private final Instant[] starts;

  ZoneMonths(ZoneId zone) {
    this.zone = zone;
    this.starts = new Instant[YEARS * 12 + 1];
    LocalDate month = LocalDate.of(FIRST_YEAR, 1, 1);
    for (int i = 0; i < starts.length; i++) {
      starts[i] = month.atStartOfDay(zone).toInstant();
      month = month.plusMonths(1);
    }
  }

  /** Returns when a month starts: local midnight of its 1st. */
  Instant monthStart(int year, int month) {
    int i = (year - FIRST_YEAR) * 12 + month - 1;
    if (i >= 0 && i < starts.length) {
      return starts[i];
    }
    return LocalDate.of(year, month, 1).atStartOfDay(zone).toInstant();
  }

  /** Returns when a year starts: local midnight of 1 January. */
  Instant yearStart(int year) {
    return monthStart(year, 1);
  }

  /**
   * Returns the month a time falls in, as {@code year * 12 + month - 1}.
   */
  int monthOf(Instant t) {
    if (t.isBefore(starts[0]) || !t.isBefore(starts[starts.length - 1])) {
      LocalDate date = t.atZone(zone).toLocalDate();
      return date.getYear() * 12 + date.getMonthValue() - 1;
    }
    int lo = 0;
    int hi = starts.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid].compareTo(t) <= 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return FIRST_YEAR * 12 + lo;
  }

  /** Returns the year a time falls in. */
  int yearOf(Instant t) {
    return Math.floorDiv(monthOf(t), 12);
  }
}
