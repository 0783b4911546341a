package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;

/**
 * States that a team was formed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param teamId the id of the team
 * @param name the team's name
 * @param calendar when the team works
 */
public record TeamFormed(EventStamp stamp, TeamId teamId, String name, BusinessCalendar calendar)
    implements TeamEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TeamFormed {
    requireNonNull(stamp, "stamp");
    requireNonNull(teamId, "teamId");
    requireNonNull(name, "name");
    requireNonNull(calendar, "calendar");
  }
}
