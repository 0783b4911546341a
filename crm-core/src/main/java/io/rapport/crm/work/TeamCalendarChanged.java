package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;

/**
 * States that a team's working calendar changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param teamId the id of the team
 * @param calendar the new calendar
 */
public record TeamCalendarChanged(EventStamp stamp, TeamId teamId, BusinessCalendar calendar)
    implements TeamEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TeamCalendarChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(teamId, "teamId");
    requireNonNull(calendar, "calendar");
  }
}
