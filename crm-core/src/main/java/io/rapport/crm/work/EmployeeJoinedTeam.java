package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;

/**
 * States that an employee joined a team. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param employeeId the id of the employee
 * @param team the team
 */
public record EmployeeJoinedTeam(EventStamp stamp, EmployeeId employeeId, TeamId team)
    implements EmployeeEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EmployeeJoinedTeam {
    requireNonNull(stamp, "stamp");
    requireNonNull(employeeId, "employeeId");
    requireNonNull(team, "team");
  }
}
