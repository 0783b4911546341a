package io.rapport.crm.persistence.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.access.Actor;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.EventListener;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Shows one actor the part of a store an access policy allows, as described on
 * {@link SecuredCrmStore}. Obtain one from {@link SecuredCrmStore#as(Actor)}. Thread-safe if the
 * store is.
 *
 * <p>Which fields a reader sees masked depends only on the actor and the aggregate type, not on
 * the record: {@link #maskedFields(AggregateType)} names them, and every record of that type read
 * through this view has exactly those fields masked.
 */
public final class SecuredView implements CrmStore {

  private final CrmStore store;
  private final Guard guard;
  private final MaskedValues maskedValues;

  SecuredView(CrmStore store, Guard guard, MaskedValues maskedValues) {
    this.store = store;
    this.guard = guard;
    this.maskedValues = maskedValues;
  }

  /** Returns the actor this view acts for. */
  public Actor actor() {
    return guard.actor();
  }

  /**
   * Returns the fields this actor sees masked on every record of a type.
   *
   * @param type the aggregate type
   * @return the masked fields' names as the type's field masker names them; empty if none
   * @throws NullPointerException if type is null
   */
  public Set<String> maskedFields(AggregateType<?, ?> type) {
    requireNonNull(type, "type");
    return guard.maskedFields(type.name());
  }

  @Override
  public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
      AggregateType<I, A> type) {
    requireNonNull(type, "type");
    return new SecuredRepository<>(store.repository(type), guard, maskedValues, store);
  }

  /**
   * Runs work in one transaction of the store whose repositories apply this view's policy, as
   * {@link CrmStore#inTransaction} does. An {@link AccessDeniedException} thrown by the work
   * rolls the transaction back and propagates.
   */
  @Override
  public <R> Either<Rejection, R> inTransaction(
      Function<? super Transaction, ? extends Either<? extends Rejection, ? extends R>> work) {
    requireNonNull(work, "work");
    return store.inTransaction(tx -> work.apply(new SecuredTransaction(tx, guard, maskedValues)));
  }

  /** Streams the records of a type this actor may read, masked, in id order. */
  @Override
  public <I extends TypedId, A extends Aggregate<I>> Stream<Versioned<A>> streamAll(
      AggregateType<I, A> type) {
    requireNonNull(type, "type");
    String name = type.name();
    return store.streamAll(type).filter(found -> guard.readable(name, found.value()))
        .map(found -> guard.shown(name, found));
  }

  @Override
  public void subscribe(EventListener listener) {
    store.subscribe(listener);
  }

  @Override
  public int dispatchPending() {
    return store.dispatchPending();
  }

  @Override
  public Seq<OutboxEntry> pendingEvents() {
    return store.pendingEvents();
  }

  /** Closes nothing: the view does not own the store; close the store itself when done. */
  @Override
  public void close() {
    // the store outlives its views
  }
}
