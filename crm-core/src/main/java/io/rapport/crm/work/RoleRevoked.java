package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that a role was taken from an employee. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param employeeId the id of the employee
 * @param role the role
 */
public record RoleRevoked(EventStamp stamp, EmployeeId employeeId, Role role)
    implements EmployeeEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public RoleRevoked {
    requireNonNull(stamp, "stamp");
    requireNonNull(employeeId, "employeeId");
    requireNonNull(role, "role");
  }
}
