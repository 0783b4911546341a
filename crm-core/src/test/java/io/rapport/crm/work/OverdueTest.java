package io.rapport.crm.work;

import static io.rapport.crm.work.Fixtures.LI;
import static io.rapport.crm.work.Fixtures.NINE_TO_FIVE;
import static io.rapport.crm.work.Fixtures.at;
import static io.rapport.crm.work.Fixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.BusinessCalendar;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverdueTest {

  static Activity followUpDue(Instant due, Instant scheduledAt) {
    return Activity.schedule(ActivityId.parse("A-7"),
        ActivityDraft.of(ActivityType.FOLLOW_UP, "Confirm the delivery date", LI).withDue(due),
        stamp(scheduledAt)).get().state();
  }

  @Test
  void countsOnlyWorkingTimeAcrossAWeekend() {
    Instant fridayFive = at("2026-11-20T17:00");
    Activity followUp = followUpDue(fridayFive, at("2026-11-20T10:00"));
    Instant mondayTen = at("2026-11-23T10:00");
    assertThat(followUp.isOverdue(mondayTen)).isTrue();
    assertThat(followUp.overdueBy(mondayTen, NINE_TO_FIVE)).isEqualTo(Option.of(Duration.ofHours(1)));
    assertThat(followUp.overdueBy(mondayTen, BusinessCalendar.twentyFourSeven(Fixtures.SHANGHAI)))
        .isEqualTo(Option.of(Duration.ofHours(65)));
  }

  @Test
  void skipsAHoliday() {
    Instant wednesdayFour = at("2026-09-30T16:00");
    Activity followUp = followUpDue(wednesdayFour, at("2026-09-30T09:00"));
    // Wednesday 16:00-17:00, National Day closed, Friday 09:00-10:00.
    assertThat(followUp.overdueBy(at("2026-10-02T10:00"), NINE_TO_FIVE))
        .isEqualTo(Option.of(Duration.ofHours(2)));
  }

  @Test
  void isOverdueByZeroWhenTheLatenessFallsOutsideWorkingHours() {
    Activity followUp = followUpDue(at("2026-11-20T17:00"), at("2026-11-20T10:00"));
    assertThat(followUp.isOverdue(at("2026-11-21T12:00"))).isTrue();
    assertThat(followUp.overdueBy(at("2026-11-21T12:00"), NINE_TO_FIVE))
        .isEqualTo(Option.of(Duration.ZERO));
  }

  @Test
  void isNotOverdueAtOrBeforeItsDueTimeNorWhenClosed() {
    Instant due = at("2026-11-20T17:00");
    Activity followUp = followUpDue(due, at("2026-11-20T10:00"));
    assertThat(followUp.isOverdue(due)).isFalse();
    assertThat(followUp.overdueBy(due, NINE_TO_FIVE)).isEmpty();
    assertThat(followUp.isOverdue(due.plusNanos(1))).isTrue();
    Activity done = followUp.complete(stamp(at("2026-11-23T10:00"))).get().state();
    assertThat(done.isOverdue(at("2026-11-24T10:00"))).isFalse();
    assertThat(done.overdueBy(at("2026-11-24T10:00"), NINE_TO_FIVE)).isEmpty();
    Activity started = followUp.start(stamp(at("2026-11-20T11:00"))).get().state();
    assertThat(started.isOverdue(at("2026-11-24T10:00"))).isTrue();
  }

  @Test
  void computesADueTimeFromWorkingTime() {
    assertThat(Activity.dueIn(Duration.ofHours(4), at("2026-11-20T16:00"), NINE_TO_FIVE))
        .isEqualTo(at("2026-11-23T12:00"));
    assertThat(Activity.dueIn(Duration.ofHours(2), at("2026-09-30T16:00"), NINE_TO_FIVE))
        .isEqualTo(at("2026-10-02T10:00"));
    assertThat(Activity.dueIn(Duration.ZERO, at("2026-11-21T08:00"), NINE_TO_FIVE))
        .isEqualTo(at("2026-11-21T08:00"));
    assertThatThrownBy(() -> Activity.dueIn(Duration.ofHours(-1), at("2026-11-20T16:00"),
        NINE_TO_FIVE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }

  @Test
  void aDueTimeFromWorkingTimeIsOverdueByExactlyTheWorkingTimeElapsedSince() {
    Instant scheduled = at("2026-11-20T16:00");
    Instant due = Activity.dueIn(Duration.ofHours(4), scheduled, NINE_TO_FIVE);
    Activity followUp = followUpDue(due, scheduled);
    assertThat(followUp.overdueBy(at("2026-11-24T09:30"), NINE_TO_FIVE))
        .isEqualTo(Option.of(Duration.ofMinutes(5 * 60 + 30)));
  }
}
