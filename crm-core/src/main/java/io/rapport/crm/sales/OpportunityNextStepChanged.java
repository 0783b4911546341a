package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;

/**
 * States that the next step of an opportunity was set or cleared; the text stays on the
 * opportunity. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param present whether a next step is set now
 */
public record OpportunityNextStepChanged(EventStamp stamp, OpportunityId opportunityId,
    boolean present)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityNextStepChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
  }
}
