package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import java.util.Comparator;

/**
 * Counts one employee's unfinished activities at an instant: how many are open, in progress,
 * overdue and due today, and how many of each priority. Done and cancelled activities do not
 * count. Immutable and thread-safe.
 *
 * @param employee the employee
 * @param open how many are open
 * @param inProgress how many are in progress
 * @param overdue how many of those are overdue
 * @param dueToday how many of those are due on the day of the instant, in the workload's zone
 * @param byPriority how many of those have each priority; every priority is present
 */
public record EmployeeLoad(EmployeeId employee, int open, int inProgress, int overdue,
    int dueToday, SortedMap<Priority, Integer> byPriority) {

  /**
   * Orders loads from the lightest: fewer unfinished activities, then fewer overdue, then fewer
   * due today, then by employee id.
   */
  public static final Comparator<EmployeeLoad> LIGHTEST_FIRST =
      Comparator.comparingInt(EmployeeLoad::active)
          .thenComparingInt(EmployeeLoad::overdue)
          .thenComparingInt(EmployeeLoad::dueToday)
          .thenComparing(load -> load.employee().value());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a count is negative, overdue or due today exceed the
   *     unfinished activities, or the priority counts miss a priority or do not add up to them
   */
  public EmployeeLoad {
    requireNonNull(employee, "employee");
    requireNonNull(byPriority, "byPriority");
    if (open < 0 || inProgress < 0 || overdue < 0 || dueToday < 0) {
      throw new IllegalArgumentException("Counts are not negative: " + open + ", " + inProgress
          + ", " + overdue + ", " + dueToday);
    }
    int active = open + inProgress;
    if (overdue > active || dueToday > active) {
      throw new IllegalArgumentException("Overdue and due today count unfinished activities, "
          + "of which there are " + active);
    }
    if (byPriority.size() != Priority.values().length
        || byPriority.values().sum().intValue() != active) {
      throw new IllegalArgumentException("The priority counts cover every priority and add up to "
          + active + ": " + byPriority);
    }
  }

  /**
   * Returns the load of an employee with nothing to do.
   *
   * @param employee the employee
   * @return a load of zeros
   * @throws NullPointerException if employee is null
   */
  public static EmployeeLoad none(EmployeeId employee) {
    return new EmployeeLoad(employee, 0, 0, 0, 0, noPriorities());
  }

  /** Returns the unfinished activities: open plus in progress. */
  public int active() {
    return open + inProgress;
  }

  /**
   * Returns how many unfinished activities have a priority.
   *
   * @param priority the priority
   * @return the count
   * @throws NullPointerException if priority is null
   */
  public int withPriority(Priority priority) {
    return byPriority.get(requireNonNull(priority, "priority")).getOrElse(0);
  }

  /** Returns this load with one more unfinished activity counted. */
  EmployeeLoad plus(Activity activity, boolean isOverdue, boolean isDueToday) {
    boolean started = activity.status() == ActivityStatus.IN_PROGRESS;
    return new EmployeeLoad(employee, open + (started ? 0 : 1), inProgress + (started ? 1 : 0),
        overdue + (isOverdue ? 1 : 0), dueToday + (isDueToday ? 1 : 0),
        byPriority.put(activity.priority(), withPriority(activity.priority()) + 1));
  }

  private static SortedMap<Priority, Integer> noPriorities() {
    SortedMap<Priority, Integer> counts = TreeMap.empty();
    for (Priority priority : Priority.values()) {
      counts = counts.put(priority, 0);
    }
    return counts;
  }
}
