package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.KernelGenerators.businessCalendars;
import static io.rapport.crm.testkit.generators.KernelGenerators.ids;
import static io.rapport.crm.testkit.generators.KernelGenerators.instantsBetween;
import static java.util.Objects.requireNonNull;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.work.Activity;
import io.rapport.crm.work.ActivityDraft;
import io.rapport.crm.work.ActivityRejection;
import io.rapport.crm.work.ActivityStatus;
import io.rapport.crm.work.ActivityType;
import io.rapport.crm.work.Employee;
import io.rapport.crm.work.HandOff;
import io.rapport.crm.work.Note;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.rapport.crm.work.Team;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.quicktheories.core.Gen;

/**
 * Generates the work package's types for property tests: roles, notes, hand-offs, employees,
 * teams and activities. Every value is valid. Activities are not assembled field by field: each is
 * scheduled and then driven through a random script of commands (start, complete, cancel, reopen,
 * hand-offs, reschedules, watchers, notes), so statuses, hand-off chains and notes look like real
 * histories. Texts mix Latin letters, punctuation and Chinese characters.
 *
 * <p>Use them in your own laws: {@code Theories.qt().forAll(WorkGenerators.activities()).check(…)}.
 */
public final class WorkGenerators {

  private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2030-01-01T00:00:00Z");
  private static final List<Role> KNOWN_ROLES =
      List.of(Role.AGENT, Role.SALES_REP, Role.MANAGER, Role.ADMIN);

  private WorkGenerators() {}

  /** Returns the standard roles and others made of lower-case letters, digits and {@code . _ -}. */
  public static Gen<Role> roles() {
    Gen<Role> made = strings().betweenCodePoints('-', 'z').ofLengthBetween(1, Role.MAX_LENGTH)
        .map(text -> Role.of(text.replaceAll("[^a-z0-9._-]", "_")));
    return arbitrary().pick(KNOWN_ROLES.asJava()).mix(made, 50);
  }

  /** Returns every activity type. */
  public static Gen<ActivityType> activityTypes() {
    return arbitrary().enumValues(ActivityType.class);
  }

  /** Returns every priority. */
  public static Gen<Priority> priorities() {
    return arbitrary().enumValues(Priority.class);
  }

  /** Returns every activity status. */
  public static Gen<ActivityStatus> activityStatuses() {
    return arbitrary().enumValues(ActivityStatus.class);
  }

