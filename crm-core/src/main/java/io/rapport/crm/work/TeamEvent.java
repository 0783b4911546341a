package io.rapport.crm.work;

import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TypedId;

/**
 * States a fact about a {@link Team}: one event per accepted command.
 */
public sealed interface TeamEvent extends StampedEvent
    permits TeamFormed, TeamRenamed, TeamMemberAdded, TeamMemberRemoved, TeamLeadChanged,
    TeamCalendarChanged {

  /** Returns the id of the team the event happened to. */
  TeamId teamId();

  /** Returns the team's id. */
  @Override
  default TypedId aggregateId() {
    return teamId();
  }
}
