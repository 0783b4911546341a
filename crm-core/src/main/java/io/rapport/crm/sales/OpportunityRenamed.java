package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;

/**
 * States that an opportunity was renamed; the name stays on the opportunity. Immutable and thread-
 * safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 */
public record OpportunityRenamed(EventStamp stamp, OpportunityId opportunityId)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityRenamed {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
  }
}
