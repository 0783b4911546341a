package io.rapport.crm.persistence.memory;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

/** A repository whose every call is a transaction of its own; {@code update} retries. */
final class AutoCommitRepository<I extends TypedId, A extends Aggregate<I>>
    implements Repository<I, A> {

  private final InMemoryCrmStore store;
  private final AggregateType<I, A> type;
  private final int maxAttempts;

  AutoCommitRepository(InMemoryCrmStore store, AggregateType<I, A> type, int maxAttempts) {
    this.store = store;
    this.type = type;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public AggregateType<I, A> type() {
    return type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Option<Versioned<A>> find(I id) {
    requireNonNull(id, "id");
    store.requireNotClosed();
    Node node = store.latest(type, id);
    return node == null ? Option.none() : Option.of((Versioned<A>) node.value);
  }

  @Override
  public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
    requireNonNull(aggregate, "aggregate");
    requireNonNull(expectedVersion, "expectedVersion");
    Either<Rejection, Version> outcome =
        store.inTransaction(tx -> tx.repository(type).save(aggregate, expectedVersion));
    return outcome.mapLeft(VersionConflict.class::cast);
  }

  @Override
  public boolean erase(I id) {
    requireNonNull(id, "id");
    return store.<Boolean>inTransaction(tx -> Either.right(tx.repository(type).erase(id))).get();
  }

  @Override
  public Either<UpdateFailure, Versioned<A>> update(
      I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
    requireNonNull(id, "id");
    requireNonNull(command, "command");
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Either<Rejection, Versioned<A>> outcome =
          store.inTransaction(tx -> tx.repository(type).update(id, command));
      if (outcome.isRight()) {
        return Either.right(outcome.get());
      }
      if (outcome.getLeft() instanceof UpdateFailure) {
        UpdateFailure failure = (UpdateFailure) outcome.getLeft();
        if (failure.reason() != UpdateFailure.Reason.CONFLICT) {
          return Either.left(new UpdateFailure(failure.reason(), id, failure.rejection(), attempt));
        }
      }
    }
    return Either.left(new UpdateFailure(UpdateFailure.Reason.CONFLICT, id, Option.none(),
        maxAttempts));
  }

  @Override
  public Page<Versioned<A>, I> list(Option<I> after, int limit) {
    requireNonNull(after, "after");
    return store.<Page<Versioned<A>, I>>inTransaction(
        tx -> Either.right(tx.repository(type).list(after, limit))).get();
  }

  @Override
  public Page<Versioned<A>, IndexCursor> query(IndexQuery query) {
    requireNonNull(query, "query");
    return store.<Page<Versioned<A>, IndexCursor>>inTransaction(
        tx -> Either.right(tx.repository(type).query(query))).get();
  }
}
