package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Measures who has how much unfinished work at an instant, from a set of activities: per assignee
 * the counts of {@link EmployeeLoad}. Answers which of some candidates is least loaded, for
 * assigning new work. A pure calculation: the caller passes the activities, the instant and the
 * zone whose calendar day counts as "today". Immutable and thread-safe.
 *
 * @param at the instant the workload is measured at
 * @param zone the zone whose day counts as today
 * @param loads one load per employee with unfinished work, sorted by employee id
 */
public record Workload(Instant at, ZoneId zone, Seq<EmployeeLoad> loads) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a load is null
   */
  public Workload {
    requireNonNull(at, "at");
    requireNonNull(zone, "zone");
    requireNonNull(loads, "loads");
    loads.forEach(load -> requireNonNull(load, "loads element"));
  }

  /**
   * Measures the workload of the activities' assignees. Only open and in-progress activities
   * count; an activity is overdue as {@link Activity#isOverdue(Instant)} says, and due today when
   * its due time falls on the date of {@code at} in {@code zone}.
   *
   * @param activities the activities, of any status
   * @param at the instant to measure at
   * @param zone the zone whose day counts as today
   * @return the workload
   * @throws NullPointerException if an argument or an activity is null
   */
  public static Workload of(Seq<Activity> activities, Instant at, ZoneId zone) {
    requireNonNull(activities, "activities");
    requireNonNull(at, "at");
    requireNonNull(zone, "zone");
    LocalDate today = at.atZone(zone).toLocalDate();
    Map<EmployeeId, EmployeeLoad> byEmployee = HashMap.empty();
    for (Activity activity : activities) {
      requireNonNull(activity, "activities element");
      if (activity.status().isActive()) {
        EmployeeId assignee = activity.assignee();
        boolean isDueToday =
            activity.due().exists(due -> due.atZone(zone).toLocalDate().equals(today));
        byEmployee = byEmployee.put(assignee, byEmployee.get(assignee)
            .getOrElse(() -> EmployeeLoad.none(assignee))
            .plus(activity, activity.isOverdue(at), isDueToday));
      }
    }
    return new Workload(at, zone,
        byEmployee.values().toList().sortBy(load -> load.employee().value()));
  }

  /**
   * Returns an employee's load, zeros if they have no unfinished work.
   *
   * @param employee the employee
   * @return the load
   * @throws NullPointerException if employee is null
   */
  public EmployeeLoad loadOf(EmployeeId employee) {
    requireNonNull(employee, "employee");
    return loads.find(load -> load.employee().equals(employee))
        .getOrElse(() -> EmployeeLoad.none(employee));
  }

  /** Returns the loads from the heaviest, the reverse of {@link EmployeeLoad#LIGHTEST_FIRST}. */
  public Seq<EmployeeLoad> busiestFirst() {
    return loads.sorted(EmployeeLoad.LIGHTEST_FIRST.reversed());
  }

  /**
   * Picks the candidate with the lightest load, as {@link EmployeeLoad#LIGHTEST_FIRST} orders
   * them: fewest unfinished activities, then fewest overdue, then fewest due today, then the
   * smallest employee id. A candidate without work has the lightest load of all.
   *
   * @param candidates who may take the work, such as a team's active members
   * @return the least loaded candidate, or empty if there are none
   * @throws NullPointerException if candidates or a candidate is null
   */
  public Option<EmployeeId> leastLoaded(Set<EmployeeId> candidates) {
    requireNonNull(candidates, "candidates");
    return candidates.map(this::loadOf).toList().sorted(EmployeeLoad.LIGHTEST_FIRST).headOption()
        .map(EmployeeLoad::employee);
  }
}
