package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.vavr.control.Option;

/**
 * States that a line item of an opportunity was added, replaced or removed. Immutable and thread-
 * safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param change what happened
 * @param index the position of the line concerned (where it was, for a removal)
 * @param amount the amount now
 */
public record OpportunityLineItemsChanged(EventStamp stamp, OpportunityId opportunityId,
    Change change, int index, Option<Money> amount)
    implements OpportunityEvent {

  /** Names what happened to a line item. */
  public enum Change {
    /** A line was appended. */
    ADDED,
    /** A line was replaced by another. */
    REPLACED,
    /** A line was removed. */
    REMOVED
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityLineItemsChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(change, "change");
    requireNonNull(amount, "amount");
    amount.forEach(value -> requireNonNull(value, "amount"));
  }
}
