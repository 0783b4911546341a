package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;

/**
 * States that an employee was added to a team. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param teamId the id of the team
 * @param member the new member
 */
public record TeamMemberAdded(EventStamp stamp, TeamId teamId, EmployeeId member)
    implements TeamEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TeamMemberAdded {
    requireNonNull(stamp, "stamp");
    requireNonNull(teamId, "teamId");
    requireNonNull(member, "member");
  }
}
