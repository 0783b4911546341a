package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;
import io.vavr.control.Option;

/**
 * States that a team's lead changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param teamId the id of the team
 * @param from the lead before, if any
 * @param to the lead after, if any
 */
public record TeamLeadChanged(EventStamp stamp, TeamId teamId, Option<EmployeeId> from,
    Option<EmployeeId> to) implements TeamEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TeamLeadChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(teamId, "teamId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
