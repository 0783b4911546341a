package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * Passes every call on to another repository. Extend it to add a domain port's queries to any
 * adapter's repository, or to decorate one (auditing, access checks, metrics) by overriding the
 * calls of interest. Thread-safe if the delegate is.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public abstract class ForwardingRepository<I extends TypedId, A extends Aggregate<I>>
    implements Repository<I, A> {

  private final Repository<I, A> delegate;

  /**
   * Wraps a repository.
   *
   * @param delegate the repository to pass calls on to
   * @throws NullPointerException if delegate is null
   */
  protected ForwardingRepository(Repository<I, A> delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** Returns the wrapped repository. */
  protected Repository<I, A> delegate() {
    return delegate;
  }

  @Override
  public AggregateType<I, A> type() {
    return delegate.type();
  }

  @Override
  public Option<Versioned<A>> find(I id) {
    return delegate.find(id);
  }

  @Override
  public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
    return delegate.save(aggregate, expectedVersion);
  }

  @Override
  public boolean erase(I id) {
    return delegate.erase(id);
  }

  @Override
  public Either<UpdateFailure, Versioned<A>> update(
      I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
    return delegate.update(id, command);
  }

  @Override
  public Page<Versioned<A>, I> list(Option<I> after, int limit) {
    return delegate.list(after, limit);
  }

  @Override
  public Page<Versioned<A>, IndexCursor> query(IndexQuery query) {
    return delegate.query(query);
  }
}
