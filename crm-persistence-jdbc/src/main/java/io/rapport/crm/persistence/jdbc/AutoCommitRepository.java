package io.rapport.crm.persistence.jdbc;

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

/**
 * A repository whose every call is a transaction of its own (read committed: the conditional
 * {@code UPDATE … WHERE version = ?} is what keeps concurrent writers apart); {@code update}
 * retries on a concurrent change.
 */
final class AutoCommitRepository<I extends TypedId, A extends Aggregate<I>>
    implements Repository<I, A> {

  private final JdbcCrmStore store;
  private final AggregateRows<I, A> rows;

  AutoCommitRepository(JdbcCrmStore store, AggregateRows<I, A> rows) {
    this.store = store;
    this.rows = rows;
  }

  @Override
  public AggregateType<I, A> type() {
    return rows.type;
  }

  @Override
  public Option<Versioned<A>> find(I id) {
    requireNonNull(id, "id");
    return store.read("find " + rows.type.name(), connection -> rows.find(connection, id));
  }

  @Override
  public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
    requireNonNull(aggregate, "aggregate");
    requireNonNull(expectedVersion, "expectedVersion");
    try {
      return store.write("save " + rows.type.name(),
          session -> rows.save(session, aggregate, expectedVersion), Either::isRight);
    } catch (ConcurrentChange deadlocked) {
      // the database chose this save as the victim of a deadlock: it wrote nothing
      Version actual = store.read("find " + rows.type.name(),
          connection -> rows.current(connection, aggregate.id().value()));
      return Either.left(new VersionConflict(rows.type.name(), aggregate.id(), expectedVersion, actual));
    }
  }

  @Override
  public boolean erase(I id) {
    requireNonNull(id, "id");
    for (int attempt = 1; ; attempt++) {
      try {
        return store.write("erase " + rows.type.name(), session -> rows.erase(session, id),
            erased -> erased);
      } catch (ConcurrentChange deadlocked) {
        if (attempt >= store.maxUpdateAttempts()) {
          throw new io.rapport.crm.persistence.StorageException("Could not erase " + id
              + ": the database kept choosing it as a deadlock victim", deadlocked.getCause());
        }
      }
    }
  }

  @Override
  public Either<UpdateFailure, Versioned<A>> update(
      I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
    requireNonNull(id, "id");
    requireNonNull(command, "command");
    int attempts = 0;
    while (true) {
      attempts++;
      Either<UpdateFailure, Versioned<A>> outcome;
      try {
        outcome = store.write("update " + rows.type.name(),
            session -> TransactionRepository.attempt(session, rows, id, command), Either::isRight);
      } catch (ConcurrentChange busy) {
        outcome = Either.left(new UpdateFailure(UpdateFailure.Reason.CONFLICT, id, Option.none(), 1));
      }
      if (outcome.isRight() || outcome.getLeft().reason() != UpdateFailure.Reason.CONFLICT) {
        UpdateFailure failure = outcome.isLeft() ? outcome.getLeft() : null;
        return failure == null ? outcome : Either.left(new UpdateFailure(failure.reason(), id,
            failure.rejection(), attempts));
      }
      if (attempts >= store.maxUpdateAttempts()) {
        return Either.left(new UpdateFailure(UpdateFailure.Reason.CONFLICT, id, Option.none(), attempts));
      }
    }
  }

  @Override
  public Page<Versioned<A>, I> list(Option<I> after, int limit) {
    requireNonNull(after, "after");
    return store.read("list " + rows.type.name(), connection -> rows.list(connection, after, limit));
  }

  @Override
  public Page<Versioned<A>, IndexCursor> query(IndexQuery query) {
    requireNonNull(query, "query");
    return store.read("query " + rows.type.name(), connection -> rows.query(connection, query));
  }
}