  /**
   * Returns non-blank texts without surrounding white space, of Latin letters, punctuation, line
   * breaks inside and Chinese characters.
   *
   * @param maxLength the longest text, at least 1
   * @return the generator
   * @throws IllegalArgumentException if maxLength is below 1
   */
  public static Gen<String> texts(int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("A text has at least one character: " + maxLength);
    }
    Gen<String> latin = strings().betweenCodePoints(' ', '~').ofLengthBetween(0, maxLength - 1);
    Gen<String> chinese = strings().betweenCodePoints(0x4e00, 0x9fa5).ofLengthBetween(0, 8);
    return latin.zip(chinese, integers().between(0, 2), (words, han, joint) -> {
      String text = "x" + (joint == 0 ? words : joint == 1 ? han + words : words + "\n" + han);
      String stripped = text.strip();
      return stripped.length() > maxLength ? stripped.substring(0, maxLength).strip() : stripped;
    });
  }

  /** Returns internal notes by any actor at any time between 2020 and 2030. */
  public static Gen<Note> notes() {
    return ids(ActorId.KIND).zip(instantsBetween(EARLIEST, LATEST), texts(300), Note::new);
  }

  /** Returns hand-offs between two different employees, with a note. */
  public static Gen<HandOff> handOffs() {
    return ids(EmployeeId.KIND).zip(ids(EmployeeId.KIND), instantsBetween(EARLIEST, LATEST),
        ids(ActorId.KIND), texts(300), (from, to, at, by, note) -> new HandOff(from,
            to.equals(from) ? EmployeeId.parse(from.value().length() < 64 ? from.value() + "x"
                : "x") : to, at, by, note));
  }

  /**
   * Returns employees, active or not, in up to three teams with up to four roles and sometimes a
   * manager.
   */
  public static Gen<Employee> employees() {
    Gen<Option<EmployeeId>> managers =
        ids(EmployeeId.KIND).map(Option::some).mix(arbitrary().constant(Option.none()), 30);
    return ids(EmployeeId.KIND).zip(texts(Employee.MAX_NAME), booleans().all(),
        lists().of(ids(TeamId.KIND)).ofSizeBetween(0, 3)
            .zip(lists().of(roles()).ofSizeBetween(0, 4), Tuple::of),
        managers, (id, name, active, teamsAndRoles, manager) -> new Employee(id, name, active,
            HashSet.ofAll(teamsAndRoles._1), HashSet.ofAll(teamsAndRoles._2),
            manager.filter(boss -> !boss.equals(id))));
  }

  /** Returns teams with a business calendar, up to five members and sometimes a lead. */
  public static Gen<Team> teams() {
    return ids(TeamId.KIND).zip(texts(Team.MAX_NAME), businessCalendars(),
        lists().of(ids(EmployeeId.KIND)).ofSizeBetween(0, 5), booleans().all(),
        (id, name, calendar, members, led) -> {
          Set<EmployeeId> set = HashSet.ofAll(members);
          Option<EmployeeId> lead = led ? set.toSortedSet(
              java.util.Comparator.comparing(EmployeeId::value)).headOption() : Option.none();
          return new Team(id, name, lead, calendar, set);
        });
  }

  /**
   * Returns activities of every type, status and priority: each scheduled between 2020 and 2030,
   * then put through up to 40 random commands a few minutes to hours apart, of which the accepted
   * ones make its history of hand-offs, notes, watchers and status changes.
   */
  public static Gen<Activity> activities() {
    Gen<List<EmployeeId>> people = lists().of(ids(EmployeeId.KIND)).ofSizeBetween(2, 4)
        .map(found -> List.ofAll(found).distinct())
        .map(found -> found.size() > 1 ? found : found.append(EmployeeId.parse(
            found.head().value().equals("E-2") ? "E-3" : "E-2")));
    Gen<List<Integer>> scripts = lists().of(integers().between(0, Integer.MAX_VALUE))
        .ofSizeBetween(1, 40).map(found -> List.ofAll(found));
    Gen<Tuple2<ActivityId, CustomerId>> ids =
        ids(ActivityId.KIND).zip(ids(CustomerId.KIND), Tuple::of);
    Gen<List<String>> texts = lists().of(texts(200)).ofSizeBetween(1, 4)
        .map(found -> List.ofAll(found));
    return ids.zip(people, texts, instantsBetween(EARLIEST, LATEST), scripts,
        (idPair, pool, words, at, script) -> play(idPair._1, idPair._2, pool, words, at, script));
  }

  private static Activity play(ActivityId id, CustomerId customer, List<EmployeeId> people,
      List<String> words, Instant at, List<Integer> script) {
    int seed = script.head();
    ActivityType type = ActivityType.values()[seed % ActivityType.values().length];
    RecordRef related = List.of(RecordRef.to(customer),
        RecordRef.to(OpportunityId.parse(customer.value())),
        RecordRef.to(TicketId.parse(customer.value()))).get((seed / 4) % 3);
    ActivityDraft draft = ActivityDraft.of(type, words.head(), people.head())
        .withPriority(Priority.values()[(seed / 12) % 4])
        .withDue(type.requiresDue() || seed % 2 == 0
            ? at.plus(Duration.ofMinutes((seed / 48) % 10_000)) : null)
        .withDescription((seed / 7) % 3 == 0 ? null : words.last())
        .withRelated((seed / 5) % 4 == 0 ? null : related)
        .withTeam((seed / 3) % 2 == 0 ? null : TeamId.parse("T-" + (seed % 10)));
    ActorId actor = ActorId.parse("employee:" + people.head().value()
        .substring(0, Math.min(people.head().value().length(), 50)));
    Activity activity = Activity.schedule(id, draft, EventStamp.of(EventId.parse("ev-0"), at,
        actor)).get().state();
    Instant clock = at;
    int step = 0;
    for (int code : script.tail()) {
      clock = clock.plus(Duration.ofMinutes((code % 11) * 37L));
      EventStamp stamp = EventStamp.of(EventId.parse("ev-" + ++step), clock, actor);
      Either<ActivityRejection, Transition<Activity>> result =
          command(activity, code, stamp, people, words);
      if (result.isRight()) {
        activity = result.get().state();
      }
    }
    return activity;
  }

  private static Either<ActivityRejection, Transition<Activity>> command(Activity activity,
      int code, EventStamp stamp, List<EmployeeId> people, List<String> words) {
    EmployeeId someone = people.get((code / 13) % people.size());
    String text = words.get((code / 97) % words.size());
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
        return activity.reschedule((code / 7) % 5 == 0 ? Option.none()
            : Option.of(stamp.at().plus(Duration.ofHours((code / 7) % 100))), stamp);
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

  /**
   * Returns activities of one status, for laws about a part of the life cycle: generated as by
   * {@link #activities()}, then moved to the status by the commands the status table allows
   * (reopening or cancelling on the way where it must).
   *
   * @param status the status wanted
   * @return the generator
   * @throws NullPointerException if status is null
   */
  public static Gen<Activity> activities(ActivityStatus status) {
    requireNonNull(status, "status");
    return activities().map(activity -> moveTo(activity, status));
  }

  private static Activity moveTo(Activity activity, ActivityStatus target) {
    Activity current = activity;
    for (int step = 1; current.status() != target; step++) {
      EventStamp stamp = EventStamp.of(EventId.parse("ev-move-" + step),
          current.updatedAt().plusSeconds(60), current.createdBy());
      ActivityStatus from = current.status();
      Either<ActivityRejection, Transition<Activity>> result =
          !from.mayMoveTo(target) ? (from.isClosed() ? current.reopen(stamp)
              : current.cancel("Moved on", stamp))
          : target == ActivityStatus.IN_PROGRESS ? current.start(stamp)
          : target == ActivityStatus.DONE ? current.complete(stamp)
          : target == ActivityStatus.CANCELLED ? current.cancel("Moved on", stamp)
          : current.reopen(stamp);
      current = result.get().state();
    }
    return current;
  }
}
