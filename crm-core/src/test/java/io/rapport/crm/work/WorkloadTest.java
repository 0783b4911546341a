package io.rapport.crm.work;

import static io.rapport.crm.work.Fixtures.LI;
import static io.rapport.crm.work.Fixtures.SHANGHAI;
import static io.rapport.crm.work.Fixtures.WANG;
import static io.rapport.crm.work.Fixtures.ZHAO;
import static io.rapport.crm.work.Fixtures.at;
import static io.rapport.crm.work.Fixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EmployeeId;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  static final Instant CREATED = at("2026-11-23T08:00");
  static final Instant NOW = at("2026-11-23T14:00");
  static final AtomicInteger IDS = new AtomicInteger();

  static Activity activity(EmployeeId assignee, Instant due, Priority priority) {
    return Activity.schedule(ActivityId.parse("A-" + IDS.incrementAndGet()),
        ActivityDraft.of(ActivityType.CALL, "call", assignee).withDue(due).withPriority(priority),
        stamp(CREATED)).get().state();
  }

  static final List<Activity> ACTIVITIES = List.of(
      activity(LI, at("2026-11-23T10:00"), Priority.HIGH),                // overdue, due today
      activity(LI, at("2026-11-23T18:00"), Priority.NORMAL),              // due today
      activity(LI, at("2026-11-25T10:00"), Priority.URGENT)
          .start(stamp(at("2026-11-23T09:00"))).get().state(),            // in progress
      activity(LI, at("2026-11-24T10:00"), Priority.LOW)
          .complete(stamp(at("2026-11-23T09:00"))).get().state(),         // done: not counted
      activity(WANG, at("2026-11-24T00:30"), Priority.NORMAL),            // tomorrow in Shanghai
      activity(WANG, at("2026-11-23T12:00"), Priority.NORMAL)
          .cancel("duplicate", stamp(at("2026-11-23T09:00"))).get().state());

  @Test
  void countsEachEmployeesUnfinishedWork() {
    Workload workload = Workload.of(ACTIVITIES, NOW, SHANGHAI);
    EmployeeLoad li = workload.loadOf(LI);
    assertThat(List.of(li.open(), li.inProgress(), li.active(), li.overdue(), li.dueToday()))
        .containsExactly(2, 1, 3, 1, 2);
    assertThat(li.withPriority(Priority.HIGH)).isEqualTo(1);
    assertThat(li.withPriority(Priority.URGENT)).isEqualTo(1);
    assertThat(li.withPriority(Priority.LOW)).isZero();
    EmployeeLoad wang = workload.loadOf(WANG);
    assertThat(List.of(wang.open(), wang.inProgress(), wang.overdue(), wang.dueToday()))
        .containsExactly(1, 0, 0, 0);
    assertThat(workload.loads()).extracting(EmployeeLoad::employee).containsExactly(LI, WANG);
    assertThat(workload.busiestFirst()).extracting(EmployeeLoad::employee)
        .containsExactly(LI, WANG);
    assertThat(workload.loadOf(ZHAO)).isEqualTo(EmployeeLoad.none(ZHAO));
  }

  @Test
  void judgesTodayInTheGivenZone() {
    // 2026-11-24T00:30 in Shanghai is still 2026-11-23 in UTC.
    assertThat(Workload.of(ACTIVITIES, NOW, ZoneOffset.UTC).loadOf(WANG).dueToday()).isEqualTo(1);
  }

  @Test
  void picksTheLeastLoadedCandidateBreakingTiesByEmployeeId() {
    Workload workload = Workload.of(ACTIVITIES, NOW, SHANGHAI);
    assertThat(workload.leastLoaded(HashSet.of(LI, WANG))).isEqualTo(Option.of(WANG));
    assertThat(workload.leastLoaded(HashSet.of(LI, WANG, ZHAO))).isEqualTo(Option.of(ZHAO));
    assertThat(workload.leastLoaded(HashSet.empty())).isEmpty();
    EmployeeId aaa = EmployeeId.parse("E-aaa");
    assertThat(workload.leastLoaded(HashSet.of(ZHAO, aaa))).isEqualTo(Option.of(aaa));
    Workload tied = Workload.of(List.of(activity(ZHAO, at("2026-11-26T10:00"), Priority.LOW),
        activity(aaa, at("2026-11-26T10:00"), Priority.LOW)), NOW, SHANGHAI);
    assertThat(tied.leastLoaded(HashSet.of(ZHAO, aaa))).isEqualTo(Option.of(aaa));
  }

  @Test
  void prefersFewerOverdueWhenTheCountsAreEqual() {
    Workload workload = Workload.of(List.of(
        activity(LI, at("2026-11-23T10:00"), Priority.LOW),
        activity(ZHAO, at("2026-11-26T10:00"), Priority.LOW)), NOW, SHANGHAI);
    assertThat(workload.leastLoaded(HashSet.of(LI, ZHAO))).isEqualTo(Option.of(ZHAO));
  }
}
