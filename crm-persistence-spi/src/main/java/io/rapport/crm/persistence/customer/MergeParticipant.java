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
}
