package io.rapport.crm.persistence;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.TypedId;

/**
 * Gives the work of one {@link CrmStore#inTransaction} call its view of the store: repositories
 * that see a consistent snapshot plus the transaction's own writes, and an outbox for the events
 * the work produces. Everything becomes visible together at commit, or not at all. Not
 * thread-safe: use a transaction from the thread that runs its work.
 */
public interface Transaction {

  /**
   * Returns the repository of a type, taking part in this transaction.
   *
   * @param type the aggregate type
   * @param <I> the id type
   * @param <A> the aggregate type
   * @return the repository
   * @throws NullPointerException if type is null
   */
  <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(AggregateType<I, A> type);

  /**
   * Writes events to the outbox, to be dispatched to listeners after the transaction commits.
   *
   * @param events the events, in order
   * @throws NullPointerException if events or an event is null
   */
  void publish(Iterable<? extends DomainEvent> events);
}
