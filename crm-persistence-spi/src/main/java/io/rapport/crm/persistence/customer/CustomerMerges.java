package io.rapport.crm.persistence.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerMerge;
import io.rapport.crm.customer.CustomerRejection;
import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Merges two stored customers and undoes merges, each in one transaction: both customers, every
 * re-pointed related record, the events and the {@link MergeJournal} are written together or not at
 * all. Related records are moved by {@link MergeParticipant}s: interactions always, plus whatever
 * the host adds (activities, and later opportunities, tickets, loyalty accounts, purchases).
 * Immutable and thread-safe.
 */
public final class CustomerMerges {

  private final CrmStore store;
  private final Seq<MergeParticipant> participants;

  private CustomerMerges(CrmStore store, Seq<MergeParticipant> participants) {
    this.store = store;
    this.participants = participants;
  }

  /**
   * Returns the merge service of a store, moving interactions and activities with their customer.
   *
   * @param store the store
   * @return the service
   */
  public static CustomerMerges of(CrmStore store) {
    return new CustomerMerges(requireNonNull(store, "store"),
        List.of(new InteractionsFollowMerges(), new ActivitiesFollowMerges()));
  }

  /**
   * Returns this service with one more kind of related record to move.
   *
   * @param participant moves one kind of record
   * @return the service
   */
  public CustomerMerges with(MergeParticipant participant) {
    return new CustomerMerges(store, participants.append(requireNonNull(participant, "participant")));
  }

  /**
   * Merges one customer into another and re-points their related records.
   *
   * @param survivor the customer that stays
   * @param absorbed the customer merged into it
   * @param rules how to choose single-valued fields
   * @param stamp the merge's event id (also the journal's id; further events take
   *     {@code stamp.next(n)}), time and actor
   * @return the journal, or why nothing changed: {@code customer.not_found}, the refusals of
   *     {@link CustomerMerge#merge}, a participant's refusal, or a version conflict
   */
  public Either<Rejection, MergeJournal> merge(CustomerId survivor, CustomerId absorbed,
      Survivorship rules, EventStamp stamp) {
    requireNonNull(survivor, "survivor");
    requireNonNull(absorbed, "absorbed");
    requireNonNull(rules, "rules");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      CustomerRepository customers = CustomerRepository.in(tx);
      Option<Versioned<Customer>> kept = customers.find(survivor);
      Option<Versioned<Customer>> gone = customers.find(absorbed);
      if (kept.isEmpty() || gone.isEmpty()) {
        CustomerId missing = kept.isEmpty() ? survivor : absorbed;
        return Either.left(CustomerRejection.of(CustomerRejection.Reason.NOT_FOUND, missing,
            "No customer " + missing + " is stored"));
      }
      Either<CustomerRejection, CustomerMerge.Outcome> outcome =
          CustomerMerge.merge(kept.get().value(), gone.get().value(), rules, stamp);
      if (outcome.isLeft()) {
        return Either.left(outcome.getLeft());
      }
      Either<Rejection, Boolean> saved = save(tx, outcome.get().survivor(), kept.get().version())
          .flatMap(ok -> save(tx, outcome.get().absorbed(), gone.get().version()));
      if (saved.isLeft()) {
        return Either.left(saved.getLeft());
      }
      Supplier<EventStamp> stamps = stamps(stamp);
      List<RecordRef> moved = List.empty();
      for (MergeParticipant participant : participants) {
        Either<Rejection, Seq<RecordRef>> repointed =
            participant.repoint(tx, absorbed, survivor, stamps);
        if (repointed.isLeft()) {
          return Either.left(repointed.getLeft());
        }
        moved = moved.appendAll(repointed.get());
      }
      MergeJournal journal = outcome.get().journal().withRepointed(moved);
      Either<VersionConflict, Version> written =
          MergeJournalRepository.in(tx).save(journal, Version.NEW);
      return written.<Rejection>mapLeft(conflict -> conflict).map(version -> journal);
    });
  }

  /**
   * Undoes a merge exactly: both customers return to their state before it and every re-pointed
   * record moves back. Refused, with nothing changed, if a customer or a moved record changed since.
   *
   * @param merge the merge's event id (the journal's id)
   * @param stamp the undo's event id (further events take {@code stamp.next(n)}), time and actor
   * @return the journal marked undone, or why nothing changed
   */
  public Either<Rejection, MergeJournal> undo(EventId merge, EventStamp stamp) {
    requireNonNull(merge, "merge");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      MergeJournalRepository journals = MergeJournalRepository.in(tx);
      Option<Versioned<MergeJournal>> found = journals.find(merge);
      if (found.isEmpty()) {
        return Either.left(CustomerRejection.of(CustomerRejection.Reason.NOT_FOUND,
            CustomerId.parse("unknown"), "No merge " + merge + " is recorded"));
      }
      MergeJournal journal = found.get().value();
      CustomerRepository customers = CustomerRepository.in(tx);
      Option<Versioned<Customer>> kept = customers.find(journal.survivor());
      Option<Versioned<Customer>> gone = customers.find(journal.absorbed());
      if (kept.isEmpty() || gone.isEmpty()) {
        return Either.left(CustomerRejection.of(CustomerRejection.Reason.UNDO_CHANGED,
            journal.survivor(), "A customer of this merge was erased from storage since"));
      }
      Either<CustomerRejection, Seq<Transition<Customer>>> restored = CustomerMerge.undo(journal,
          kept.get().value(), gone.get().value(), stamp);
      if (restored.isLeft()) {
        return Either.left(restored.getLeft());
      }
      Either<Rejection, Boolean> saved = save(tx, restored.get().get(0), kept.get().version())
          .flatMap(ok -> save(tx, restored.get().get(1), gone.get().version()));
      if (saved.isLeft()) {
        return Either.left(saved.getLeft());
      }
      Supplier<EventStamp> stamps = stamps(stamp);
      for (MergeParticipant participant : participants) {
        Either<Rejection, Seq<RecordRef>> back =
            participant.restore(tx, journal.repointed(), journal.absorbed(), stamps);
        if (back.isLeft()) {
          return Either.left(back.getLeft());
        }
      }
      MergeJournal undone = journal.undone(stamp.at());
      return journals.save(undone, found.get().version())
          .<Rejection>mapLeft(conflict -> conflict).map(version -> undone);
    });
  }

  private static Supplier<EventStamp> stamps(EventStamp stamp) {
    AtomicInteger next = new AtomicInteger(1);
    return () -> stamp.next(next.incrementAndGet());
  }

  private static Either<Rejection, Boolean> save(Transaction tx, Transition<Customer> transition,
      Version expected) {
    Either<VersionConflict, Version> saved =
        CustomerRepository.in(tx).save(transition.state(), expected);
    if (saved.isLeft()) {
      return Either.left(saved.getLeft());
    }
    tx.publish(transition.events());
    return Either.right(true);
  }
}
