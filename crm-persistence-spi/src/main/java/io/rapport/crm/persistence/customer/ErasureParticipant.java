package io.rapport.crm.persistence.customer;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.persistence.Transaction;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.function.Supplier;

/**
 * Removes one kind of personal data when a customer is erased: leads, tickets, purchases, merge
 * journals, the audit log's values, or the host's own records. {@link CustomerErasure} runs every
 * participant in the erasure's transaction, after the customer itself, so a refusal from any of
 * them leaves nothing changed. A participant must be idempotent: erasing again changes nothing.
 */
@FunctionalInterface
public interface ErasureParticipant {

  /**
   * Removes this participant's personal data of a customer.
   *
   * @param tx the erasure's transaction
   * @param customer the customer as it was before this erasure (already erased when the erasure
   *     is repeated), so its contact values can still be looked up
   * @param schema the attribute schema, saying which attributes are personal
   * @param stamps gives a fresh stamp for each event or change produced
   * @return the records changed, or why the erasure must not happen
   */
  Either<Rejection, Seq<RecordRef>> erase(Transaction tx, Customer customer, AttributeSchema schema,
      Supplier<EventStamp> stamps);
}
