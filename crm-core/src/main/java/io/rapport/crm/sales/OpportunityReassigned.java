package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.control.Option;

/**
 * States that the owner or team of an opportunity changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param owner the owner now
 * @param team the team now, or empty
 * @param previousOwner the owner before
 */
public record OpportunityReassigned(EventStamp stamp, OpportunityId opportunityId, EmployeeId owner,
    Option<TeamId> team, EmployeeId previousOwner)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityReassigned {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(owner, "owner");
    requireNonNull(team, "team");
    requireNonNull(previousOwner, "previousOwner");
    team.forEach(value -> requireNonNull(value, "team"));
  }
}
