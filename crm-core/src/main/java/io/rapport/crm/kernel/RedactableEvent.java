package io.rapport.crm.kernel;

/**
 * Marks an event that carries personal text its aggregate's redaction removes (a summary, a note,
 * a reason written by hand). When a customer is erased, a store replaces such an event still
 * waiting in its outbox by {@link #redacted()}, so the event agrees with the redacted record and
 * no consumer receives the text afterwards.
 *
 * <p>Events without personal text do not implement it.
 */
public interface RedactableEvent extends DomainEvent {

  /**
   * Returns this event with the personal text its aggregate's redaction removes replaced the same
   * way; keeps its id, time, actor, aggregate and every other component; applying it twice gives
   * the same event.
   *
   * @return the redacted event, possibly this one
   */
  DomainEvent redacted();
}
