package io.rapport.crm.benchmarks;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;

import io.rapport.crm.kernel.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures {@link BusinessCalendar} queries on a Shanghai office calendar: Monday to Friday
 * 09:00–12:00 and 13:00–18:00, with 20 holidays in 2026. The steady-state benchmarks run on a
 * calendar whose year indexes are already built; {@link #firstQueryBuildsTheYearIndex} measures
 * the first query on a fresh calendar, which builds the index of its year.
 *
 * <pre>
 * ./mvnw -B -ntp -pl crm-core,crm-benchmarks -am package -DskipTests
 * java -jar crm-benchmarks/target/benchmarks.jar BusinessCalendar -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class BusinessCalendarBenchmark {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static final String[] HOLIDAYS_2026 = {
      "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
      "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05",
      "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
      "2026-10-07", "2026-10-08"};

  BusinessCalendar calendar;
  Instant mondayMorning;
  Instant lateDecember;
  Instant saturday;
  Instant midYear;
  /** Close to all the working time of 2026 (1,928 hours), so the answer lands in late December. */
  Duration aboutAYear;
  Duration minusAboutAYear;
  Duration aboutTwoYears;

  static BusinessCalendar shanghaiOffice() {
    BusinessCalendar.Builder builder = BusinessCalendar.builder(SHANGHAI)
        .workingHours(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(9, 0), LocalTime.of(12, 0))
        .workingHours(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(13, 0), LocalTime.of(18, 0));
    for (String day : HOLIDAYS_2026) {
      builder.holiday(LocalDate.parse(day), "Holiday");
    }
    return builder.build();
  }

  static Instant at(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
  }

  @Setup(Level.Trial)
  public void setUp() {
    calendar = shanghaiOffice();
    mondayMorning = at("2026-01-05T09:00");
    lateDecember = at("2026-12-28T15:30");
    saturday = at("2026-03-07T11:00");
    midYear = at("2026-06-01T10:00");
    aboutAYear = Duration.ofHours(1900);
    minusAboutAYear = Duration.ofHours(-1900);
    aboutTwoYears = Duration.ofHours(2000);
    // Warm the year indexes, so the benchmarks below measure the steady state.
    calendar.workingTimeBetween(at("2025-12-01T00:00"), at("2028-02-01T00:00"));
  }

  @Benchmark
  public Instant addWorkingTimeAcrossAYear() {
    return calendar.addWorkingTime(mondayMorning, aboutAYear);
  }

  @Benchmark
  public Instant subtractWorkingTimeAcrossAYear() {
    return calendar.addWorkingTime(lateDecember, minusAboutAYear);
  }

  @Benchmark
  public Instant addWorkingTimeIntoTheNextYear() {
    return calendar.addWorkingTime(midYear, aboutTwoYears);
  }

  @Benchmark
  public Duration workingTimeBetweenAcrossAYear() {
    return calendar.workingTimeBetween(mondayMorning, lateDecember);
  }

  @Benchmark
  public Instant nextWorkingInstant() {
    return calendar.nextWorkingInstant(saturday);
  }

  /** Holds a calendar that no query has touched yet. */
  @State(Scope.Thread)
  public static class FreshCalendar {
    BusinessCalendar calendar;
    Instant mondayMorning = at("2026-01-05T09:00");

    @Setup(Level.Invocation)
    public void setUp() {
      calendar = shanghaiOffice();
    }
  }

  /** Measures the first query on a calendar: it builds the index of 2026, then answers. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Instant firstQueryBuildsTheYearIndex(FreshCalendar fresh) {
    return fresh.calendar.addWorkingTime(fresh.mondayMorning, Duration.ofHours(8));
  }
}
