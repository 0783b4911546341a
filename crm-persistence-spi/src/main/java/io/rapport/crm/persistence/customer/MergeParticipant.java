package io.rapport.crm.persistence.customer;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.Transaction;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.function.Supplier;

/**
 * Re-points one kind of related record when two customers merge, and moves them back when the merge
 * is undone: interactions, activities, and (as those aggregates arrive) opportunities, tickets,
 * loyalty accounts and purchases. {@link CustomerMerges} runs every participant in the merge's
 * transaction, so a refusal from any of them leaves nothing changed.
 */
public interface MergeParticipant {

  /**
   * Moves every record of this kind from the absorbed customer to the survivor.
   *
   * @param tx the merge's transaction
   * @param from the absorbed customer
   * @param to the survivor
   * @param stamps gives a fresh stamp for each event produced
   * @return the records moved, or why the merge must not happen
   */
  Either<Rejection, Seq<RecordRef>> repoint(Transaction tx, CustomerId from, CustomerId to,
      Supplier<EventStamp> stamps);

  /**
   * Moves records this participant re-pointed back to the absorbed customer.
   *
   * @param tx the undo's transaction
   * @param records the records the merge moved (of every kind: ignore the others)
   * @param to the absorbed customer they return to
   * @param stamps gives a fresh stamp for each event produced
   * @return the records moved back, or why the undo must not happen
   */
  Either<Rejection, Seq<RecordRef>> restore(Transaction tx, Seq<RecordRef> records, CustomerId to,
      Supplier<EventStamp> stamps);

  /**
   * Returns a participant that moves every record of one kind belonging to the merged customer to
   * the survivor, and back on undo, through the aggregate's own transfer command. Use it for the
   * host's own aggregates as Rapport does for opportunities, purchases and tickets.
   *
   * <pre>{@code
   * MergeParticipant tickets = MergeParticipant.following(TicketId.KIND, TicketRepository::in,
   *     (repo, customer, after) -> repo.ofCustomer(customer, after, 1000),
   *     (ticket, customer, stamp) -> ticket.transferTo(customer, stamp));
   * }</pre>
   *
   * @param kind the records' id kind
   * @param repository the records' typed port in a transaction
   * @param ofCustomer a page of a customer's records after a cursor
   * @param transfer the aggregate's command that moves a record to another customer
   * @param <I> the id type
   * @param <A> the aggregate type
   * @param <R> the typed port
   * @return the participant
   * @throws NullPointerException if an argument is null
   */
  static <I extends io.rapport.crm.kernel.TypedId, A extends io.rapport.crm.kernel.Aggregate<I>,
      R extends io.rapport.crm.persistence.ForwardingRepository<I, A>> MergeParticipant following(
      io.rapport.crm.kernel.IdKind<I> kind,
      java.util.function.Function<Transaction, R> repository,
      io.vavr.Function3<R, CustomerId, io.vavr.control.Option<io.rapport.crm.persistence.IndexCursor>,
          io.rapport.crm.persistence.Page<io.rapport.crm.persistence.Versioned<A>,
              io.rapport.crm.persistence.IndexCursor>> ofCustomer,
      io.vavr.Function3<A, CustomerId, EventStamp,
          ? extends Either<? extends Rejection, io.rapport.crm.kernel.Transition<A>>> transfer) {
    java.util.Objects.requireNonNull(kind, "kind");
    java.util.Objects.requireNonNull(repository, "repository");
    java.util.Objects.requireNonNull(ofCustomer, "ofCustomer");
    java.util.Objects.requireNonNull(transfer, "transfer");
    return RecordsFollowMerges.of(kind, repository, ofCustomer, transfer);
  }
}
