package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.work.Priority;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records a ticket as it stood after one change of its status, priority, team or assignee: the
 * history that the SLA clocks are replayed from. Immutable and thread-safe.
 *
 * @param at when the change happened
 * @param by who made it
 * @param status the status after the change
 * @param priority the priority after the change
 * @param team the team after the change, or empty
 * @param assignee the assigned agent after the change, or empty
 */
public record TicketHistoryEntry(Instant at, ActorId by, TicketStatus status, Priority priority,
    Option<TeamId> team, Option<EmployeeId> assignee) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   */
  public TicketHistoryEntry {
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(status, "status");
    requireNonNull(priority, "priority");
    requireNonNull(team, "team");
    requireNonNull(assignee, "assignee");
    team.forEach(value -> requireNonNull(value, "team"));
    assignee.forEach(value -> requireNonNull(value, "assignee"));
  }

  /**
   * Tells whether this entry records the same status, priority, team and assignee as another,
   * whenever and by whomever.
   *
   * @param other the other entry
   * @return true if the values are the same
   * @throws NullPointerException if other is null
   */
  public boolean sameValuesAs(TicketHistoryEntry other) {
    requireNonNull(other, "other");
    return status == other.status && priority == other.priority && team.equals(other.team)
        && assignee.equals(other.assignee);
  }
}
