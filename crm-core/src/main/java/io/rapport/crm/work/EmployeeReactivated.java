package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that a deactivated employee was made active again. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param employeeId the id of the employee
 */
public record EmployeeReactivated(EventStamp stamp, EmployeeId employeeId)
    implements EmployeeEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EmployeeReactivated {
    requireNonNull(stamp, "stamp");
    requireNonNull(employeeId, "employeeId");
  }
}
