package io.rapport.crm.kernel;

import java.time.Instant;

/**
 * States a fact that happened to an aggregate, such as {@code TicketEscalated} or
 * {@code PointsRedeemed}. Commands return the events they produce along with the new state; the
 * store writes them to an outbox in the same transaction and dispatches them to policies.
 *
 * <p>Events are immutable records named in the past tense. The time and the event id come from
 * outside the domain (a clock and an {@link IdGenerator} the host injects).
 */
public interface DomainEvent {

  /** Returns the event's own id, unique across all events. */
  EventId eventId();

  /** Returns the id of the aggregate the event happened to. */
  TypedId aggregateId();

  /** Returns when the event happened. */
  Instant occurredAt();

  /** Returns who caused the event. */
  ActorId actor();
}
