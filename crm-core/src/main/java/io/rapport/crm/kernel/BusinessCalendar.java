package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Validation;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tells when a business works: a time zone, working intervals for each day of the week, holidays
 * and special days. Measures and adds working time, the clock that SLAs, loyalty windows and
 * pipeline velocity run on. Immutable and thread-safe.
 *
 * <h2>Model</h2>
 *
 * <p>Each day of the week has zero or more {@link WorkingHours}, such as 09:00–12:00 and
 * 13:30–18:00 around a lunch break. A holiday closes a whole date. A special day replaces the
 * weekly hours of one date with its own, for a make-up working Saturday or a shortened day. The
 * hours of a date are local times; the calendar turns them into real instants in its zone.
 *
 * <h2>Daylight saving</h2>
 *
 * <p>Working time is real elapsed time. A local boundary converts as
 * {@code ZonedDateTime.of(date, time, zone)} does: a time in a spring-forward gap moves forward by
 * the length of the gap, a time in a fall-back overlap takes the earlier offset. An end of midnight
 * is the start of the next date in the zone. After conversion each interval is clamped into its
 * date and its start to the previous interval's end, and an interval that became empty is dropped.
 * So 01:00–02:30 and 03:00–05:00 on a New York spring-forward day give three hours, and 00:00–03:00
 * on the fall-back day gives four.
 *
 * <h2>Boundaries</h2>
 *
 * <p>Every interval is half-open, {@code [start, end)}: its start is working time, its end is not.
 * Adding working time answers the earliest instant that completes the amount, so adding eight hours
 * from Monday 09:00 on a 09:00–17:00 calendar lands on Monday 17:00, not Tuesday 09:00; subtracting
 * answers the latest such instant.
 *
 * <h2>Performance</h2>
 *
 * <p>Queries run on a per-year index: sorted arrays of every working interval of one calendar year
 * in the zone with the working time before each, so finding a position, adding, measuring and the
 * next working instant are binary searches, and crossing a year subtracts the whole year at once.
 * The first query that touches a year builds that year's index, which takes some tens of
 * microseconds (about 30 µs for a five-day week with two intervals a day and 20 holidays); later
 * queries take tens of nanoseconds, adding a whole year of working time included. A small fixed
 * number of years stays cached per calendar (the cache is not part of the value); querying many
 * different years in turn rebuilds their indexes. One query may span at most
 * {@value #MAX_YEARS_SPANNED} calendar years.
 */
public final class BusinessCalendar {

  /** The most calendar years one query may walk across before it gives up. */
  public static final int MAX_YEARS_SPANNED = 1000;

  private static final long MAX_SPAN_SECONDS =
      MAX_YEARS_SPANNED * 366L * WorkingHours.SECONDS_PER_DAY;
  private static final int CACHE_SLOTS = 64;
  private static final long AVERAGE_YEAR_SECONDS = 31_556_952L;
  private static final WorkingHours[] NO_HOURS = new WorkingHours[0];

  private final ZoneId zone;
  private final SortedMap<DayOfWeek, Seq<WorkingHours>> weeklySchedule;
  private final SortedMap<LocalDate, String> holidays;
  private final SortedMap<LocalDate, Seq<WorkingHours>> specialDays;

  private final ZoneRules rules;
  private final WorkingHours[][] hoursByDay;
  private final Map<LocalDate, WorkingHours[]> hoursByDate;
  /**
   * Year indexes, one slot per year modulo the size. Reads and writes race on purpose: a
   * {@link YearIndex} is immutable with final fields only, so a thread sees either null, an older
   * year or a complete index, and at worst builds an index twice.
   */
  private final YearIndex[] cache = new YearIndex[CACHE_SLOTS];

  private BusinessCalendar(ZoneId zone, SortedMap<DayOfWeek, Seq<WorkingHours>> weeklySchedule,
      SortedMap<LocalDate, String> holidays, SortedMap<LocalDate, Seq<WorkingHours>> specialDays) {
    this.zone = zone;
    this.weeklySchedule = weeklySchedule;
    this.holidays = holidays;
    this.specialDays = specialDays;
    this.rules = zone.getRules();
    this.hoursByDay = new WorkingHours[7][];
    for (DayOfWeek day : DayOfWeek.values()) {
      hoursByDay[day.ordinal()] =
          weeklySchedule.get(day).map(hours -> hours.toJavaArray(WorkingHours[]::new))
              .getOrElse(NO_HOURS);
    }
    this.hoursByDate = new HashMap<>();
    holidays.keySet().forEach(date -> hoursByDate.put(date, NO_HOURS));
    specialDays.forEach(
        (date, hours) -> hoursByDate.put(date, hours.toJavaArray(WorkingHours[]::new)));
  }

  /**
   * Starts a calendar in a time zone, with no working hours, holidays or special days yet.
   *
   * @param zone the zone whose wall clock the working hours follow
   * @return a new builder
   * @throws NullPointerException if {@code zone} is null
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(requireNonNull(zone, "zone"));
  }

  /**
   * Creates a calendar that works around the clock on every day, with no holidays: its working
   * time is plain elapsed time.
   *
   * @param zone the zone of the calendar
   * @return the calendar
   * @throws NullPointerException if {@code zone} is null
   */
  public static BusinessCalendar twentyFourSeven(ZoneId zone) {
    return builder(zone)
        .workingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
        .build();
  }

  /** Returns the zone whose wall clock the working hours follow. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the working hours of each day of the week, sorted by start; a day without working hours
   * is absent.
   */
  public SortedMap<DayOfWeek, Seq<WorkingHours>> weeklySchedule() {
    return weeklySchedule;
  }

  /** Returns the closed dates with their names, such as {@code 2026-10-01 = National Day}. */
  public SortedMap<LocalDate, String> holidays() {
    return holidays;
  }

  /** Returns the dates whose own working hours replace the weekly ones, sorted by start. */
  public SortedMap<LocalDate, Seq<WorkingHours>> specialDays() {
    return specialDays;
  }

  /**
   * Adds working time to an instant.
   *
   * <p>For a positive amount, returns the earliest instant {@code t} at or after {@code from} such
   * that the working time in {@code [from, t)} equals the amount; so when the amount runs out
   * exactly at the end of an interval, the answer is that end. For a negative amount, returns the
   * latest instant {@code t} at or before {@code from} such that the working time in
   * {@code [t, from)} equals the magnitude of the amount. For zero, returns {@code from}.
   *
   * @param from the instant to start from, working time or not
   * @param amount the working time to add, may be negative
   * @return the instant the working time runs out
   * @throws NullPointerException if {@code from} or {@code amount} is null
   * @throws DateTimeException if the answer lies more than {@value #MAX_YEARS_SPANNED} calendar
   *     years away or outside the range of {@link LocalDate}
   */
  public Instant addWorkingTime(Instant from, Duration amount) {
    requireNonNull(from, "from");
    requireNonNull(amount, "amount");
    if (amount.isZero()) {
      return from;
    }
    long seconds = amount.getSeconds();
    if (seconds > MAX_SPAN_SECONDS || seconds < -MAX_SPAN_SECONDS) {
      throw tooFar("Adding " + amount + " to " + from);
    }
    YearIndex index = indexContaining(from.getEpochSecond());
    long position = index.workedBefore(from.getEpochSecond(), from.getNano());
    return amount.isNegative()
        ? subtract(index, position, negate(amount), from)
        : add(index, position, amount, from);
  }

  private Instant add(YearIndex index, long position, Duration amount, Instant from) {
    long leftInYear = index.totalNanos() - position;
    if (amount.getSeconds() < YearIndex.SECONDS_ABOVE_A_YEAR && amount.toNanos() <= leftInYear) {
      return index.earliestAt(position + amount.toNanos());
    }
    Duration remaining = amount.minusNanos(leftInYear);
    for (int walked = 1; walked <= MAX_YEARS_SPANNED; walked++) {
      YearIndex next = index(index.year + walked);
      if (remaining.getSeconds() < YearIndex.SECONDS_ABOVE_A_YEAR
          && remaining.toNanos() <= next.totalNanos()) {
        return next.earliestAt(remaining.toNanos());
      }
      remaining = remaining.minusSeconds(next.totalSeconds);
    }
    throw tooFar("Adding " + amount + " to " + from);
  }

  private Instant subtract(YearIndex index, long position, Duration amount, Instant from) {
    if (amount.getSeconds() < YearIndex.SECONDS_ABOVE_A_YEAR && amount.toNanos() <= position) {
      return index.latestAt(position - amount.toNanos());
    }
    Duration remaining = amount.minusNanos(position);
    for (int walked = 1; walked <= MAX_YEARS_SPANNED; walked++) {
      YearIndex previous = index(index.year - walked);
      if (remaining.getSeconds() < YearIndex.SECONDS_ABOVE_A_YEAR
          && remaining.toNanos() <= previous.totalNanos()) {
        return previous.latestAt(previous.totalNanos() - remaining.toNanos());
      }
      remaining = remaining.minusSeconds(previous.totalSeconds);
    }
    throw tooFar("Subtracting " + amount + " from " + from);
  }

  /**
   * Measures the working time in {@code [start, end)}. The answer is negative when {@code end}
   * lies before {@code start}: measuring is antisymmetric, and
   * {@code workingTimeBetween(t, addWorkingTime(t, d))} equals {@code d}.
   *
   * @param start the first instant of the span
   * @param end the first instant after the span
   * @return the working time, negative if {@code end} lies before {@code start}
   * @throws NullPointerException if {@code start} or {@code end} is null
   * @throws DateTimeException if the span covers more than {@value #MAX_YEARS_SPANNED} calendar
   *     years or lies outside the range of {@link LocalDate}
   */
  public Duration workingTimeBetween(Instant start, Instant end) {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    int order = start.compareTo(end);
    if (order == 0) {
      return Duration.ZERO;
    }
    return order < 0 ? measure(start, end) : negate(measure(end, start));
  }

  private Duration measure(Instant start, Instant end) {
    YearIndex first = indexContaining(start.getEpochSecond());
    long fromStart = first.workedBefore(start.getEpochSecond(), start.getNano());
    if (first.contains(end.getEpochSecond())) {
      return Duration.ofNanos(first.workedBefore(end.getEpochSecond(), end.getNano()) - fromStart);
    }
    YearIndex last = indexContaining(end.getEpochSecond());
    if ((long) last.year - first.year > MAX_YEARS_SPANNED) {
      throw tooFar("Measuring from " + start + " to " + end);
    }
    long wholeYearSeconds = 0;
    for (int year = first.year + 1; year < last.year; year++) {
      wholeYearSeconds += index(year).totalSeconds;
    }
    long toEnd = last.workedBefore(end.getEpochSecond(), end.getNano());
    return Duration.ofSeconds(wholeYearSeconds, first.totalNanos() - fromStart + toEnd);
  }

  /**
   * Returns the instant itself if it is working time, else the start of the next working interval.
   *
   * @param instant the instant to start from
   * @return the first working instant at or after {@code instant}
   * @throws NullPointerException if {@code instant} is null
   * @throws DateTimeException if no working time starts within {@value #MAX_YEARS_SPANNED}
   *     calendar years or the answer lies outside the range of {@link LocalDate}
   */
  public Instant nextWorkingInstant(Instant instant) {
    requireNonNull(instant, "instant");
    YearIndex index = indexContaining(instant.getEpochSecond());
    long next = index.nextWorkingSecond(instant.getEpochSecond());
    if (next == instant.getEpochSecond()) {
      return instant;
    }
    if (next != Long.MIN_VALUE) {
      return Instant.ofEpochSecond(next);
    }
    for (int walked = 1; walked <= MAX_YEARS_SPANNED; walked++) {
      YearIndex following = index(index.year + walked);
      if (following.count() > 0) {
        return Instant.ofEpochSecond(following.firstStart());
      }
    }
    throw tooFar("Looking for working time after " + instant);
  }

  /**
   * Tells whether an instant lies inside a working interval; interval starts are working time,
   * interval ends are not.
   *
   * @param instant the instant to test
   * @return true if the instant is working time
   * @throws NullPointerException if {@code instant} is null
   * @throws DateTimeException if the instant lies outside the range of {@link LocalDate}
   */
  public boolean isWorkingTime(Instant instant) {
    requireNonNull(instant, "instant");
    return indexContaining(instant.getEpochSecond()).isWorking(instant.getEpochSecond());
  }

  /**
   * Tells whether a date has any working time: it is not a holiday, and its special or weekly
   * hours keep some real time after daylight-saving conversion.
   *
   * @param date the date in the calendar's zone
   * @return true if some of the date is working time
   * @throws NullPointerException if {@code date} is null
   */
  public boolean isWorkingDay(LocalDate date) {
    requireNonNull(date, "date");
    return !workingIntervalsOn(date).isEmpty();
  }

  /**
   * Returns the real working intervals of a date, in order, after daylight-saving conversion; none
   * for a holiday or a date without hours.
   *
   * @param date the date in the calendar's zone
   * @return the working windows of the date, strictly increasing and not overlapping
   * @throws NullPointerException if {@code date} is null
   */
  public Seq<TimeWindow> workingIntervalsOn(LocalDate date) {
    requireNonNull(date, "date");
    WorkingHours[] hours = hoursOn(date);
    if (hours.length == 0) {
      return List.empty();
    }
    long dayStart = YearIndex.epochSecond(date, LocalTime.MIDNIGHT, rules);
    long nextDayStart = YearIndex.epochSecond(date.plusDays(1), LocalTime.MIDNIGHT, rules);
    long[] pairs = new long[2 * hours.length];
    int written = YearIndex.convert(date, hours, rules, dayStart, nextDayStart, pairs, 0);
    List<TimeWindow> windows = List.empty();
    for (int at = written - 2; at >= 0; at -= 2) {
      windows = windows.prepend(
          TimeWindow.of(Instant.ofEpochSecond(pairs[at]), Instant.ofEpochSecond(pairs[at + 1])));
    }
    return windows;
  }

  /**
   * Compares zone, weekly schedule, holidays with their names, and special days.
   *
   * @param other the object to compare with
   * @return true if {@code other} is a calendar with the same value
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof BusinessCalendar)) {
      return false;
    }
    BusinessCalendar that = (BusinessCalendar) other;
    return zone.equals(that.zone)
        && weeklySchedule.equals(that.weeklySchedule)
        && holidays.equals(that.holidays)
        && specialDays.equals(that.specialDays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, weeklySchedule, holidays, specialDays);
  }

  /**
   * Returns the calendar's value, such as
   * {@code BusinessCalendar[zone=Europe/Berlin, schedule={MONDAY=[09:00-17:00]}, holidays={},
   * specialDays={}]}.
   */
  @Override
  public String toString() {
    return "BusinessCalendar[zone=" + zone
        + ", schedule=" + weeklySchedule.map(e -> e._1 + "=" + e._2.mkString("[", ", ", "]"))
            .mkString("{", ", ", "}")
        + ", holidays=" + holidays.map(e -> e._1 + "=" + e._2).mkString("{", ", ", "}")
        + ", specialDays=" + specialDays.map(e -> e._1 + "=" + e._2.mkString("[", ", ", "]"))
            .mkString("{", ", ", "}")
        + "]";
  }

  private WorkingHours[] hoursOn(LocalDate date) {
    WorkingHours[] special = hoursByDate.get(date);
    return special != null ? special : hoursByDay[date.getDayOfWeek().ordinal()];
  }

  /** Returns the index of the calendar year in the zone that contains the epoch second. */
  private YearIndex indexContaining(long second) {
    // The average Gregorian year estimates the year; the zone offset and the drift of 1 January
    // around the average move it by one at most, so a step or two corrects it.
    long estimate = 1970 + Math.floorDiv(second, AVERAGE_YEAR_SECONDS);
    if (estimate > LocalDate.MAX.getYear() || estimate < LocalDate.MIN.getYear()) {
      throw new DateTimeException("Instant " + Instant.ofEpochSecond(second)
          + " lies outside the range of the calendar");
    }
    YearIndex index = index((int) estimate);
    for (int step = 0; step < 4; step++) {
      if (second < index.startSecond) {
        index = index(index.year - 1);
      } else if (second >= index.endSecond) {
        index = index(index.year + 1);
      } else {
        return index;
      }
    }
    throw new IllegalStateException(
        "No year index of " + zone + " holds " + Instant.ofEpochSecond(second));
  }

  /** Returns the index of a calendar year in the zone, building and caching it on first use. */
  private YearIndex index(int year) {
    int slot = year & (CACHE_SLOTS - 1);
    YearIndex cached = cache[slot];
    if (cached != null && cached.year == year) {
      return cached;
    }
    YearIndex built = YearIndex.build(year, rules, this::hoursOn);
    cache[slot] = built;
    return built;
  }

  /**
   * Negates a duration of at most {@value #MAX_YEARS_SPANNED} years cheaply; the JDK's
   * {@code negated()} goes through {@code BigDecimal}.
   */
  private static Duration negate(Duration duration) {
    return Duration.ofSeconds(-duration.getSeconds(), -duration.getNano());
  }

  private static DateTimeException tooFar(String what) {
    return new DateTimeException(
        what + " crosses more than " + MAX_YEARS_SPANNED + " calendar years");
  }

  /**
   * Collects the parts of a {@link BusinessCalendar} and checks them all at once. Not thread-safe:
   * use one builder from one thread.
   */
  public static final class Builder {

    private final ZoneId zone;
    private final Map<DayOfWeek, java.util.List<LocalTime[]>> weekly =
        new EnumMap<>(DayOfWeek.class);
    // Java lists: Vavr's List.append copies, which made adding n days cost O(n²).
    private final java.util.List<Tuple2<LocalDate, String>> holidays = new java.util.ArrayList<>();
    private final java.util.List<Tuple2<LocalDate, List<WorkingHours>>> specialDays =
        new java.util.ArrayList<>();

    private Builder(ZoneId zone) {
      this.zone = zone;
    }

    /**
     * Adds a working interval to one day of the week; call again for more intervals of that day,
     * in any order.
     *
     * @param day the day of the week
     * @param start the first working moment, a whole second
     * @param end the first moment after the interval, a whole second, or midnight for the end of
     *     the day
     * @return this builder
     * @throws NullPointerException if {@code day}, {@code start} or {@code end} is null
     */
    public Builder workingHours(DayOfWeek day, LocalTime start, LocalTime end) {
      requireNonNull(day, "day");
      requireNonNull(start, "start");
      requireNonNull(end, "end");
      weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(new LocalTime[] {start, end});
      return this;
    }

    /**
     * Adds the same working interval to several days of the week, such as
     * {@code EnumSet.range(MONDAY, FRIDAY)}.
     *
     * @param days the days of the week
     * @param start the first working moment, a whole second
     * @param end the first moment after the interval, a whole second, or midnight for the end of
     *     the day
     * @return this builder
     * @throws NullPointerException if {@code days}, one of its days, {@code start} or {@code end}
     *     is null
     */
    public Builder workingHours(Iterable<DayOfWeek> days, LocalTime start, LocalTime end) {
      requireNonNull(days, "days");
      requireNonNull(start, "start");
      requireNonNull(end, "end");
      for (DayOfWeek day : days) {
        workingHours(requireNonNull(day, "days"), start, end);
      }
      return this;
    }

    /**
     * Closes a whole date.
     *
     * @param date the date in the calendar's zone
     * @param name what the holiday is called, not blank
     * @return this builder
     * @throws NullPointerException if {@code date} or {@code name} is null
     */
    public Builder holiday(LocalDate date, String name) {
      requireNonNull(date, "date");
      requireNonNull(name, "name");
      holidays.add(Tuple.of(date, name));
      return this;
    }

    /**
     * Gives a date its own working hours in place of the weekly ones, such as a make-up working
     * Saturday or a shortened day. To close a date, add a holiday instead.
     *
     * @param date the date in the calendar's zone
     * @param hours the working intervals of that date, at least one, in any order
     * @return this builder
     * @throws NullPointerException if {@code date}, {@code hours} or one of the intervals is null
     */
    public Builder specialDay(LocalDate date, WorkingHours... hours) {
      requireNonNull(date, "date");
      requireNonNull(hours, "hours");
      List<WorkingHours> list = List.empty();
      for (WorkingHours h : hours) {
        list = list.append(requireNonNull(h, "hours"));
      }
      specialDays.add(Tuple.of(date, list));
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @return the calendar
     * @throws InvalidValueException with every violation found, as {@link #validate()} lists them
     */
    public BusinessCalendar build() {
      return Checks.orThrow(validate());
    }

    /**
     * Checks every part and builds the calendar, or collects every violation at once.
     *
     * <p>Codes and fields:
     * <ul>
     *   <li>{@code calendar.interval.sub_second}, {@code calendar.interval.empty}: a weekly
     *       interval's boundary, such as {@code schedule.MONDAY[1].start}, numbered from 0 in the
     *       order given for that day;
     *   <li>{@code calendar.interval.overlap}: the later-starting of two overlapping intervals,
     *       such as {@code schedule.MONDAY[1]} or {@code specialDays.2026-10-01[0]};
     *   <li>{@code calendar.schedule.empty}: {@code schedule}, when no day has working hours;
     *   <li>{@code calendar.holiday.name_blank}, {@code calendar.holiday.duplicate}: such as
     *       {@code holidays.2026-10-01};
     *   <li>{@code calendar.special_day.empty}, {@code calendar.special_day.duplicate}: such as
     *       {@code specialDays.2026-10-01};
     *   <li>{@code calendar.day.conflict}: {@code holidays.2026-10-01}, when a date is both a
     *       holiday and a special day.
     * </ul>
     *
     * @return the calendar, or every violation found
     */
    public Validation<Seq<Violation>, BusinessCalendar> validate() {
      List<Violation> violations = List.empty();

      TreeMap<DayOfWeek, Seq<WorkingHours>> schedule = TreeMap.empty();
      boolean anyHours = false;
      for (DayOfWeek day : DayOfWeek.values()) {
        java.util.List<LocalTime[]> given = weekly.getOrDefault(day, java.util.List.of());
        anyHours |= !given.isEmpty();
        String path = "schedule." + day;
        List<Tuple2<Integer, WorkingHours>> valid = List.empty();
        for (int i = 0; i < given.size(); i++) {
          Validation<Seq<Violation>, WorkingHours> hours =
              WorkingHours.validate(given.get(i)[0], given.get(i)[1]);
          String field = path + "[" + i + "]";
          if (hours.isValid()) {
            valid = valid.append(Tuple.of(i, hours.get()));
          } else {
            violations = violations.appendAll(hours.getError().map(v -> v.under(field)));
          }
        }
        violations = violations.appendAll(overlaps(path, valid));
        if (!valid.isEmpty()) {
          schedule = schedule.put(day, valid.map(Tuple2::_2).sorted());
        }
      }
      if (!anyHours) {
        violations = violations.append(Violation.of("calendar.schedule.empty", "schedule",
            "A calendar needs working hours on at least one day of the week"));
      }

      TreeMap<LocalDate, String> closed = TreeMap.empty();
      for (Tuple2<LocalDate, String> holiday : holidays) {
        String field = "holidays." + holiday._1;
        if (closed.containsKey(holiday._1)) {
          violations = violations.append(Violation.of("calendar.holiday.duplicate", field,
              "The holiday " + holiday._1 + " is given twice"));
        } else if (holiday._2.isBlank()) {
          violations = violations.append(Violation.of("calendar.holiday.name_blank", field,
              "The holiday " + holiday._1 + " needs a name"));
        }
        closed = closed.containsKey(holiday._1) ? closed : closed.put(holiday._1, holiday._2);
      }

      TreeMap<LocalDate, Seq<WorkingHours>> special = TreeMap.empty();
      Set<LocalDate> seen = HashSet.empty();
      for (Tuple2<LocalDate, List<WorkingHours>> day : specialDays) {
        String field = "specialDays." + day._1;
        if (seen.contains(day._1)) {
          violations = violations.append(Violation.of("calendar.special_day.duplicate", field,
              "The special day " + day._1 + " is given twice"));
          continue;
        }
        seen = seen.add(day._1);
        if (day._2.isEmpty()) {
          violations = violations.append(Violation.of("calendar.special_day.empty", field,
              "The special day " + day._1
                  + " needs working hours; to close the date, add a holiday instead"));
          continue;
        }
        violations = violations.appendAll(overlaps(field, day._2.zipWithIndex()
            .map(pair -> Tuple.of(pair._2, pair._1))));
        special = special.put(day._1, day._2.sorted());
      }
      for (LocalDate date : closed.keySet()) {
        if (seen.contains(date)) {
          violations = violations.append(Violation.of("calendar.day.conflict",
              "holidays." + date, "The date " + date
                  + " is both a holiday and a special day; it can only be one"));
        }
      }

      return violations.isEmpty()
          ? Validation.valid(new BusinessCalendar(zone, schedule, closed, special))
          : Validation.invalid(violations);
    }

    /** Reports each interval that starts before an earlier-starting interval of the day ends. */
    private static List<Violation> overlaps(String path,
        List<Tuple2<Integer, WorkingHours>> numbered) {
      List<Tuple2<Integer, WorkingHours>> byStart = numbered.sortBy(Tuple2::_2);
      List<Violation> violations = List.empty();
      Tuple2<Integer, WorkingHours> latestEnding = null;
      for (Tuple2<Integer, WorkingHours> current : byStart) {
        if (latestEnding != null && current._2.overlaps(latestEnding._2)) {
          violations = violations.append(Violation.of("calendar.interval.overlap",
              path + "[" + current._1 + "]", "The working interval " + current._2
                  + " overlaps " + latestEnding._2 + " (" + path + "[" + latestEnding._1 + "])"));
        }
        if (latestEnding == null
            || current._2.endSecondOfDay() > latestEnding._2.endSecondOfDay()) {
          latestEnding = current;
        }
      }
      return violations;
    }
  }
}
