package io.rapport.crm.work;

import static io.rapport.crm.work.Fixtures.LI;
import static io.rapport.crm.work.Fixtures.MONDAY_9;
import static io.rapport.crm.work.Fixtures.SHANGHAI;
import static io.rapport.crm.work.Fixtures.WANG;
import static io.rapport.crm.work.Fixtures.ZHAO;
import static io.rapport.crm.work.PropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws that hold whatever commands an activity receives, in whatever order. */
class ActivityProperties {

  static final List<EmployeeId> PEOPLE = List.of(LI, WANG, ZHAO);
  static final List<String> TEXTS = List.of("  ", "Customer prefers mornings", "");

  /** Each number picks a command, its arguments and how far the clock moves (possibly back). */
  static final Gen<java.util.List<Integer>> SCRIPTS =
      lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60);

  static Activity start(ActivityType type) {
    return Activity.schedule(ActivityId.parse("A-1"),
        ActivityDraft.of(type, "Call back", LI).withDue(MONDAY_9.plus(Duration.ofHours(4))),
        EventStamp.of(EventId.parse("ev-0"), MONDAY_9, ActorId.parse("system"))).get().state();
  }

  /** Applies the command a number encodes. */
  static Either<ActivityRejection, Transition<Activity>> apply(Activity activity, int code,
      EventStamp stamp) {
    EmployeeId someone = PEOPLE.get((code / 13) % PEOPLE.size());
    String text = TEXTS.get((code / 39) % TEXTS.size());
    Instant due = activity.createdAt().plus(Duration.ofHours(((code / 117) % 48) - 4));
    switch (code % 13) {
      case 0:
        return activity.start(stamp);
      case 1:
        return activity.complete(stamp);
      case 2:
        return activity.cancel(text, stamp);
      case 3:
        return activity.reopen(stamp);
      case 4:
      case 5:
        return activity.reassign(someone, text, stamp);
      case 6:
        return activity.reschedule(code % 2 == 0 ? Option.none() : Option.of(due), stamp);
      case 7:
        return activity.changePriority(Priority.values()[(code / 13) % 4], stamp);
      case 8:
        return activity.watch(someone, stamp);
      case 9:
        return activity.unwatch(someone, stamp);
      default:
        return activity.addNote(text, stamp);
    }
  }

  static EmployeeId firstAssignee(Activity activity) {
    return activity.handOffs().headOption().map(HandOff::from).getOrElse(activity.assignee());
  }

  @Test
  void everySequenceOfCommandsKeepsTheInvariants() {
    qt().forAll(SCRIPTS, integers().between(0, 1)).checkAssert((script, typeIndex) -> {
      Activity activity = start(typeIndex == 0 ? ActivityType.TASK : ActivityType.CALL);
      Instant clock = activity.createdAt();
      int step = 0;
      for (int code : script) {
        clock = clock.plus(Duration.ofMinutes((code % 7) * 30L - 30));
        EventStamp stamp = EventStamp.of(EventId.parse("ev-" + ++step), clock,
            ActorId.parse("employee:" + PEOPLE.get(code % 3)));
        Either<ActivityRejection, Transition<Activity>> result = apply(activity, code, stamp);
        if (result.isLeft()) {
          ActivityRejection refusal = result.getLeft();
          assertThat(refusal.status()).isEqualTo(activity.status());
          assertThat(refusal.allowed()).isEqualTo(activity.status().allowedNext());
          assertThat(refusal.lastChangedAt()).isEqualTo(activity.updatedAt());
          continue;
        }
        Activity next = result.get().state();
        Seq<?> events = result.get().events();
        assertThat(events).hasSize(1);
        ActivityEvent event = (ActivityEvent) events.head();
        assertThat(event.aggregateId()).isEqualTo(activity.id());
        assertThat(event.stamp()).isEqualTo(stamp);
        assertThat(stamp.at()).isAfterOrEqualTo(activity.updatedAt());
        assertThat(next.updatedAt()).isEqualTo(stamp.at());
        if (next.status() != activity.status()) {
          assertThat(activity.status().mayMoveTo(next.status()))
              .as("%s -> %s", activity.status(), next.status()).isTrue();
        }
        activity = next;
        assertInvariants(activity);
      }
    });
  }

  static void assertInvariants(Activity activity) {
    assertThat(activity.completedAt().isDefined())
        .isEqualTo(activity.status() == ActivityStatus.DONE);
    assertThat(activity.cancellationReason().isDefined())
        .isEqualTo(activity.status() == ActivityStatus.CANCELLED);
    Seq<HandOff> handOffs = activity.handOffs();
    for (int i = 1; i < handOffs.size(); i++) {
      assertThat(handOffs.get(i).from()).isEqualTo(handOffs.get(i - 1).to());
      assertThat(handOffs.get(i).at()).isAfterOrEqualTo(handOffs.get(i - 1).at());
    }
    handOffs.lastOption().forEach(last -> assertThat(last.to()).isEqualTo(activity.assignee()));
    assertThat(activity.assigneeAt(activity.updatedAt())).contains(activity.assignee());
    assertThat(activity.assigneeAt(activity.createdAt().minusNanos(1))).isEmpty();
    for (int i = 0; i < handOffs.size(); i++) {
      HandOff handOff = handOffs.get(i);
      boolean lastAtItsInstant = i == handOffs.size() - 1
          || handOffs.get(i + 1).at().isAfter(handOff.at());
      if (lastAtItsInstant) {
        assertThat(activity.assigneeAt(handOff.at())).contains(handOff.to());
      }
    }
    if (handOffs.isEmpty() || handOffs.head().at().isAfter(activity.createdAt())) {
      assertThat(activity.assigneeAt(activity.createdAt())).contains(firstAssignee(activity));
    }
    assertThat(!activity.type().requiresDue() || activity.due().isDefined()).isTrue();
    assertThat(new Activity(activity.id(), activity.type(), activity.subject(),
        activity.description(), activity.due(), activity.assignee(), activity.team(),
        activity.status(), activity.priority(), activity.related(), activity.createdAt(),
        activity.createdBy(), activity.updatedAt(), activity.watchers(), activity.notes(),
        activity.handOffs(), activity.completedAt(), activity.cancellationReason()))
        .isEqualTo(activity);
  }

  @Test
  void theLeastLoadedCandidateHasNoHeavierLoadThanAnyOther() {
    qt().forAll(SCRIPTS, integers().between(0, 500)).checkAssert((codes, hoursLater) -> {
      List<Activity> activities = List.ofAll(codes).zipWithIndex().map(pair -> {
        int code = pair._1;
        Activity activity = Activity.schedule(ActivityId.parse("A-" + pair._2),
            ActivityDraft.of(ActivityType.CALL, "call", PEOPLE.get(code % 3))
                .withDue(MONDAY_9.plus(Duration.ofHours(code % 200)))
                .withPriority(Priority.values()[(code / 3) % 4]),
            EventStamp.of(EventId.parse("ev-" + pair._2), MONDAY_9, ActorId.parse("system")))
            .get().state();
        EventStamp later = EventStamp.of(EventId.parse("ev-x" + pair._2),
            MONDAY_9.plus(Duration.ofHours(1)), ActorId.parse("system"));
        switch ((code / 12) % 4) {
          case 0:
            return activity.start(later).get().state();
          case 1:
            return activity.complete(later).get().state();
          default:
            return activity;
        }
      });
      Instant at = MONDAY_9.plus(Duration.ofHours(hoursLater));
      Workload workload = Workload.of(activities, at, SHANGHAI);
      assertThat(workload.loads().map(EmployeeLoad::active).sum().intValue())
          .isEqualTo(activities.count(a -> a.status().isActive()));
      assertThat(workload.loads().map(EmployeeLoad::overdue).sum().intValue())
          .isEqualTo(activities.count(a -> a.isOverdue(at)));
      EmployeeId least = workload.leastLoaded(HashSet.ofAll(PEOPLE)).get();
      for (EmployeeId other : PEOPLE) {
        assertThat(EmployeeLoad.LIGHTEST_FIRST.compare(workload.loadOf(least),
            workload.loadOf(other))).isLessThanOrEqualTo(0);
      }
    });
  }
}
