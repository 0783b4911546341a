package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.vavr.control.Option;

/**
 * States that an employee's manager changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param employeeId the id of the employee
 * @param from the manager before, if any
 * @param to the manager after, if any
 */
public record EmployeeManagerChanged(EventStamp stamp, EmployeeId employeeId,
    Option<EmployeeId> from, Option<EmployeeId> to) implements EmployeeEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EmployeeManagerChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(employeeId, "employeeId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
