package io.rapport.crm.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Version;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One database transaction on one connection: the repositories that take part in it, the events
 * it publishes (encoded at once, written to the outbox at commit), the aggregates it wrote and
 * whether a concurrent change has doomed it. Used from one thread.
 */
final class JdbcSession implements Transaction {

  final JdbcCrmStore store;
  final Connection connection;
  /** Whether this is a host's {@code inTransaction} (a snapshot), not a single call. */
  final boolean snapshot;
  final List<Outbox.Pending> events = new ArrayList<>();
  /** The ids of the aggregates this transaction saved or erased. */
  final Set<TypedId> written = new HashSet<>();
  ConcurrentChange doomed;
  boolean open = true;

  JdbcSession(JdbcCrmStore store, Connection connection, boolean snapshot) {
    this.store = store;
    this.connection = connection;
    this.snapshot = snapshot;
  }

  @Override
  public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
      AggregateType<I, A> type) {
    requireNonNull(type, "type");
    requireUsable();
    return new TransactionRepository<>(this, store.rows(type));
  }

  @Override
  public void publish(Iterable<? extends DomainEvent> published) {
    requireNonNull(published, "events");
    requireUsable();
    List<Outbox.Pending> encoded = new ArrayList<>();
    for (DomainEvent event : published) {
      encoded.add(store.outbox().encode(requireNonNull(event, "event")));
    }
    events.addAll(encoded);
  }

  /** Records that a concurrent change dooms this transaction, and returns the signal to throw. */
  ConcurrentChange concurrentChange(String type, TypedId id, Version expected, Throwable cause) {
    ConcurrentChange change = new ConcurrentChange(type, id, expected, cause);
    if (doomed == null) {
      doomed = change;
    }
    return change;
  }

  /** Checks that the transaction is still open and not doomed. */
  void requireUsable() {
    if (!open) {
      throw new IllegalStateException("This transaction has ended; use a new one");
    }
    if (doomed != null) {
      throw doomed;
    }
  }
}
