package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.DomainEvent;

/**
 * Holds one event written to the outbox by a committed transaction. Sequence numbers increase in
 * commit order, so events of one aggregate are delivered in the order they happened. Immutable.
 *
 * @param sequence the position in the outbox, from 1
 * @param event the event
 */
public record OutboxEntry(long sequence, DomainEvent event) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if the event is null
   * @throws IllegalArgumentException if the sequence is not positive
   */
  public OutboxEntry {
    requireNonNull(event, "event");
    if (sequence < 1) {
      throw new IllegalArgumentException("Outbox sequences start at 1: " + sequence);
    }
  }
}
