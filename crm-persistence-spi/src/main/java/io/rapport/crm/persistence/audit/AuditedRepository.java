package io.rapport.crm.persistence.audit;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/** Records every write of a repository that takes part in a transaction, in that transaction. */
final class AuditedRepository<I extends TypedId, A extends Aggregate<I>>
    extends ForwardingRepository<I, A> {

  private final Transaction raw;
  private final Recorder recorder;
  private final ActorId actor;
  private final Supplier<Instant> clock;

  AuditedRepository(Transaction raw, Repository<I, A> delegate, Recorder recorder, ActorId actor,
      Supplier<Instant> clock) {
    super(delegate);
    this.raw = raw;
    this.recorder = recorder;
    this.actor = actor;
    this.clock = clock;
  }

  @Override
  public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
    return saveRecorded(aggregate, expectedVersion, "save").map(saved -> saved._1);
  }

  /** Saves and records the change under a command name; answers the version and the entry. */
  Either<VersionConflict, io.vavr.Tuple2<Version, AuditEntry>> saveRecorded(A aggregate,
      Version expectedVersion, String command) {
    java.util.Objects.requireNonNull(aggregate, "aggregate");
    Option<A> before = delegate().find(aggregate.id()).map(Versioned::value);
    return delegate().save(aggregate, expectedVersion).map(version -> io.vavr.Tuple.of(version,
        recorder.append(raw, type(), aggregate.id(), before, Option.some(aggregate), command, actor,
            clock.get())));
  }

  @Override
  public boolean erase(I id) {
    Option<A> before = delegate().find(id).map(Versioned::value);
    boolean erased = delegate().erase(id);
    if (erased && before.isDefined()) {
      recorder.append(raw, type(), id, before, Option.none(), "erase", actor, clock.get());
    }
    return erased;
  }

  @Override
  public Either<UpdateFailure, Versioned<A>> update(
      I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
    java.util.Objects.requireNonNull(command, "command");
    Option<A> before = delegate().find(id).map(Versioned::value);
    Seq<DomainEvent>[] events = newEvents();
    Either<UpdateFailure, Versioned<A>> outcome = delegate().update(id, current -> {
      Either<? extends Rejection, Transition<A>> result = command.apply(current);
      if (result != null && result.isRight()) {
        events[0] = List.ofAll(result.get().events());
      }
      return result;
    });
    outcome.forEach(saved -> recorder.append(raw, type(), id, before, Option.some(saved.value()),
        recorder.commandOf(events[0]), actor, clock.get()));
    return outcome;
  }

  @SuppressWarnings("unchecked")
  private static Seq<DomainEvent>[] newEvents() {
    Seq<DomainEvent>[] events = new Seq[1];
    events[0] = List.empty();
    return events;
  }
}
