package io.rapport.crm.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * Computes, in a program's time zone, when a member's tier is evaluated and which period each
 * window covers. Month and year starts come from the program's {@link ZoneMonths}, so a sweep
 * over many accounts does little calendar arithmetic.
 *
 * <ul>
 *   <li>CalendarYear: evaluations at 1 January 00:00 of each year after joining; the current
 *       window at t is [1 January of t's year, t]; an evaluation at E looks at [1 January of the
 *       previous year, E).
 *   <li>Anniversary: evaluations at 00:00 of each anniversary of the joining date (29 February
 *       becomes 28 February in other years); the current window at t is [latest anniversary at or
 *       before t, or the joining time, t]; an evaluation looks at the membership year before it.
 *   <li>Rolling(n): evaluations at 00:00 of the 1st of each month after joining; the current window
 *       at t is (t − n months, t]; an evaluation at E looks at [E − n months, E).
 * </ul>
 */
final class TierWindows {

  private static final int CALENDAR = 0;
  private static final int ANNIVERSARY = 1;
  private static final int ROLLING = 2;

  private final int kind;
  private final int months;
  private final ZoneId zone;
  private final Period grace;
  private final Instant joinedAt;
  private final LocalDate joinedDate;

  private final ZoneMonths calendar;

  private TierWindows(TierWindow window, ZoneMonths calendar, Period grace, Instant joinedAt) {
    ZoneId zone = calendar.zone;
    if (window instanceof TierWindow.Rolling rolling) {
      this.kind = ROLLING;
      this.months = rolling.months();
    } else if (window instanceof TierWindow.Anniversary) {
      this.kind = ANNIVERSARY;
      this.months = 12;
    } else {
      this.kind = CALENDAR;
      this.months = 12;
    }
    this.zone = zone;
    this.calendar = calendar;
    this.grace = grace;
    this.joinedAt = joinedAt;
    this.joinedDate = kind == ANNIVERSARY ? joinedAt.atZone(zone).toLocalDate() : null;
  }

  /** Returns the windows of a program's ladder for a member who joined at a time. */
  static TierWindows of(LoyaltyProgram program, TierRules rules, Instant joinedAt) {
    return new TierWindows(program.ladder().window(), rules.calendar, program.ladder().grace(),
        joinedAt);
  }

  /** Returns the first evaluation strictly after a time (and after joining). */
  Instant nextEvaluation(Instant after) {
    Instant x = after.isBefore(joinedAt) ? joinedAt : after;
    if (kind == CALENDAR) {
      return yearStart(year(x) + 1);
    }
    if (kind == ROLLING) {
      int month = calendar.monthOf(x) + 1;
      return calendar.monthStart(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
    }
    LocalDate date = x.atZone(zone).toLocalDate();
    int k = Math.max(1, date.getYear() - joinedDate.getYear());
    Instant anniversary = anniversary(k);
    while (!anniversary.isAfter(x)) {
      k++;
      anniversary = anniversary(k);
    }
    return anniversary;
  }

  /**
   * Returns where the window an evaluation looks at starts (inclusive); it ends at the
   * evaluation (exclusive).
   */
  Instant evaluatedStart(Instant evaluation) {
    if (kind == CALENDAR) {
      return yearStart(year(evaluation) - 1);
    }
    if (kind == ROLLING) {
      int month = calendar.monthOf(evaluation) - months;
      return calendar.monthStart(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
    }
    LocalDate date = evaluation.atZone(zone).toLocalDate();
    int k = date.getYear() - joinedDate.getYear();
    return k > 1 ? anniversary(k - 1) : joinedAt;
  }

  /** Returns where the current window at a time starts; see {@link #startInclusive()}. */
  Instant currentStart(Instant t) {
    if (kind == CALENDAR) {
      return yearStart(year(t));
    }
    if (kind == ROLLING) {
      return t.atZone(zone).minusMonths(months).toInstant();
    }
    int k = t.atZone(zone).getYear() - joinedDate.getYear();
    while (k >= 1 && anniversary(k).isAfter(t)) {
      k--;
    }
    return k >= 1 ? anniversary(k) : joinedAt;
  }

  /** Tells whether the current window includes its start (false for rolling windows). */
  boolean startInclusive() {
    return kind != ROLLING;
  }

  /** Returns when a notice issued at an evaluation takes effect: the evaluation plus grace. */
  Instant graceEnd(Instant evaluation) {
    return grace.isZero() ? evaluation : evaluation.atZone(zone).plus(grace).toInstant();
  }

  private Instant anniversary(int k) {
    return joinedDate.plusYears(k).atStartOfDay(zone).toInstant();
  }

  private int year(Instant t) {
    return calendar.yearOf(t);
  }

  private Instant yearStart(int year) {
    return calendar.yearStart(year);
  }
}
