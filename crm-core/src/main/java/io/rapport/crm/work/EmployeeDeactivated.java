package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that an employee was deactivated: they take no new work. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param employeeId the id of the employee
 */
public record EmployeeDeactivated(EventStamp stamp, EmployeeId employeeId)
    implements EmployeeEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EmployeeDeactivated {
    requireNonNull(stamp, "stamp");
    requireNonNull(employeeId, "employeeId");
  }
}
