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
import java.sql.SQLException;
import java.util.function.Function;

/** A repository taking part in one session's transaction; sees its snapshot and own writes. */
final class TransactionRepository<I extends TypedId, A extends Aggregate<I>>
    implements Repository<I, A> {

  private final JdbcSession session;
  private final AggregateRows<I, A> rows;

  TransactionRepository(JdbcSession session, AggregateRows<I, A> rows) {
    this.session = session;
    this.rows = rows;
  }

  @Override
  public AggregateType<I, A> type() {
    return rows.type;
  }

  @Override
  public Option<Versioned<A>> find(I id) {
    requireNonNull(id, "id");
    return call("find", s -> rows.find(s.connection, id));
  }

  @Override
  public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
    requireNonNull(aggregate, "aggregate");
    requireNonNull(expectedVersion, "expectedVersion");
    return call("save", s -> rows.save(s, aggregate, expectedVersion));
  }

  @Override
  public boolean erase(I id) {
    requireNonNull(id, "id");
    return call("erase", s -> rows.erase(s, id));
  }

  @Override
  public Either<UpdateFailure, Versioned<A>> update(
      I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
    requireNonNull(id, "id");
    requireNonNull(command, "command");
    return call("update", s -> attempt(s, rows, id, command));
  }

  @Override
  public Page<Versioned<A>, I> list(Option<I> after, int limit) {
    requireNonNull(after, "after");
    return call("list", s -> rows.list(s.connection, after, limit));
  }

  @Override
  public Page<Versioned<A>, IndexCursor> query(IndexQuery query) {
    requireNonNull(query, "query");
    return call("query", s -> rows.query(s.connection, query));
  }

  private <T> T call(String operation, SqlWork<T> work) {
    session.requireUsable();
    try {
      return work.run(session);
    } catch (SQLException failure) {
      throw JdbcCrmStore.failure(operation + " " + rows.type.name(), failure);
    }
  }

  /**
   * Makes one attempt at an update within a session: read, apply, save expecting the version
   * read, publish the transition's events.
   */
  static <I extends TypedId, A extends Aggregate<I>> Either<UpdateFailure, Versioned<A>> attempt(
      JdbcSession session, AggregateRows<I, A> rows, I id,
      Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command)
      throws SQLException {
    Option<Versioned<A>> current = rows.find(session.connection, id);
    if (current.isEmpty()) {
      return Either.left(new UpdateFailure(UpdateFailure.Reason.NOT_FOUND, id, Option.none(), 1));
    }
    Either<? extends Rejection, Transition<A>> outcome =
        requireNonNull(command.apply(current.get().value()), "the command's result");
    if (outcome.isLeft()) {
      return Either.left(new UpdateFailure(UpdateFailure.Reason.REJECTED, id,
          Option.of(outcome.getLeft()), 1));
    }
    Transition<A> transition = outcome.get();
    if (!id.equals(transition.state().id())) {
      throw new IllegalStateException("A command on " + id + " returned the state of "
          + transition.state().id() + "; commands must not change an aggregate's id");
    }
    Either<VersionConflict, Version> saved = rows.save(session, transition.state(), current.get().version());
    if (saved.isLeft()) {
      return Either.left(new UpdateFailure(UpdateFailure.Reason.CONFLICT, id, Option.none(), 1));
    }
    session.publish(transition.events());
    return Either.right(new Versioned<>(transition.state(), saved.get()));
  }
}
