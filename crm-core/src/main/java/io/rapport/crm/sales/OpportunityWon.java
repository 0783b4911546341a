package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PurchaseId;

/**
 * States that an opportunity was won; the host records the purchase with the given id. Immutable
 * and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param from the stage it left
 * @param to the won stage
 * @param purchase the purchase that records what was bought
 * @param amount the amount won: the sum of the line items
 */
public record OpportunityWon(EventStamp stamp, OpportunityId opportunityId, StageCode from,
    StageCode to, PurchaseId purchase, Money amount)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityWon {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(purchase, "purchase");
    requireNonNull(amount, "amount");
  }
}
