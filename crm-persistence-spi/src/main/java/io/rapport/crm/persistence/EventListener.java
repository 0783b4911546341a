package io.rapport.crm.persistence;

/**
 * Receives committed events from the store's outbox, after commit and never before, at least once
 * and in outbox order. Policies (a purchase earns points; a detractor answer opens a ticket) are
 * wired as listeners that turn an event into commands and run them in new transactions.
 *
 * <p>Delivery is at least once: a listener that throws stops delivery at that entry, and the entry
 * (with everything after it) is delivered again by the next dispatch, so listeners must be
 * idempotent, for example by remembering the event ids they handled.
 */
@FunctionalInterface
public interface EventListener {

  /**
   * Handles one committed event.
   *
   * @param entry the outbox entry
   */
  void on(OutboxEntry entry);
}
