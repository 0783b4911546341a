package io.rapport.crm.persistence.customer;

import io.rapport.crm.customer.Interaction;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/** Moves a customer's interactions to the survivor of a merge, and back on undo. */
final class InteractionsFollowMerges implements MergeParticipant {

  @Override
  public Either<Rejection, Seq<RecordRef>> repoint(Transaction tx, CustomerId from, CustomerId to,
      Supplier<EventStamp> stamps) {
    InteractionRepository interactions = InteractionRepository.in(tx);
    List<InteractionId> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Interaction>, IndexCursor> page = interactions.ofCustomer(from, after, 1000);
      ids = ids.appendAll(page.items().map(v -> v.value().id()));
      after = page.next();
    } while (after.isDefined());
    List<RecordRef> moved = List.empty();
    for (InteractionId id : ids) {
      Either<UpdateFailure, Versioned<Interaction>> done =
          interactions.update(id, interaction -> interaction.moveTo(to, stamps.get()));
      if (done.isLeft()) {
        return Either.left(done.getLeft());
      }
      moved = moved.append(RecordRef.to(id));
    }
    return Either.right(moved);
  }

  @Override
  public Either<Rejection, Seq<RecordRef>> restore(Transaction tx, Seq<RecordRef> records,
      CustomerId to, Supplier<EventStamp> stamps) {
    InteractionRepository interactions = InteractionRepository.in(tx);
    List<RecordRef> moved = List.empty();
    for (RecordRef record : records.filter(r -> r.isA(InteractionId.KIND))) {
      InteractionId id = record.as(InteractionId.KIND).get();
      Either<UpdateFailure, Versioned<Interaction>> done = interactions.update(id,
          interaction -> interaction.previousCustomer().contains(to)
              ? interaction.moveBack(stamps.get())
              : Either.left(new MovedElsewhere(id, to)));
      if (done.isLeft()) {
        return Either.left(done.getLeft());
      }
      moved = moved.append(record);
    }
    return Either.right(moved);
  }

  /** Refuses to move back an interaction that was moved again since the merge. */
  record MovedElsewhere(InteractionId id, CustomerId expected) implements Rejection {
    @Override
    public String code() {
      return "customer.undo_changed";
    }

    @Override
    public String message() {
      return "Interaction " + id + " no longer came from " + expected + "; it moved again since";
    }
  }
}
