package io.rapport.crm.persistence.audit;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Reads and maintains the append-only audit trail that an {@link AuditedCrmStore} writes: a
 * record's history, the restore of an earlier field value as a new (audited) change, and the
 * scrub of personal values for erasure. There is no other way to change or remove an entry.
 * Implementations are thread-safe.
 */
public interface AuditLog {

  /** The index of entries by record (key {@code type/id}), ordered by sequence. */
  String BY_RECORD = "by_record";

  /** The aggregate type the entries are stored as, through the store itself. */
  AggregateType<EventId, AuditEntry> TYPE =
      AggregateType.of("audit_entry", AuditEntry.class, EventId.KIND)
          .withIndex(Index.sorted(BY_RECORD, entry -> List.of(new IndexEntry(
              AuditEntry.recordKey(entry.recordType(), entry.recordId()),
              AuditEntry.sequenceKey(entry.sequence())))));

  /**
   * Reads one page of a record's entries in the order their changes committed.
   *
   * @param type the record's aggregate type
   * @param id the record's id
   * @param after the sequence after which the page starts, or empty for the first page
   * @param limit the largest number of entries on the page, 1 to 10 000
   * @return the page; its next key is the last entry's sequence, empty on the last page
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the limit is out of range
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  Page<AuditEntry, Long> history(AggregateType<?, ?> type, TypedId id, Option<Long> after, int limit);

  /**
   * Writes a field's value from before an entry's change back into the record, as a new change
   * with the command {@code restore}, audited like any other, in one transaction.
   *
   * @param type the record's aggregate type
   * @param id the record's id
   * @param sequence the entry whose before-value to restore
   * @param path the field's path in that entry
   * @param actor who restores
   * @param at when
   * @param <I> the id type
   * @param <A> the aggregate type
   * @return the new entry, or why nothing changed: an {@link AuditRefusal}, or a
   *     {@link io.rapport.crm.persistence.VersionConflict} if the record kept changing
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  <I extends TypedId, A extends Aggregate<I>> Either<Rejection, AuditEntry> restore(
      AggregateType<I, A> type, I id, long sequence, String path, ActorId actor, Instant at);

  /**
   * Replaces every before and after value of a record's entries by {@link AuditEntry#SCRUBBED},
   * in a transaction of its own; for the erasure of personal data. Paths, actors, times and
   * commands stay.
   *
   * @param type the record's aggregate type
   * @param id the record's id
   * @return how many entries were scrubbed now (entries scrubbed before are not counted)
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  int scrub(AggregateType<?, ?> type, TypedId id);

  /**
   * Scrubs a record's entries as part of a transaction, such as the one that erases the record.
   *
   * @param transaction the transaction, of the audited store or of the store beneath it
   * @param type the record's aggregate type
   * @param id the record's id
   * @return how many entries were scrubbed
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  int scrub(Transaction transaction, AggregateType<?, ?> type, TypedId id);
}
