package io.rapport.crm.persistence;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * Stores the aggregates of one type, like a collection that knows versions. Each aggregate issue
 * extends this port with the queries its domain needs (keyset-paged, in a stable order).
 *
 * <p>A repository obtained from {@link CrmStore#repository(AggregateType)} runs each call in a
 * transaction of its own; one obtained from {@link Transaction#repository(AggregateType)} takes
 * part in that transaction and sees its own writes.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public interface Repository<I extends TypedId, A extends Aggregate<I>> {

  /** Returns the type of aggregate stored here. */
  AggregateType<I, A> type();

  /**
   * Finds an aggregate by id.
   *
   * @param id the id
   * @return the aggregate with its version, or empty
   * @throws NullPointerException if id is null
   * @throws StorageException if the storage fails
   */
  Option<Versioned<A>> find(I id);

  /**
   * Saves an aggregate if the stored version is still the one expected: {@link Version#NEW} to
   * create, the version it was read at to change it. Never overwrites a concurrent change.
   *
   * @param aggregate the aggregate to save
   * @param expectedVersion the version the caller read
   * @return the new version, or the conflict (nothing written)
   * @throws NullPointerException if an argument is null
   * @throws StorageException if the storage fails
   */
  Either<VersionConflict, Version> save(A aggregate, Version expectedVersion);

  /**
   * Erases an aggregate, whatever its version: erasure (the right to be forgotten) always wins.
   * A later {@code save} expecting the old version meets a conflict.
   *
   * @param id the id
   * @return whether an aggregate was erased
   * @throws NullPointerException if id is null
   * @throws StorageException if the storage fails
   */
  boolean erase(I id);

  /**
   * Applies a command to an aggregate and saves the result with its events, retrying on a
   * concurrent change. Each attempt reads the current version, applies the command, saves
   * expecting that version, and writes the transition's events to the outbox, all in one
   * transaction. Outside a transaction it makes up to the store's configured number of attempts;
   * inside one it makes a single attempt (the enclosing transaction is the unit to retry).
   *
   * @param id the aggregate's id
   * @param command the command: a pure function from the current state to a rejection or a
   *     transition
   * @return the saved aggregate with its new version, or why nothing changed
   * @throws NullPointerException if an argument is null, or the command returns null
   * @throws StorageException if the storage fails
   */
  Either<UpdateFailure, Versioned<A>> update(
      I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command);

  /**
   * Lists aggregates in the order of their id values, one page at a time.
   *
   * @param after the id after which the page starts, or empty for the first page
   * @param limit the largest number of aggregates on the page, 1 to 10 000
   * @return the page
   * @throws IllegalArgumentException if the limit is out of range
   * @throws StorageException if the storage fails
   */
  Page<Versioned<A>, I> list(Option<I> after, int limit);

  /**
   * Reads one page of the aggregates filed under a key of one of the type's secondary indexes,
   * in the index's order (sort key, then id), ascending or descending, as of one consistent
   * snapshot. Inside a transaction, the page reflects the transaction's own writes.
   *
   * @param query the index, key, range, cursor and page size
   * @return the page; its next cursor is the position of its last aggregate, empty on the last page
   * @throws NullPointerException if query is null
   * @throws IllegalArgumentException if the type has no index of that name
   * @throws StorageException if the storage fails
   */
  Page<Versioned<A>, IndexCursor> query(IndexQuery query);
}
