package io.rapport.crm.kernel;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(MONDAY, FRIDAY);

  static LocalTime time(String text) {
    return LocalTime.parse(text);
  }

  static Instant at(ZoneId zone, String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
  }

  static WorkingHours hours(String start, String end) {
    return WorkingHours.of(time(start), time(end));
  }

  /** Mon–Fri 09:00–12:00 and 13:30–18:00 in Berlin. */
  static BusinessCalendar.Builder withLunchBreak() {
    return BusinessCalendar.builder(BERLIN)
        .workingHours(WEEKDAYS, time("09:00"), time("12:00"))
        .workingHours(WEEKDAYS, time("13:30"), time("18:00"));
  }

  /** Mon–Fri 09:00–17:00 in Berlin. */
  static BusinessCalendar.Builder nineToFive() {
    return BusinessCalendar.builder(BERLIN).workingHours(WEEKDAYS, time("09:00"), time("17:00"));
  }

  @Nested
  class AddingAndMeasuring {

    @Test
    void skipsTheLunchBreak() {
      BusinessCalendar calendar = withLunchBreak().build();
      // 2026-03-02 is a Monday.
      Instant monday9 = at(BERLIN, "2026-03-02T09:00");
      assertThat(calendar.addWorkingTime(monday9, Duration.ofHours(4)))
          .isEqualTo(at(BERLIN, "2026-03-02T14:30"));
      assertThat(calendar.workingTimeBetween(monday9, at(BERLIN, "2026-03-02T18:00")))
          .isEqualTo(Duration.ofMinutes(450));
      assertThat(calendar.workingTimeBetween(at(BERLIN, "2026-03-02T11:00"),
          at(BERLIN, "2026-03-02T14:00"))).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void skipsTheWeekend() {
      BusinessCalendar calendar = withLunchBreak().build();
      Instant friday17 = at(BERLIN, "2026-03-06T17:00");
      assertThat(calendar.addWorkingTime(friday17, Duration.ofHours(2)))
          .isEqualTo(at(BERLIN, "2026-03-09T10:00"));
      assertThat(calendar.workingTimeBetween(friday17, at(BERLIN, "2026-03-09T10:00")))
          .isEqualTo(Duration.ofHours(2));
      assertThat(calendar.workingTimeBetween(at(BERLIN, "2026-03-07T00:00"),
          at(BERLIN, "2026-03-09T00:00"))).isZero();
    }

    @Test
    void skipsAHoliday() {
      BusinessCalendar calendar = nineToFive().holiday(LocalDate.parse("2026-04-06"), "Easter Monday")
          .build();
      Instant friday1630 = at(BERLIN, "2026-04-03T16:30");
      assertThat(calendar.addWorkingTime(friday1630, Duration.ofHours(1)))
          .isEqualTo(at(BERLIN, "2026-04-07T09:30"));
      assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-06"))).isFalse();
      assertThat(calendar.isWorkingTime(at(BERLIN, "2026-04-06T10:00"))).isFalse();
      assertThat(calendar.workingIntervalsOn(LocalDate.parse("2026-04-06"))).isEmpty();
      assertThat(calendar.holidays().get(LocalDate.parse("2026-04-06")).get())
          .isEqualTo("Easter Monday");
    }

    @Test
    void worksOnASpecialSaturday() {
      LocalDate saturday = LocalDate.parse("2026-03-07");
      BusinessCalendar calendar = withLunchBreak()
          .specialDay(saturday, hours("10:00", "14:00"))
          .build();
      assertThat(calendar.addWorkingTime(at(BERLIN, "2026-03-06T18:00"), Duration.ofHours(2)))
          .isEqualTo(at(BERLIN, "2026-03-07T12:00"));
      assertThat(calendar.isWorkingDay(saturday)).isTrue();
      assertThat(calendar.isWorkingDay(saturday.plusWeeks(1))).isFalse();
      assertThat(calendar.workingIntervalsOn(saturday)).containsExactly(
          TimeWindow.of(at(BERLIN, "2026-03-07T10:00"), at(BERLIN, "2026-03-07T14:00")));
    }

    @Test
    void shortensASpecialDay() {
      LocalDate christmasEve = LocalDate.parse("2026-12-24");
      BusinessCalendar calendar = nineToFive()
          .specialDay(christmasEve, hours("09:00", "12:00"))
          .build();
      assertThat(calendar.workingTimeBetween(at(BERLIN, "2026-12-24T00:00"),
          at(BERLIN, "2026-12-25T00:00"))).isEqualTo(Duration.ofHours(3));
      assertThat(calendar.isWorkingTime(at(BERLIN, "2026-12-24T13:00"))).isFalse();
    }

    @Test
    void landsOnTheEndOfAnIntervalWhenTheAmountRunsOutThere() {
      BusinessCalendar calendar = nineToFive().build();
      assertThat(calendar.addWorkingTime(at(BERLIN, "2026-03-02T09:00"), Duration.ofHours(8)))
          .isEqualTo(at(BERLIN, "2026-03-02T17:00"));
      BusinessCalendar lunch = withLunchBreak().build();
      assertThat(lunch.addWorkingTime(at(BERLIN, "2026-03-02T09:00"), Duration.ofHours(3)))
          .isEqualTo(at(BERLIN, "2026-03-02T12:00"));
      // From outside working time the clock starts with the next interval.
      assertThat(calendar.addWorkingTime(at(BERLIN, "2026-03-02T07:00"), Duration.ofHours(8)))
          .isEqualTo(at(BERLIN, "2026-03-02T17:00"));
    }

    @Test
    void subtractsToTheLatestInstant() {
      BusinessCalendar calendar = nineToFive().build();
      assertThat(calendar.addWorkingTime(at(BERLIN, "2026-03-09T10:00"), Duration.ofHours(-2)))
          .isEqualTo(at(BERLIN, "2026-03-06T16:00"));
      // Landing exactly on an interval start answers the start, not the previous end.
      assertThat(calendar.addWorkingTime(at(BERLIN, "2026-03-03T10:00"), Duration.ofHours(-1)))
          .isEqualTo(at(BERLIN, "2026-03-03T09:00"));
      assertThat(calendar.addWorkingTime(at(BERLIN, "2026-03-03T09:00"), Duration.ofHours(-8)))
          .isEqualTo(at(BERLIN, "2026-03-02T09:00"));
      assertThat(calendar.workingTimeBetween(at(BERLIN, "2026-03-09T10:00"),
          at(BERLIN, "2026-03-06T16:00"))).isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void returnsTheSameInstantForZero() {
      BusinessCalendar calendar = nineToFive().build();
      Instant saturday = at(BERLIN, "2026-03-07T11:11:11.5");
      assertThat(calendar.addWorkingTime(saturday, Duration.ZERO)).isEqualTo(saturday);
      assertThat(calendar.workingTimeBetween(saturday, saturday)).isZero();
    }

    @Test
    void keepsFractionsOfASecond() {
      BusinessCalendar calendar = nineToFive().build();
      Instant from = at(BERLIN, "2026-03-02T16:59:59.75");
      assertThat(calendar.addWorkingTime(from, Duration.ofMillis(500)))
          .isEqualTo(at(BERLIN, "2026-03-03T09:00:00.25"));
      assertThat(calendar.workingTimeBetween(from, at(BERLIN, "2026-03-03T09:00:00.25")))
          .isEqualTo(Duration.ofMillis(500));
      assertThat(calendar.addWorkingTime(at(BERLIN, "2026-03-03T09:00:00.25"), Duration.ofMillis(-500)))
          .isEqualTo(from);
    }

    @Test
    void crossesTheYearEnd() {
      BusinessCalendar calendar = nineToFive()
          .holiday(LocalDate.parse("2026-12-31"), "New Year's Eve")
          .holiday(LocalDate.parse("2027-01-01"), "New Year")
          .build();
      Instant wednesday16 = at(BERLIN, "2026-12-30T16:00");
      Instant monday10 = at(BERLIN, "2027-01-04T10:00");
      assertThat(calendar.addWorkingTime(wednesday16, Duration.ofHours(2))).isEqualTo(monday10);
      assertThat(calendar.addWorkingTime(monday10, Duration.ofHours(-2))).isEqualTo(wednesday16);
      assertThat(calendar.workingTimeBetween(wednesday16, monday10)).isEqualTo(Duration.ofHours(2));
      assertThat(calendar.workingTimeBetween(monday10, wednesday16)).isEqualTo(Duration.ofHours(-2));
      assertThat(calendar.nextWorkingInstant(at(BERLIN, "2026-12-30T17:00"))).isEqualTo(
          at(BERLIN, "2027-01-04T09:00"));
    }

    @Test
    void addsAcrossSeveralYears() {
      BusinessCalendar calendar = nineToFive().build();
      Instant from = at(BERLIN, "2026-01-05T09:00");
      // Mondays to Fridays from 2026-01-05 to 2028-12-29: 156 full weeks of 40 hours, plus Monday.
      Instant to = calendar.addWorkingTime(from, Duration.ofHours(156 * 40 + 8));
      assertThat(to).isEqualTo(at(BERLIN, "2029-01-01T17:00"));
      assertThat(calendar.workingTimeBetween(from, to)).isEqualTo(Duration.ofHours(156 * 40 + 8));
      assertThat(calendar.addWorkingTime(to, Duration.ofHours(-(156 * 40 + 8)))).isEqualTo(from);
    }

    @Test
    void refusesToWalkMoreThanAThousandYears() {
      BusinessCalendar calendar = nineToFive().build();
      Instant from = at(BERLIN, "2026-01-05T09:00");
      assertThatThrownBy(() -> calendar.addWorkingTime(from, Duration.ofDays(400_000)))
          .isInstanceOf(DateTimeException.class)
          .hasMessageContaining("1000 calendar years");
      assertThatThrownBy(() -> calendar.addWorkingTime(from, Duration.ofDays(-400_000)))
          .isInstanceOf(DateTimeException.class);
      // A legal amount whose answer lies too far away: 40 hours a week for 1,100 years.
      assertThatThrownBy(() -> calendar.addWorkingTime(from, Duration.ofHours(40L * 52 * 1100)))
          .isInstanceOf(DateTimeException.class)
          .hasMessageContaining("1000 calendar years");
      assertThatThrownBy(() -> calendar.workingTimeBetween(from, from.plus(Duration.ofDays(400_000))))
          .isInstanceOf(DateTimeException.class);
    }
  }

  @Nested
  class NextWorkingInstant {

    BusinessCalendar calendar = withLunchBreak()
        .holiday(LocalDate.parse("2026-03-09"), "A closed Monday")
        .build();

    @Test
    void answersTheInstantItselfInsideAnInterval() {
      Instant inside = at(BERLIN, "2026-03-02T10:15:30.123");
      assertThat(calendar.nextWorkingInstant(inside)).isEqualTo(inside);
      Instant start = at(BERLIN, "2026-03-02T13:30");
      assertThat(calendar.nextWorkingInstant(start)).isEqualTo(start);
      assertThat(calendar.isWorkingTime(start)).isTrue();
    }

    @Test
    void answersTheNextStartOutsideAnInterval() {
      assertThat(calendar.nextWorkingInstant(at(BERLIN, "2026-03-02T12:00")))
          .isEqualTo(at(BERLIN, "2026-03-02T13:30"));
      assertThat(calendar.isWorkingTime(at(BERLIN, "2026-03-02T12:00"))).isFalse();
      assertThat(calendar.nextWorkingInstant(at(BERLIN, "2026-03-02T06:00")))
          .isEqualTo(at(BERLIN, "2026-03-02T09:00"));
      assertThat(calendar.nextWorkingInstant(at(BERLIN, "2026-03-06T18:00")))
          .isEqualTo(at(BERLIN, "2026-03-10T09:00"));
      assertThat(calendar.nextWorkingInstant(at(BERLIN, "2026-03-02T11:59:59.999999999")))
          .isEqualTo(at(BERLIN, "2026-03-02T11:59:59.999999999"));
    }
  }

  @Nested
  class DaylightSaving {

    @Test
    void countsRealTimeOnANewYorkSpringForwardDay() {
      // 2026-03-08: 02:00 EST jumps to 03:00 EDT.
      LocalDate day = LocalDate.parse("2026-03-08");
      BusinessCalendar calendar = BusinessCalendar.builder(NEW_YORK)
          .workingHours(SUNDAY, time("01:00"), time("02:30"))
          .workingHours(SUNDAY, time("03:00"), time("05:00"))
          .build();
      // 02:30 lies in the gap and moves to 03:30 EDT; the next interval starts there.
      assertThat(calendar.workingIntervalsOn(day)).containsExactly(
          TimeWindow.of(Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-08T07:30:00Z")),
          TimeWindow.of(Instant.parse("2026-03-08T07:30:00Z"), Instant.parse("2026-03-08T09:00:00Z")));
      assertThat(calendar.workingTimeBetween(day.atStartOfDay(NEW_YORK).toInstant(),
          day.plusDays(1).atStartOfDay(NEW_YORK).toInstant())).isEqualTo(Duration.ofHours(3));
      assertThat(calendar.addWorkingTime(Instant.parse("2026-03-08T06:00:00Z"), Duration.ofHours(3)))
          .isEqualTo(Instant.parse("2026-03-08T09:00:00Z"));

      BusinessCalendar spanning = BusinessCalendar.builder(NEW_YORK)
          .workingHours(SUNDAY, time("00:00"), time("04:00"))
          .build();
      assertThat(spanning.workingIntervalsOn(day).map(TimeWindow::duration))
          .containsExactly(Duration.ofHours(3));
    }

    @Test
    void countsRealTimeOnANewYorkFallBackDay() {
      // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:00–02:00 happens twice.
      LocalDate day = LocalDate.parse("2026-11-01");
      BusinessCalendar calendar = BusinessCalendar.builder(NEW_YORK)
          .workingHours(SUNDAY, time("00:00"), time("04:00"))
          .build();
      assertThat(calendar.workingIntervalsOn(day).map(TimeWindow::duration))
          .containsExactly(Duration.ofHours(5));
      // An ambiguous boundary takes the earlier offset: 01:30 EDT to 02:30 EST is two hours.
      BusinessCalendar ambiguous = BusinessCalendar.builder(NEW_YORK)
          .workingHours(SUNDAY, time("01:30"), time("02:30"))
          .build();
      assertThat(ambiguous.workingIntervalsOn(day)).containsExactly(TimeWindow.of(
          Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T07:30:00Z")));
      assertThat(ambiguous.addWorkingTime(Instant.parse("2026-11-01T05:30:00Z"), Duration.ofMinutes(90)))
          .isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
    }

    @Test
    void countsRealTimeInBerlin() {
      BusinessCalendar sundays = BusinessCalendar.builder(BERLIN)
          .workingHours(SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
          .build();
      assertThat(sundays.workingIntervalsOn(LocalDate.parse("2026-03-29")).map(TimeWindow::duration))
          .containsExactly(Duration.ofHours(23));
      assertThat(sundays.workingIntervalsOn(LocalDate.parse("2026-10-25")).map(TimeWindow::duration))
          .containsExactly(Duration.ofHours(25));
      // A night shift across the change: 01:00–05:00 on 2026-03-29 is three real hours.
      BusinessCalendar night = BusinessCalendar.builder(BERLIN)
          .workingHours(SUNDAY, time("01:00"), time("05:00"))
          .build();
      Instant start = at(BERLIN, "2026-03-29T01:00");
      assertThat(night.addWorkingTime(start, Duration.ofHours(3))).isEqualTo(at(BERLIN, "2026-03-29T05:00"));
      assertThat(night.addWorkingTime(start, Duration.ofHours(4)))
          .isEqualTo(at(BERLIN, "2026-04-05T02:00"));
    }

    @Test
    void skipsADateTheZoneNeverHad() {
      // Samoa moved across the date line: Friday 2011-12-30 never happened in Pacific/Apia.
      ZoneId apia = ZoneId.of("Pacific/Apia");
      BusinessCalendar calendar = BusinessCalendar.builder(apia)
          .workingHours(WEEKDAYS, time("09:00"), time("17:00"))
          .build();
      assertThat(calendar.workingIntervalsOn(LocalDate.parse("2011-12-30"))).isEmpty();
      assertThat(calendar.isWorkingDay(LocalDate.parse("2011-12-30"))).isFalse();
      assertThat(calendar.workingTimeBetween(at(apia, "2011-12-29T00:00"), at(apia, "2012-01-03T00:00")))
          .isEqualTo(Duration.ofHours(16));
      assertThat(calendar.addWorkingTime(at(apia, "2011-12-29T16:00"), Duration.ofHours(2)))
          .isEqualTo(at(apia, "2012-01-02T10:00"));
    }

    @Test
    void countsHalfHourChangesOnLordHowe() {
      BusinessCalendar calendar = BusinessCalendar.builder(LORD_HOWE)
          .workingHours(SUNDAY, time("01:00"), time("03:00"))
          .build();
      // 2026-04-05: 02:00 (+11:00) falls back to 01:30 (+10:30), so the morning gains half an hour.
      assertThat(calendar.workingIntervalsOn(LocalDate.parse("2026-04-05"))).containsExactly(
          TimeWindow.of(Instant.parse("2026-04-04T14:00:00Z"), Instant.parse("2026-04-04T16:30:00Z")));
      // 2026-10-04: 02:00 (+10:30) springs forward to 02:30 (+11:00), so it loses half an hour.
      assertThat(calendar.workingIntervalsOn(LocalDate.parse("2026-10-04"))).containsExactly(
          TimeWindow.of(Instant.parse("2026-10-03T14:30:00Z"), Instant.parse("2026-10-03T16:00:00Z")));
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-04-01T00:00:00Z"),
          Instant.parse("2026-04-08T00:00:00Z"))).isEqualTo(Duration.ofMinutes(150));
    }
  }

  @Test
  void followsShanghaisNationalDayWithAMakeUpWorkingSunday() {
    LocalDate makeUpSunday = LocalDate.parse("2026-09-20");
    BusinessCalendar.Builder builder = BusinessCalendar.builder(SHANGHAI)
        .workingHours(WEEKDAYS, time("09:00"), time("12:00"))
        .workingHours(WEEKDAYS, time("13:00"), time("18:00"))
        .specialDay(makeUpSunday, hours("09:00", "12:00"), hours("13:00", "18:00"))
        .specialDay(LocalDate.parse("2026-10-10"), hours("13:00", "18:00"), hours("09:00", "12:00"));
    for (LocalDate day = LocalDate.parse("2026-10-01"); day.isBefore(LocalDate.parse("2026-10-08"));
        day = day.plusDays(1)) {
      builder.holiday(day, "National Day");
    }
    BusinessCalendar calendar = builder.build();

    assertThat(calendar.isWorkingDay(makeUpSunday)).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(calendar.workingTimeBetween(at(SHANGHAI, "2026-09-19T00:00"),
        at(SHANGHAI, "2026-09-21T00:00"))).isEqualTo(Duration.ofHours(8));
    // Wednesday 30 September 17:00 plus two hours skips the whole Golden Week.
    assertThat(calendar.addWorkingTime(at(SHANGHAI, "2026-09-30T17:00"), Duration.ofHours(2)))
        .isEqualTo(at(SHANGHAI, "2026-10-08T10:00"));
    // The week from Monday 28 September to Sunday 11 October: 3 + 2 + 1 make-up days of 8 hours.
    assertThat(calendar.workingTimeBetween(at(SHANGHAI, "2026-09-28T00:00"),
        at(SHANGHAI, "2026-10-12T00:00"))).isEqualTo(Duration.ofHours(48));
    assertThat(calendar.specialDays().get(LocalDate.parse("2026-10-10")).get())
        .containsExactly(hours("09:00", "12:00"), hours("13:00", "18:00"));
  }

  @Test
  void aroundTheClockIsPlainElapsedTime() {
    BusinessCalendar calendar = BusinessCalendar.twentyFourSeven(NEW_YORK);
    Instant from = Instant.parse("2026-03-07T22:13:05.5Z");
    for (Duration amount : List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofHours(30),
        Duration.ofDays(-200), Duration.ofDays(800).plusNanos(7), Duration.ofSeconds(-1))) {
      assertThat(calendar.addWorkingTime(from, amount)).isEqualTo(from.plus(amount));
      assertThat(calendar.workingTimeBetween(from, from.plus(amount))).isEqualTo(amount);
    }
    assertThat(calendar.isWorkingTime(Instant.parse("2026-03-08T07:00:00Z"))).isTrue();
    assertThat(calendar.nextWorkingInstant(from)).isEqualTo(from);
    assertThat(calendar.workingIntervalsOn(LocalDate.parse("2026-03-08")).map(TimeWindow::duration))
        .containsExactly(Duration.ofHours(23));
  }

  @Test
  void answersTheSameFromManyThreadsAcrossMoreYearsThanItCaches() throws Exception {
    BusinessCalendar shared = withLunchBreak().holiday(LocalDate.parse("2030-01-02"), "Closed").build();
    // Years 1990 to 2189: more than the cache holds, so slots are replaced while threads read them.
    java.util.List<Instant> starts = new ArrayList<>();
    for (int year = 1990; year < 2190; year++) {
      starts.add(at(BERLIN, year + "-06-15T10:17:03.25"));
    }
    java.util.List<Instant> expected = new ArrayList<>();
    for (Instant start : starts) {
      BusinessCalendar fresh = withLunchBreak().holiday(LocalDate.parse("2030-01-02"), "Closed").build();
      expected.add(fresh.addWorkingTime(start, Duration.ofHours(1234).plusMillis(5)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      java.util.List<Future<java.util.List<Instant>>> runs = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int shift = thread * 37;
        runs.add(pool.submit(() -> {
          Instant[] answers = new Instant[starts.size()];
          for (int i = 0; i < starts.size(); i++) {
            int k = (i + shift) % starts.size();
            answers[k] = shared.addWorkingTime(starts.get(k), Duration.ofHours(1234).plusMillis(5));
          }
          return java.util.List.of(answers);
        }));
      }
      for (Future<java.util.List<Instant>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    // 1,234 hours at 37.5 a week is 32.9 weeks: each answer lies about eight months later.
    assertThat(Duration.between(starts.get(0), expected.get(0))).isBetween(Duration.ofDays(225), Duration.ofDays(240));
  }

  @Nested
  class Value {

    @Test
    void comparesByValueWhateverTheOrderOfTheParts() {
      BusinessCalendar one = withLunchBreak().holiday(LocalDate.parse("2026-05-01"), "Labour Day").build();
      BusinessCalendar two = BusinessCalendar.builder(BERLIN)
          .holiday(LocalDate.parse("2026-05-01"), "Labour Day")
          .workingHours(WEEKDAYS, time("13:30"), time("18:00"))
          .workingHours(WEEKDAYS, time("09:00"), time("12:00"))
          .build();
      assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
      assertThat(one.toString()).isEqualTo(two.toString())
          .contains("Europe/Berlin", "MONDAY=[09:00-12:00, 13:30-18:00]", "2026-05-01=Labour Day");
      // A query builds an index; the cache is not part of the value.
      one.addWorkingTime(Instant.parse("2026-05-04T08:00:00Z"), Duration.ofHours(1));
      assertThat(one).isEqualTo(two);

      assertThat(withLunchBreak().holiday(LocalDate.parse("2026-05-01"), "May Day").build())
          .isNotEqualTo(one);
      assertThat(BusinessCalendar.twentyFourSeven(BERLIN))
          .isNotEqualTo(BusinessCalendar.twentyFourSeven(NEW_YORK));
    }

    @Test
    void exposesItsParts() {
      BusinessCalendar calendar = withLunchBreak().build();
      assertThat(calendar.zone()).isEqualTo(BERLIN);
      assertThat(calendar.weeklySchedule().keySet()).containsExactlyElementsOf(WEEKDAYS);
      assertThat(calendar.weeklySchedule().get(TUESDAY).get())
          .containsExactly(hours("09:00", "12:00"), hours("13:30", "18:00"));
      assertThat(calendar.holidays()).isEmpty();
      assertThat(calendar.specialDays()).isEmpty();
    }
  }

  @Nested
  class BadInput {

    static Seq<Violation> violationsOf(BusinessCalendar.Builder builder) {
      Validation<Seq<Violation>, BusinessCalendar> result = builder.validate();
      assertThat(result.isInvalid()).isTrue();
      InvalidValueException thrown = catchThrowableOfType(InvalidValueException.class, builder::build);
      assertThat(thrown.violations()).isEqualTo(result.getError());
      return result.getError();
    }

    @Test
    void rejectsOverlappingIntervals() {
      Seq<Violation> violations = violationsOf(nineToFive()
          .workingHours(MONDAY, time("16:00"), time("19:00")));
      assertThat(violations).singleElement().satisfies(v -> {
        assertThat(v.code()).isEqualTo("calendar.interval.overlap");
        assertThat(v.field()).isEqualTo("schedule.MONDAY[1]");
      });
      // Touching intervals are fine.
      assertThat(nineToFive().workingHours(MONDAY, time("17:00"), time("19:00")).validate().isValid())
          .isTrue();
    }

    @Test
    void rejectsOverlappingSpecialDayIntervalsByTheirGivenPosition() {
      Seq<Violation> violations = violationsOf(nineToFive()
          .specialDay(LocalDate.parse("2026-10-01"), hours("10:00", "14:00"), hours("09:00", "11:00")));
      assertThat(violations).extracting(Violation::code, Violation::field)
          .containsExactly(tuple(
              "calendar.interval.overlap", "specialDays.2026-10-01[0]"));
    }

    @Test
    void rejectsBackwardsAndEmptyIntervals() {
      Seq<Violation> violations = violationsOf(nineToFive()
          .workingHours(SATURDAY, time("12:00"), time("09:00"))
          .workingHours(SATURDAY, time("13:00"), time("13:00")));
      assertThat(violations).extracting(Violation::code, Violation::field).containsExactly(
          tuple("calendar.interval.empty", "schedule.SATURDAY[0].end"),
          tuple("calendar.interval.empty", "schedule.SATURDAY[1].end"));
      assertThatThrownBy(() -> hours("10:00", "09:00")).isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("calendar.interval.empty");
      // Midnight as an end is the end of the day, not its start.
      assertThat(hours("22:00", "00:00").wallClockLength()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void rejectsSubSecondBoundaries() {
      Seq<Violation> violations = violationsOf(BusinessCalendar.builder(BERLIN)
          .workingHours(MONDAY, time("09:00:00.5"), time("17:00")));
      assertThat(violations).extracting(Violation::code, Violation::field).containsExactly(
          tuple("calendar.interval.sub_second", "schedule.MONDAY[0].start"));
      assertThat(WorkingHours.validate(time("09:00"), time("17:00:00.001")).getError())
          .extracting(Violation::code, Violation::field).containsExactly(
              tuple("calendar.interval.sub_second", "end"));
    }

    @Test
    void rejectsAnEmptySchedule() {
      Seq<Violation> violations = violationsOf(BusinessCalendar.builder(BERLIN)
          .specialDay(LocalDate.parse("2026-03-07"), hours("09:00", "12:00")));
      assertThat(violations).extracting(Violation::code, Violation::field).containsExactly(
          tuple("calendar.schedule.empty", "schedule"));
    }

    @Test
    void rejectsADateThatIsBothHolidayAndSpecialDay() {
      LocalDate day = LocalDate.parse("2026-10-01");
      Seq<Violation> violations = violationsOf(nineToFive()
          .holiday(day, "National Day")
          .specialDay(day, hours("09:00", "12:00")));
      assertThat(violations).extracting(Violation::code, Violation::field).containsExactly(
          tuple("calendar.day.conflict", "holidays.2026-10-01"));
    }

    @Test
    void rejectsDuplicateAndNamelessHolidaysAndEmptyOrDuplicateSpecialDays() {
      Seq<Violation> violations = violationsOf(nineToFive()
          .holiday(LocalDate.parse("2026-05-01"), "Labour Day")
          .holiday(LocalDate.parse("2026-05-01"), "May Day")
          .holiday(LocalDate.parse("2026-05-14"), " ")
          .specialDay(LocalDate.parse("2026-05-16"))
          .specialDay(LocalDate.parse("2026-05-23"), hours("09:00", "12:00"))
          .specialDay(LocalDate.parse("2026-05-23"), hours("13:00", "15:00")));
      assertThat(violations).extracting(Violation::code, Violation::field).containsExactly(
          tuple("calendar.holiday.duplicate", "holidays.2026-05-01"),
          tuple("calendar.holiday.name_blank", "holidays.2026-05-14"),
          tuple("calendar.special_day.empty", "specialDays.2026-05-16"),
          tuple("calendar.special_day.duplicate", "specialDays.2026-05-23"));
    }

    @Test
    void reportsEveryViolationAtOnce() {
      LocalDate day = LocalDate.parse("2026-10-01");
      Seq<Violation> violations = violationsOf(BusinessCalendar.builder(SHANGHAI)
          .workingHours(MONDAY, time("09:00"), time("12:00"))
          .workingHours(MONDAY, time("11:00"), time("13:00"))
          .workingHours(TUESDAY, time("18:00"), time("09:00:00.1"))
          .holiday(day, "National Day")
          .specialDay(day, hours("09:00", "12:00"), hours("11:30", "12:30")));
      assertThat(violations).extracting(Violation::code, Violation::field).containsExactly(
          tuple("calendar.interval.overlap", "schedule.MONDAY[1]"),
          tuple("calendar.interval.sub_second", "schedule.TUESDAY[0].end"),
          tuple("calendar.interval.empty", "schedule.TUESDAY[0].end"),
          tuple("calendar.interval.overlap", "specialDays.2026-10-01[1]"),
          tuple("calendar.day.conflict", "holidays.2026-10-01"));
      assertThat(violations.map(Violation::message)).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Test
    void namesTheNullParameter() {
      BusinessCalendar.Builder builder = nineToFive();
      assertThatThrownBy(() -> BusinessCalendar.builder(null))
          .isInstanceOf(NullPointerException.class).hasMessage("zone");
      assertThatThrownBy(() -> BusinessCalendar.twentyFourSeven(null))
          .isInstanceOf(NullPointerException.class).hasMessage("zone");
      assertThatThrownBy(() -> builder.holiday(null, "New Year"))
          .isInstanceOf(NullPointerException.class).hasMessage("date");
      assertThatThrownBy(() -> builder.holiday(LocalDate.parse("2026-01-01"), null))
          .isInstanceOf(NullPointerException.class).hasMessage("name");
      assertThatThrownBy(() -> builder.specialDay(null, hours("09:00", "12:00")))
          .isInstanceOf(NullPointerException.class).hasMessage("date");
      assertThatThrownBy(() -> builder.specialDay(LocalDate.parse("2026-01-03"), (WorkingHours) null))
          .isInstanceOf(NullPointerException.class).hasMessage("hours");
      assertThatThrownBy(() -> builder.workingHours((DayOfWeek) null, time("09:00"), time("12:00")))
          .isInstanceOf(NullPointerException.class).hasMessage("day");
      assertThatThrownBy(() -> builder.workingHours(MONDAY, null, time("12:00")))
          .isInstanceOf(NullPointerException.class).hasMessage("start");

      BusinessCalendar calendar = builder.build();
      Instant now = Instant.parse("2026-01-05T10:00:00Z");
      assertThatThrownBy(() -> calendar.addWorkingTime(null, Duration.ZERO))
          .isInstanceOf(NullPointerException.class).hasMessage("from");
      assertThatThrownBy(() -> calendar.addWorkingTime(now, null))
          .isInstanceOf(NullPointerException.class).hasMessage("amount");
      assertThatThrownBy(() -> calendar.workingTimeBetween(now, null))
          .isInstanceOf(NullPointerException.class).hasMessage("end");
      assertThatThrownBy(() -> calendar.workingIntervalsOn(null))
          .isInstanceOf(NullPointerException.class).hasMessage("date");
      assertThatThrownBy(() -> calendar.isWorkingDay(null))
          .isInstanceOf(NullPointerException.class).hasMessage("date");
      assertThatThrownBy(() -> calendar.nextWorkingInstant(null))
          .isInstanceOf(NullPointerException.class).hasMessage("instant");
    }
  }
}
