package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static io.rapport.crm.testkit.generators.KernelGenerators.businessCalendars;
import static io.rapport.crm.testkit.generators.KernelGenerators.durationsUpTo;
import static io.rapport.crm.testkit.generators.KernelGenerators.instantsBetween;
import static io.rapport.crm.testkit.generators.KernelGenerators.violations;
import static io.rapport.crm.testkit.generators.KernelGenerators.workingHours;

import io.rapport.crm.kernel.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Generated calendars are valid and obey the calendar laws on the reference implementation. */
class CalendarGeneratorsProperties {

  static final Gen<Instant> IN_RANGE = instantsBetween(
      Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));

  @Test
  void addThenMeasureIsIdentity() {
    qt().withExamples(300).forAll(businessCalendars(), IN_RANGE, durationsUpTo(Duration.ofDays(60)))
        .check((calendar, from, amount) ->
            calendar.workingTimeBetween(from, calendar.addWorkingTime(from, amount)).equals(amount));
  }

  @Test
  void holidaysAreNeverWorkingTime() {
    qt().withExamples(300).forAll(businessCalendars(), IN_RANGE).check((calendar, instant) -> {
      LocalDate date = instant.atZone(calendar.zone()).toLocalDate();
      return !calendar.holidays().containsKey(date) || !calendar.isWorkingTime(instant);
    });
  }

  @Test
  void nextWorkingInstantIsWorkingTime() {
    qt().withExamples(300).forAll(businessCalendars(), IN_RANGE).check((calendar, instant) -> {
      Instant next = calendar.nextWorkingInstant(instant);
      return !next.isBefore(instant) && calendar.isWorkingTime(next)
          && calendar.workingTimeBetween(instant, next).isZero();
    });
  }

  @Test
  void generatedValuesAreValid() {
    qt().forAll(workingHours()).check(hours -> hours.wallClockLength().compareTo(Duration.ZERO) > 0);
    qt().forAll(violations()).check(v -> !v.code().isBlank() && !v.field().isBlank());
    qt().withExamples(100).forAll(businessCalendars())
        .check(calendar -> !calendar.weeklySchedule().isEmpty()
            && calendar.equals(rebuilt(calendar)));
  }

  private static BusinessCalendar rebuilt(BusinessCalendar calendar) {
    BusinessCalendar.Builder builder = BusinessCalendar.builder(calendar.zone());
    calendar.weeklySchedule().forEach((day, hours) ->
        hours.forEach(h -> builder.workingHours(day, h.start(), h.end())));
    calendar.holidays().forEach(builder::holiday);
    calendar.specialDays().forEach((date, hours) ->
        builder.specialDay(date, hours.toJavaArray(io.rapport.crm.kernel.WorkingHours[]::new)));
    return builder.build();
  }
}
