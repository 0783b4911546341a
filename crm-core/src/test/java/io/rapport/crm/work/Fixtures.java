package io.rapport.crm.work;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

/** Shared people, times and calendars of the work tests. */
final class Fixtures {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final EmployeeId LI = EmployeeId.parse("E-li");
  static final EmployeeId WANG = EmployeeId.parse("E-wang");
  static final EmployeeId ZHAO = EmployeeId.parse("E-zhao");
  static final ActorId MANAGER = ActorId.parse("employee:E-chen");
  static final CustomerId CUSTOMER = CustomerId.parse("C-1001");
  static final RecordRef ABOUT_CUSTOMER = RecordRef.to(CUSTOMER);
  static final ActivityId CALL_ID = ActivityId.parse("A-1");

  /** Monday 2026-11-23 09:00 in Shanghai. */
  static final Instant MONDAY_9 = at("2026-11-23T09:00");

  /** Monday to Friday, 09:00 to 17:00 in Shanghai, closed on National Day 2026-10-01. */
  static final BusinessCalendar NINE_TO_FIVE = BusinessCalendar.builder(SHANGHAI)
      .workingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
          LocalTime.of(17, 0))
      .holiday(LocalDate.parse("2026-10-01"), "National Day")
      .build();

  private static final AtomicLong EVENTS = new AtomicLong();

  private Fixtures() {}

  /** Returns the instant of a local date-time in Shanghai. */
  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  static Instant hours(int n) {
    return MONDAY_9.plus(Duration.ofHours(n));
  }

  /** Returns a stamp by the manager at an instant, with a fresh event id. */
  static EventStamp stamp(Instant at) {
    return stamp(at, MANAGER);
  }

  static EventStamp stamp(Instant at, ActorId by) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()), at, by);
  }

  /** Returns a call for Li, about a customer, due two hours after Monday 09:00. */
  static ActivityDraft aCall() {
    return ActivityDraft.of(ActivityType.CALL, "Call back about the rosewood tea table", LI)
        .withDue(hours(2))
        .withRelated(ABOUT_CUSTOMER);
  }

  /** Schedules {@link #aCall()} at Monday 09:00. */
  static Activity aScheduledCall() {
    return Activity.schedule(CALL_ID, aCall(), stamp(MONDAY_9)).get().state();
  }
}
