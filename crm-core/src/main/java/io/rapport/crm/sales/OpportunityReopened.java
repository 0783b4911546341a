package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PurchaseId;
import io.vavr.control.Option;

/**
 * States that a won or lost opportunity was reopened; a host voids the previous purchase, if any.
 * Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param from the closed stage it left
 * @param to the open stage it entered
 * @param previousPurchase the purchase recorded when it was won, or empty when it was lost
 */
public record OpportunityReopened(EventStamp stamp, OpportunityId opportunityId, StageCode from,
    StageCode to, Option<PurchaseId> previousPurchase)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityReopened {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(previousPurchase, "previousPurchase");
    previousPurchase.forEach(value -> requireNonNull(value, "previousPurchase"));
  }
}
