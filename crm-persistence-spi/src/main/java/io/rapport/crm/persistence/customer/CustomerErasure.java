package io.rapport.crm.persistence.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerRejection;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Erases a stored customer (the right to be forgotten) in one transaction: the customer's personal
 * data ({@link Customer#erase}), the personal text of every interaction with them
 * ({@link Interaction#redact}), their snapshots in merge journals ({@link MergeJournal#erasing}),
 * and whatever the added {@link ErasureParticipant}s remove (leads, tickets, purchases, the audit
 * log: see {@code io.rapport.crm.persistence.privacy.ErasureParticipants}), with their events, all
 * or nothing. Non-personal facts stay for analytics. Erasing again changes nothing and succeeds.
 * Immutable and thread-safe.
 */
public final class CustomerErasure {

  private final CrmStore store;
  private final Seq<ErasureParticipant> participants;

  private CustomerErasure(CrmStore store, Seq<ErasureParticipant> participants) {
    this.store = store;
    this.participants = participants;
  }

  /**
   * Returns the erasure service of a store, erasing the customer, their interactions and their
   * merge journals.
   *
   * @param store the store
   * @return the service
   */
  public static CustomerErasure of(CrmStore store) {
    return new CustomerErasure(requireNonNull(store, "store"), List.empty());
  }

  /**
   * Returns this service with one more participant, run in the erasure's transaction after the
   * ones added before.
   *
   * @param participant the participant, such as the audit log's scrub
   * @return the service
   * @throws NullPointerException if participant is null
   */
  public CustomerErasure with(ErasureParticipant participant) {
    return new CustomerErasure(store,
        participants.append(requireNonNull(participant, "participant")));
  }

  /**
   * Erases a customer and redacts their records.
   *
   * @param customer the customer's id
   * @param schema the attribute schema, saying which attributes are personal
   * @param stamp the erasure's event id (further events take {@code stamp.next(n)}), time and actor
   * @return the erased customer, or why nothing changed ({@code customer.not_found}, a version
   *     conflict, a participant's refusal)
   */
  public Either<Rejection, Customer> erase(CustomerId customer, AttributeSchema schema,
      EventStamp stamp) {
    requireNonNull(customer, "customer");
    requireNonNull(schema, "schema");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      CustomerRepository customers = CustomerRepository.in(tx);
      Option<Versioned<Customer>> found = customers.find(customer);
      if (found.isEmpty()) {
        return Either.left(CustomerRejection.of(CustomerRejection.Reason.NOT_FOUND, customer,
            "No customer " + customer + " is stored"));
      }
      Customer before = found.get().value();
      Transition<Customer> erased = before.erase(schema, stamp);
      if (!erased.events().isEmpty()) {
        Either<UpdateFailure, Versioned<Customer>> saved =
            customers.update(customer, current -> Either.right(erased));
        if (saved.isLeft()) {
          return Either.left(saved.getLeft());
        }
      }
      AtomicInteger next = new AtomicInteger(1);
      Supplier<EventStamp> stamps = () -> stamp.next(next.getAndIncrement());
      Either<Rejection, Seq<RecordRef>> done = redactInteractions(tx, customer, stamps)
          .flatMap(ok -> eraseJournals(tx, customer, schema, stamp));
      for (ErasureParticipant participant : participants) {
        if (done.isLeft()) {
          break;
        }
        done = participant.erase(tx, before, schema, stamps);
        requireNonNull(done, "participant answer");
      }
      return done.map(ok -> erased.state());
    });
  }

  private static Either<Rejection, Seq<RecordRef>> redactInteractions(Transaction tx,
      CustomerId customer, Supplier<EventStamp> stamps) {
    InteractionRepository interactions = InteractionRepository.in(tx);
    List<InteractionId> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Interaction>, IndexCursor> page = interactions.ofCustomer(customer, after, 1000);
      ids = ids.appendAll(page.items().filter(v -> !v.value().erased()).map(v -> v.value().id()));
      after = page.next();
    } while (after.isDefined());
    for (InteractionId id : ids) {
      Either<UpdateFailure, Versioned<Interaction>> redacted =
          interactions.update(id, interaction -> interaction.redact(stamps.get()));
      if (redacted.isLeft()) {
        return Either.left(redacted.getLeft());
      }
    }
    return Either.right(ids.map(RecordRef::to));
  }

  private static Either<Rejection, Seq<RecordRef>> eraseJournals(Transaction tx,
      CustomerId customer, AttributeSchema schema, EventStamp stamp) {
    MergeJournalRepository journals = MergeJournalRepository.in(tx);
    List<RecordRef> changed = List.empty();
    for (Versioned<MergeJournal> journal : journals.of(customer)) {
      MergeJournal scrubbed = journal.value().erasing(customer, schema, stamp);
      if (scrubbed != journal.value()) {
        Either<VersionConflict, Version> saved = journals.save(scrubbed, journal.version());
        if (saved.isLeft()) {
          return Either.left(saved.getLeft());
        }
        changed = changed.append(RecordRef.to(scrubbed.id()));
      }
    }
    return Either.right(changed);
  }
}
