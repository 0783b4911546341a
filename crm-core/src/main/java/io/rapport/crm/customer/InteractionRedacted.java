package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;

/**
 * States that an interaction's personal details were erased irreversibly, for the erasure of its
 * customer. It carries no personal detail itself. Immutable and thread-safe.
 *
 * @param interactionId the interaction
 * @param customer the customer being erased
 * @param stamp the id, time and actor of the erasure
 */
public record InteractionRedacted(InteractionId interactionId, CustomerId customer, EventStamp stamp)
    implements InteractionEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public InteractionRedacted {
    requireNonNull(interactionId, "interactionId");
    requireNonNull(customer, "customer");
    requireNonNull(stamp, "stamp");
  }
}
