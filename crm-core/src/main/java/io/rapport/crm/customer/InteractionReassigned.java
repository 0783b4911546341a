package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;

/**
 * States that an interaction moved from one customer to another, as when two customers are merged,
 * or moved back when a merge is undone. {@code from} is what moving it back needs. Immutable and
 * thread-safe.
 *
 * @param interactionId the interaction
 * @param from the customer it belonged to
 * @param to the customer it belongs to now
 * @param movedBack whether this undoes the interaction's latest move ({@link Interaction#moveBack})
 * @param stamp the id, time and actor of the move
 */
public record InteractionReassigned(InteractionId interactionId, CustomerId from, CustomerId to,
    boolean movedBack, EventStamp stamp) implements InteractionEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public InteractionReassigned {
    requireNonNull(interactionId, "interactionId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(stamp, "stamp");
  }
}
