package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;

/**
 * States that a competitor was added to or removed from an opportunity. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param competitor the competitor's name (a business, not a person)
 * @param added true when added, false when removed
 */
public record OpportunityCompetitorsChanged(EventStamp stamp, OpportunityId opportunityId,
    String competitor, boolean added)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityCompetitorsChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(competitor, "competitor");
  }
}
