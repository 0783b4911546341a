package io.rapport.crm.customer;

import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TypedId;

/**
 * States a fact about one {@link Interaction}: it was recorded, linked to or unlinked from a record,
 * moved to another customer, or redacted.
 */
public sealed interface InteractionEvent extends StampedEvent permits InteractionRecorded,
    InteractionLinked, InteractionUnlinked, InteractionReassigned, InteractionRedacted {

  /** Returns the id of the interaction the event happened to. */
  InteractionId interactionId();

  /** Returns the interaction's id. */
  @Override
  default TypedId aggregateId() {
    return interactionId();
  }
}
