package io.rapport.crm.persistence;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Stores every aggregate of a Rapport host: repositories per aggregate type, transactions across
 * them, and an outbox that carries committed events to listeners. Implementations are
 * thread-safe.
 *
 * <p>Find one by name through {@link CrmStores#open(String, java.util.Map)} (ServiceLoader), or
 * construct one directly (for example {@code InMemoryCrmStore.create()}).
 */
public interface CrmStore extends AutoCloseable {

  /**
   * Returns the repository of a type; each of its calls runs in a transaction of its own.
   *
   * @param type the aggregate type
   * @param <I> the id type
   * @param <A> the aggregate type
   * @return the repository
   * @throws NullPointerException if type is null
   */
  <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(AggregateType<I, A> type);

  /**
   * Runs work in one transaction across aggregates: all or nothing. The work sees a consistent
   * snapshot plus its own writes. If it returns a right value and no aggregate it wrote changed
   * concurrently, everything it wrote and published commits at once and its events are dispatched
   * after commit. If it returns a left value, or throws, nothing is written. If an aggregate it
   * wrote changed concurrently, nothing is written and the answer is that {@link VersionConflict}.
   *
   * @param work the work; it must not keep the transaction after it returns
   * @param <R> the result type
   * @return the work's result, its rejection, or a version conflict at commit
   * @throws NullPointerException if work is null or returns null
   * @throws StorageException if the storage fails (nothing is written)
   */
  <R> Either<Rejection, R> inTransaction(
      Function<? super Transaction, ? extends Either<? extends Rejection, ? extends R>> work);

  /**
   * Streams every aggregate of a type in id order, reading page by page so the whole set is never
   * in memory at once. Close the stream when done.
   *
   * @param type the aggregate type
   * @param <I> the id type
   * @param <A> the aggregate type
   * @return the aggregates, lazily
   * @throws StorageException if the storage fails
   */
  <I extends TypedId, A extends Aggregate<I>> Stream<Versioned<A>> streamAll(AggregateType<I, A> type);

  /**
   * Registers a listener for committed events; it receives entries committed from now on and any
   * still pending.
   *
   * @param listener the listener
   * @throws NullPointerException if listener is null
   */
  void subscribe(EventListener listener);

  /**
   * Delivers pending outbox entries to the listeners now, for example after a listener failed.
   * Commits call this on their own.
   *
   * @return how many entries were delivered to every listener
   */
  int dispatchPending();

  /**
   * Returns the outbox entries not yet delivered to every listener, in order. A transaction that
   * publishes a customer's erasure replaces, as it commits, those whose event is of a record it
   * wrote and carries personal text by the
   * {@link io.rapport.crm.kernel.RedactableEvent#redacted() redacted} event, keeping each entry's
   * sequence and place.
   *
   * @return the pending entries
   */
  Seq<OutboxEntry> pendingEvents();

  /** Releases the store's resources; the store is unusable afterwards. */
  @Override
  void close();
}
