package io.rapport.crm.kernel;

import java.time.Instant;

/**
 * Implements {@link DomainEvent} from an {@link EventStamp}: event records carry their stamp as a
 * component and take the event id, time and actor from it.
 */
public interface StampedEvent extends DomainEvent {

  /** Returns the stamp of the command that produced this event. */
  EventStamp stamp();

  @Override
  default EventId eventId() {
    return stamp().eventId();
  }

  @Override
  default Instant occurredAt() {
    return stamp().at();
  }

  @Override
  default ActorId actor() {
    return stamp().by();
  }
}
