package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * What an escalation rule does when it fires: hand the ticket to another team or agent, raise its
 * priority, or notify everyone with a role (the host delivers the notification from the event).
 */
public sealed interface EscalationAction {

  /**
   * Hands the ticket to a team, an agent, or both.
   *
   * @param team the new team, or empty to keep the team
   * @param assignee the new agent, or empty to keep the agent (or clear it when the team changes)
   */
  record Reassign(Option<TeamId> team, Option<EmployeeId> assignee) implements EscalationAction {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component or an optional value is null
     * @throws InvalidValueException if neither a team nor an assignee is
     *     given ({@code sla.escalation.reassign.empty}, field {@code team})
     */
    public Reassign {
      requireNonNull(team, "team");
      requireNonNull(assignee, "assignee");
      team.forEach(value -> requireNonNull(value, "team"));
      assignee.forEach(value -> requireNonNull(value, "assignee"));
      if (team.isEmpty() && assignee.isEmpty()) {
        throw new InvalidValueException(List.of(Violation.of("sla.escalation.reassign.empty",
            "team", "A reassignment names a team, an assignee or both")));
      }
    }
  }

  /**
   * Raises the ticket's priority to at least a level; a higher priority is kept.
   *
   * @param atLeast the lowest priority the ticket has afterwards
   */
  record RaisePriority(Priority atLeast) implements EscalationAction {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if atLeast is null
     */
    public RaisePriority {
      requireNonNull(atLeast, "atLeast");
    }
  }

  /**
   * Asks the host to notify everyone with a role, such as {@code service-manager}.
   *
   * @param role the role
   */
  record NotifyRole(Role role) implements EscalationAction {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if role is null
     */
    public NotifyRole {
      requireNonNull(role, "role");
    }
  }
}
