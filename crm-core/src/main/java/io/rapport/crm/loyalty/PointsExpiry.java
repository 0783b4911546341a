package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Computes when an earned lot expires. The answer is the first instant at which the lot is no
 * longer usable: a lot expiring at {@code T} may be redeemed at any instant before {@code T} and
 * not at {@code T}. Calendar rules (days, months, years) are computed in the program's time zone,
 * so "end of month" means the end of the month where the member lives, across daylight saving
 * changes.
 */
public sealed interface PointsExpiry
    permits PointsExpiry.Never, PointsExpiry.AfterDays, PointsExpiry.EndOfMonth,
        PointsExpiry.EndOfYear {

  /** The most days {@link AfterDays} accepts: about a hundred years. */
  int MAX_DAYS = 36_600;

  /** The most months {@link EndOfMonth} accepts: a hundred years. */
  int MAX_MONTHS = 1_200;

  /**
   * Computes when points earned at an instant expire.
   *
   * @param earnedAt when the points were earned
   * @param zone the time zone the calendar rules use
   * @return the first instant at which the points are unusable, or empty if they never expire
   * @throws NullPointerException if an argument is null
   */
  Option<Instant> expiresAt(Instant earnedAt, ZoneId zone);

  /**
   * Keeps points forever. Immutable and thread-safe.
   */
  record Never() implements PointsExpiry {

    /**
     * Returns empty: the points never expire.
     *
     * @throws NullPointerException if an argument is null
     */
    @Override
    public Option<Instant> expiresAt(Instant earnedAt, ZoneId zone) {
      requireNonNull(earnedAt, "earnedAt");
      requireNonNull(zone, "zone");
      return Option.none();
    }
  }

  /**
   * Expires points a number of calendar days after they were earned, at the same local time of
   * day. Immutable and thread-safe.
   *
   * @param days 1 to {@value PointsExpiry#MAX_DAYS}
   */
  record AfterDays(int days) implements PointsExpiry {

    /**
     * Checks the number of days.
     *
     * @throws InvalidValueException if days is outside 1 to {@value PointsExpiry#MAX_DAYS}
     *     ({@code loyalty.expiry.days.out_of_range})
     */
    public AfterDays {
      if (days < 1 || days > MAX_DAYS) {
        throw new InvalidValueException(List.of(Violation.of("loyalty.expiry.days.out_of_range",
            "days", "Points expire 1 to " + MAX_DAYS + " days after earning, not " + days)));
      }
    }

    /**
     * Returns the local date-time of earning plus the days, in the zone.
     *
     * @throws NullPointerException if an argument is null
     */
    @Override
    public Option<Instant> expiresAt(Instant earnedAt, ZoneId zone) {
      requireNonNull(earnedAt, "earnedAt");
      requireNonNull(zone, "zone");
      return Option.of(earnedAt.atZone(zone).plusDays(days).toInstant());
    }
  }

  /**
   * Expires points at the end of the month some months after the month they were earned in:
   * {@code EndOfMonth(0)} at the end of the same month, {@code EndOfMonth(12)} at the end of that
   * month next year. The expiry instant is the start of the following month. Immutable and
   * thread-safe.
   *
   * @param monthsAfter 0 to {@value PointsExpiry#MAX_MONTHS}
   */
  record EndOfMonth(int monthsAfter) implements PointsExpiry {

    /**
     * Checks the number of months.
     *
     * @throws InvalidValueException if monthsAfter is outside 0 to
     *     {@value PointsExpiry#MAX_MONTHS} ({@code loyalty.expiry.months.out_of_range})
     */
    public EndOfMonth {
      if (monthsAfter < 0 || monthsAfter > MAX_MONTHS) {
        throw new InvalidValueException(List.of(Violation.of("loyalty.expiry.months.out_of_range",
            "monthsAfter", "Points expire 0 to " + MAX_MONTHS + " months after the month they "
                + "are earned in, not " + monthsAfter)));
      }
    }

    /**
     * Returns the start of the month after the expiry month, in the zone.
     *
     * @throws NullPointerException if an argument is null
     */
    @Override
    public Option<Instant> expiresAt(Instant earnedAt, ZoneId zone) {
      requireNonNull(earnedAt, "earnedAt");
      requireNonNull(zone, "zone");
      LocalDate next = earnedAt.atZone(zone).toLocalDate().withDayOfMonth(1)
          .plusMonths(monthsAfter + 1L);
      return Option.of(next.atStartOfDay(zone).toInstant());
    }
  }

  /**
   * Expires points at the end of the calendar year they were earned in: the instant is the start
   * of the next year. Immutable and thread-safe.
   */
  record EndOfYear() implements PointsExpiry {

    /**
     * Returns the start of the next year, in the zone.
     *
     * @throws NullPointerException if an argument is null
     */
    @Override
    public Option<Instant> expiresAt(Instant earnedAt, ZoneId zone) {
      requireNonNull(earnedAt, "earnedAt");
      requireNonNull(zone, "zone");
      int year = earnedAt.atZone(zone).getYear();
      return Option.of(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
    }
  }
}
