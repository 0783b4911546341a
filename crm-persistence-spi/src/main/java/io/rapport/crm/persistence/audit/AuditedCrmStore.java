package io.rapport.crm.persistence.audit;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.EventListener;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.json.JsonCodec;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Decorates any {@link CrmStore} so that every save, update and erase of every aggregate type is
 * recorded in the audit log, in the same transaction as the change: a call outside a transaction
 * runs in one of its own. An entry names the actor this decorator acts for, the time from its
 * clock, the command ({@code save}, {@code erase}, or for an update the JSON names of the
 * transition's events) and the before and after values of the changed fields, found by diffing
 * the codec's JSON documents. Reads pass straight through. The entries themselves
 * ({@link AuditLog#TYPE}) can be read through {@link #repository} but not written: the log is
 * append-only, and {@link #auditLog()} is the only way to read history, restore and scrub.
 *
 * <p>Thread-safe if the store is. A host serving many users makes one decorator per request with
 * {@link #as(ActorId)}; all of them share the store beneath, which {@link #close()} closes.
 */
public final class AuditedCrmStore implements CrmStore {

  /** How many times a call outside a transaction is tried when it meets a concurrent change. */
  public static final int MAX_ATTEMPTS = 16;

  private final CrmStore store;
  private final Recorder recorder;
  private final ActorId actor;
  private final Clock clock;

  private AuditedCrmStore(CrmStore store, Recorder recorder, ActorId actor, Clock clock) {
    this.store = store;
    this.recorder = recorder;
    this.actor = actor;
    this.clock = clock;
  }

  /**
   * Decorates a store.
   *
   * @param store the store to record the changes of
   * @param codec the codec whose JSON documents are diffed; it must know every aggregate type
   *     stored and should know every event type (an unknown event is named by its class)
   * @param actor who the changes are recorded for
   * @param clock the time of each change
   * @return the audited store
   * @throws NullPointerException if an argument is null
   */
  public static AuditedCrmStore over(CrmStore store, JsonCodec codec, ActorId actor, Clock clock) {
    return new AuditedCrmStore(requireNonNull(store, "store"),
        new Recorder(requireNonNull(codec, "codec")), requireNonNull(actor, "actor"),
        requireNonNull(clock, "clock"));
  }

  /**
   * Returns a decorator of the same store recording changes for another actor.
   *
   * @param otherActor who the changes are recorded for
   * @return the decorator
   * @throws NullPointerException if otherActor is null
   */
  public AuditedCrmStore as(ActorId otherActor) {
    return new AuditedCrmStore(store, recorder, requireNonNull(otherActor, "otherActor"), clock);
  }

  /** Returns the actor the changes are recorded for. */
  public ActorId actor() {
    return actor;
  }

  /** Returns the audit log of the store: history, restore (recorded too) and scrub. */
  public AuditLog auditLog() {
    return new StoredAuditLog(store, recorder);
  }

  @Override
  public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
      AggregateType<I, A> type) {
    requireNonNull(type, "type");
    if (type.name().equals(AuditLog.TYPE.name())) {
      return new ReadOnly<>(store.repository(type));
    }
    return new AutoCommit<>(type);
  }

  @Override
  public <R> Either<Rejection, R> inTransaction(
      Function<? super Transaction, ? extends Either<? extends Rejection, ? extends R>> work) {
    requireNonNull(work, "work");
    return store.inTransaction(tx -> work.apply(new AuditedTransaction(tx)));
  }

  @Override
  public <I extends TypedId, A extends Aggregate<I>> Stream<Versioned<A>> streamAll(
      AggregateType<I, A> type) {
    return store.streamAll(type);
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

  @Override
  public void close() {
    store.close();
  }

  /** Returns the transaction of the store beneath. */
  static Transaction rawOf(Transaction transaction) {
    return transaction instanceof AuditedTransaction ? ((AuditedTransaction) transaction).raw
        : transaction;
  }

  private <I extends TypedId, A extends Aggregate<I>> Repository<I, A> audited(Transaction raw,
      AggregateType<I, A> type) {
    if (type.name().equals(AuditLog.TYPE.name())) {
      return new ReadOnly<>(raw.repository(type));
    }
    return new AuditedRepository<>(raw, raw.repository(type), recorder, actor, clock::instant);
  }

  /** A transaction whose repositories record their writes in it. */
  private final class AuditedTransaction implements Transaction {
    private final Transaction raw;

    AuditedTransaction(Transaction raw) {
      this.raw = raw;
    }

    @Override
    public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
        AggregateType<I, A> type) {
      return audited(raw, requireNonNull(type, "type"));
    }

    @Override
    public void publish(Iterable<? extends DomainEvent> events) {
      raw.publish(events);
    }
  }

  /** Runs every write in a transaction of its own, retried on a concurrent change. */
  private final class AutoCommit<I extends TypedId, A extends Aggregate<I>>
      extends ForwardingRepository<I, A> {
    private final AggregateType<I, A> type;

    AutoCommit(AggregateType<I, A> type) {
      super(store.repository(type));
      this.type = type;
    }

    @Override
    public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
      requireNonNull(aggregate, "aggregate");
      requireNonNull(expectedVersion, "expectedVersion");
      Either<Rejection, Version> outcome = store.inTransaction(tx -> audited(tx, type)
          .save(aggregate, expectedVersion));
      return outcome.mapLeft(AuditedCrmStore::conflict);
    }

    @Override
    public boolean erase(I id) {
      requireNonNull(id, "id");
      for (int attempt = 1; ; attempt++) {
        Either<Rejection, Boolean> outcome = store.inTransaction(tx ->
            Either.<Rejection, Boolean>right(audited(tx, type).erase(id)));
        if (outcome.isRight()) {
          return outcome.get();
        }
        if (attempt == MAX_ATTEMPTS) {
          throw new StorageException(type + " " + id + " kept changing while it was erased: "
              + outcome.getLeft().message());
        }
      }
    }

    @Override
    public Either<UpdateFailure, Versioned<A>> update(
        I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
      requireNonNull(id, "id");
      requireNonNull(command, "command");
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        Either<Rejection, Versioned<A>> outcome = store.inTransaction(tx -> audited(tx, type)
            .update(id, command));
        if (outcome.isRight()) {
          return Either.right(outcome.get());
        }
        Rejection refusal = outcome.getLeft();
        if (refusal instanceof UpdateFailure
            && ((UpdateFailure) refusal).reason() != UpdateFailure.Reason.CONFLICT) {
          UpdateFailure failure = (UpdateFailure) refusal;
          return Either.left(new UpdateFailure(failure.reason(), failure.id(), failure.rejection(),
              attempt));
        }
      }
      return Either.left(new UpdateFailure(UpdateFailure.Reason.CONFLICT, id, Option.none(),
          MAX_ATTEMPTS));
    }
  }

  private static VersionConflict conflict(Rejection rejection) {
    if (rejection instanceof VersionConflict) {
      return (VersionConflict) rejection;
    }
    throw new StorageException("Expected a version conflict, got " + rejection.code() + ": "
        + rejection.message());
  }

  /** Lets the audit entries be read, never written, through the store's ports. */
  private static final class ReadOnly<I extends TypedId, A extends Aggregate<I>>
      extends ForwardingRepository<I, A> {

    ReadOnly(Repository<I, A> delegate) {
      super(delegate);
    }

    @Override
    public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
      throw new AuditAppendOnlyException("save");
    }

    @Override
    public boolean erase(I id) {
      throw new AuditAppendOnlyException("erase");
    }

    @Override
    public Either<UpdateFailure, Versioned<A>> update(
        I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
      throw new AuditAppendOnlyException("update");
    }
  }
}
