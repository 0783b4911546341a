package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * States that an employee was registered. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param employeeId the id of the employee
 * @param displayName the name shown to colleagues
 * @param teams the teams joined
 * @param roles the roles granted
 * @param manager the manager, if any
 */
public record EmployeeRegistered(EventStamp stamp, EmployeeId employeeId, String displayName,
    Set<TeamId> teams, Set<Role> roles, Option<EmployeeId> manager) implements EmployeeEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EmployeeRegistered {
    requireNonNull(stamp, "stamp");
    requireNonNull(employeeId, "employeeId");
    requireNonNull(displayName, "displayName");
    requireNonNull(teams, "teams");
    requireNonNull(roles, "roles");
    requireNonNull(manager, "manager");
  }
}
