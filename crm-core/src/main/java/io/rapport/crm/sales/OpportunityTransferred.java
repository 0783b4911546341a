package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;

/**
 * States that an opportunity is now with another customer, as when two customers merge (and back
 * when the merge is undone). Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param customer the customer it is with now
 * @param previous the customer it was with before
 */
public record OpportunityTransferred(EventStamp stamp, OpportunityId opportunityId,
    CustomerId customer, CustomerId previous) implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityTransferred {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(customer, "customer");
    requireNonNull(previous, "previous");
  }
}
