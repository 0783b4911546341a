package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;

/**
 * States that a team's name changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param teamId the id of the team
 * @param from the name before
 * @param to the name after
 */
public record TeamRenamed(EventStamp stamp, TeamId teamId, String from, String to)
    implements TeamEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TeamRenamed {
    requireNonNull(stamp, "stamp");
    requireNonNull(teamId, "teamId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
