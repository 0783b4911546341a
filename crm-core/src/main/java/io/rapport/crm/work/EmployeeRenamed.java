package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that an employee's display name changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param employeeId the id of the employee
 * @param from the name before
 * @param to the name after
 */
public record EmployeeRenamed(EventStamp stamp, EmployeeId employeeId, String from, String to)
    implements EmployeeEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EmployeeRenamed {
    requireNonNull(stamp, "stamp");
    requireNonNull(employeeId, "employeeId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
