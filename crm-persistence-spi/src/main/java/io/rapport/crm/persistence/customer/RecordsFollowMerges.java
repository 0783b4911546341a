package io.rapport.crm.persistence.customer;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.IdKind;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Versioned;
import io.vavr.Function3;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Moves the records of one kind that belong to a customer to the survivor when two customers merge,
 * and back when the merge is undone, through the aggregate's own transfer command. Obtain one with
 * {@link MergeParticipant#following}.
 */
final class RecordsFollowMerges<I extends TypedId, A extends Aggregate<I>,
    R extends ForwardingRepository<I, A>> implements MergeParticipant {

  private final IdKind<I> kind;
  private final Function<Transaction, R> repository;
  private final Function3<R, CustomerId, Option<IndexCursor>, Page<Versioned<A>, IndexCursor>>
      ofCustomer;
  private final BiFunction<A, CustomerId, Function<EventStamp,
      Either<? extends Rejection, Transition<A>>>> transfer;

  RecordsFollowMerges(IdKind<I> kind, Function<Transaction, R> repository,
      Function3<R, CustomerId, Option<IndexCursor>, Page<Versioned<A>, IndexCursor>> ofCustomer,
      BiFunction<A, CustomerId, Function<EventStamp, Either<? extends Rejection, Transition<A>>>>
          transfer) {
    this.kind = kind;
    this.repository = repository;
    this.ofCustomer = ofCustomer;
    this.transfer = transfer;
  }

  static <I extends TypedId, A extends Aggregate<I>, R extends ForwardingRepository<I, A>>
      MergeParticipant of(IdKind<I> kind, Function<Transaction, R> repository,
      Function3<R, CustomerId, Option<IndexCursor>, Page<Versioned<A>, IndexCursor>> ofCustomer,
      Function3<A, CustomerId, EventStamp, ? extends Either<? extends Rejection, Transition<A>>>
          transfer) {
    return new RecordsFollowMerges<>(kind, repository, ofCustomer,
        (record, customer) -> stamp -> transfer.apply(record, customer, stamp));
  }

  @Override
  public Either<Rejection, Seq<RecordRef>> repoint(Transaction tx, CustomerId from, CustomerId to,
      Supplier<EventStamp> stamps) {
    R records = repository.apply(tx);
    List<I> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<A>, IndexCursor> page = ofCustomer.apply(records, from, after);
      ids = ids.appendAll(page.items().map(v -> v.value().id()));
      after = page.next();
    } while (after.isDefined());
    return move(records, ids, to, stamps);
  }

  @Override
  public Either<Rejection, Seq<RecordRef>> restore(Transaction tx, Seq<RecordRef> records,
      CustomerId to, Supplier<EventStamp> stamps) {
    return move(repository.apply(tx), records.filter(r -> r.isA(kind))
        .map(r -> r.as(kind).get()).toList(), to, stamps);
  }

  private Either<Rejection, Seq<RecordRef>> move(R records, List<I> ids, CustomerId to,
      Supplier<EventStamp> stamps) {
    List<RecordRef> moved = List.empty();
    for (I id : ids) {
      Either<UpdateFailure, Versioned<A>> done =
          records.update(id, record -> transfer.apply(record, to).apply(stamps.get()));
      if (done.isLeft()) {
        return Either.left(done.getLeft());
      }
      moved = moved.append(RecordRef.to(id));
    }
    return Either.right(moved);
  }
}
