package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.rapport.crm.work.Activity;
import io.rapport.crm.work.ActivityDraft;
import io.rapport.crm.work.ActivityType;
import io.rapport.crm.work.Priority;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of activity storage every adapter must keep: the generic repository contract for
 * activities, an employee's open work soonest due first, open activities due before an instant
 * (overdue), and the activities of a record, all staying right as activities are completed,
 * reassigned or rescheduled. An adapter runs it by implementing {@link #newStore()} in a test class
 * named {@code …Contract…}.
 */
public interface ActivityRepositoryContract extends RepositoryContract<ActivityId, Activity> {

  /** The first due time of the contract's activities. */
  Instant T0 = Instant.parse("2026-02-02T09:00:00Z");

  /** Returns a stamp with a fresh id, at an instant. */
  static EventStamp stampAt(Instant at) {
    return EventStamp.of(EventId.parse("act-" + Sequence.NEXT.incrementAndGet()), at,
        ActorId.parse("tck"));
  }

  /** Numbers the contract's events. */
  final class Sequence {
    static final AtomicInteger NEXT = new AtomicInteger();

    private Sequence() {}
  }

  @Override
  default Repository<ActivityId, Activity> repositoryOf(CrmStore store) {
    return ActivityRepository.in(store);
  }

  @Override
  default Activity anAggregate(int n) {
    return Activity.schedule(ActivityId.parse(String.format("A-%06d", n)),
        ActivityDraft.of(ActivityType.FOLLOW_UP, "Call back " + n, EmployeeId.parse("E-" + (n % 3)))
            .withDue(T0.plus(Duration.ofHours(n)))
            .withRelated(RecordRef.to(CustomerId.parse("C-" + (n % 4)))),
        stampAt(T0.minus(Duration.ofDays(1)))).get().state();
  }

  @Override
  default Activity changed(Activity activity) {
    Priority next = activity.priority() == Priority.HIGH ? Priority.URGENT : Priority.HIGH;
    return activity.changePriority(next, stampAt(activity.updatedAt().plusSeconds(1))).get().state();
  }

  @Test
  default void findsOpenWorkByAssigneeSoonestFirstAndDropsClosedWork() {
    try (CrmStore store = newStore()) {
      ActivityRepository activities = ActivityRepository.in(store);
      for (int n = 30; n >= 1; n--) {
        activities.save(anAggregate(n), Version.NEW);
      }
      activities.update(ActivityId.parse("A-000003"), a -> a.complete(stampAt(T0)));
      var open = activities.openFor(EmployeeId.parse("E-0"), Option.none(), 100).items()
          .map(v -> v.value());
      assertThat(open.map(a -> a.id().value())).doesNotContain("A-000003").hasSize(9);
      assertThat(open.map(a -> a.due().get()).toJavaList()).isSorted();
      activities.update(ActivityId.parse("A-000006"),
          a -> a.reassign(EmployeeId.parse("E-1"), "on leave", stampAt(T0)));
      assertThat(activities.openFor(EmployeeId.parse("E-0"), Option.none(), 100).items())
          .hasSize(8);
      assertThat(activities.openFor(EmployeeId.parse("E-1"), Option.none(), 100).items())
          .hasSize(11);
    }
  }

  @Test
  default void listsOverdueActivitiesMostOverdueFirst() {
    try (CrmStore store = newStore()) {
      ActivityRepository activities = ActivityRepository.in(store);
      for (int n = 1; n <= 20; n++) {
        activities.save(anAggregate(n), Version.NEW);
      }
      activities.update(ActivityId.parse("A-000002"), a -> a.cancel("duplicate", stampAt(T0)));
      activities.update(ActivityId.parse("A-000004"),
          a -> a.reschedule(Option.of(T0.plus(Duration.ofDays(9))), stampAt(T0)));
      var overdue = activities.dueBefore(T0.plus(Duration.ofHours(6)), Option.none(), 2);
      assertThat(overdue.items().map(v -> v.value().id().value())).containsExactly("A-000001",
          "A-000003");
      var rest = activities.dueBefore(T0.plus(Duration.ofHours(6)), overdue.next(), 10);
      assertThat(rest.items().map(v -> v.value().id().value())).containsExactly("A-000005");
      assertThat(rest.next().isEmpty()).isTrue();
    }
  }

  @Test
  default void findsTheActivitiesOfARecord() {
    try (CrmStore store = newStore()) {
      ActivityRepository activities = ActivityRepository.in(store);
      for (int n = 1; n <= 12; n++) {
        activities.save(anAggregate(n), Version.NEW);
      }
      assertThat(activities.relatedTo(RecordRef.to(CustomerId.parse("C-1")), Option.none(), 100)
          .items().map(v -> v.value().id().value()))
          .containsExactly("A-000001", "A-000005", "A-000009");
    }
  }
}
