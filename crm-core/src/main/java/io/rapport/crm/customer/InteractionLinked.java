package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;

/**
 * States that an interaction is linked to a record, such as an opportunity or a ticket.
 * Immutable and thread-safe.
 *
 * @param interactionId the interaction
 * @param link the record
 * @param stamp the id, time and actor of the change
 */
public record InteractionLinked(InteractionId interactionId, RecordRef link, EventStamp stamp)
    implements InteractionEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public InteractionLinked {
    requireNonNull(interactionId, "interactionId");
    requireNonNull(link, "link");
    requireNonNull(stamp, "stamp");
  }
}
