package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.vavr.control.Option;

/**
 * States that the entered amount of an opportunity was set or cleared. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param entered the entered amount now, or empty
 * @param amount the amount now: the sum of the line items if any, else the entered amount
 */
public record OpportunityAmountChanged(EventStamp stamp, OpportunityId opportunityId,
    Option<Money> entered, Option<Money> amount)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityAmountChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(entered, "entered");
    requireNonNull(amount, "amount");
    entered.forEach(value -> requireNonNull(value, "entered"));
    amount.forEach(value -> requireNonNull(value, "amount"));
  }
}
