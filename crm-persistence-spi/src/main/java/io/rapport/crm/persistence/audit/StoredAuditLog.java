package io.rapport.crm.persistence.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.json.CodecException;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/** The audit log kept as {@code audit_entry} aggregates in a store. */
final class StoredAuditLog implements AuditLog {

  private static final int SCRUB_PAGE = 500;

  private final CrmStore store;
  private final Recorder recorder;

  StoredAuditLog(CrmStore store, Recorder recorder) {
    this.store = store;
    this.recorder = recorder;
  }

  @Override
  public Page<AuditEntry, Long> history(AggregateType<?, ?> type, TypedId id, Option<Long> after,
      int limit) {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    requireNonNull(after, "after");
    return historyIn(store.repository(TYPE), type.name(), id.value(), after, limit);
  }

  private static Page<AuditEntry, Long> historyIn(Repository<EventId, AuditEntry> entries,
      String type, String id, Option<Long> after, int limit) {
    IndexQuery query = IndexQuery.of(BY_RECORD, AuditEntry.recordKey(type, id), limit)
        .after(after.map(sequence -> new IndexCursor(AuditEntry.sequenceKey(sequence),
            AuditEntry.idOf(type, id, sequence).value())));
    Page<Versioned<AuditEntry>, IndexCursor> page = entries.query(query);
    return new Page<>(page.items().map(Versioned::value),
        page.next().flatMap(cursor -> page.items().lastOption().map(last -> last.value().sequence())));
  }

  @Override
  public <I extends TypedId, A extends Aggregate<I>> Either<Rejection, AuditEntry> restore(
      AggregateType<I, A> type, I id, long sequence, String path, ActorId actor, Instant at) {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    requireNonNull(path, "path");
    requireNonNull(actor, "actor");
    requireNonNull(at, "at");
    Either<Rejection, AuditEntry> outcome = null;
    for (int attempt = 1; attempt <= AuditedCrmStore.MAX_ATTEMPTS; attempt++) {
      outcome = store.inTransaction(tx -> restoreIn(tx, type, id, sequence, path, actor, at));
      if (outcome.isRight() || !(outcome.getLeft() instanceof VersionConflict)) {
        return outcome;
      }
    }
    return outcome;
  }

  private <I extends TypedId, A extends Aggregate<I>> Either<Rejection, AuditEntry> restoreIn(
      Transaction tx, AggregateType<I, A> type, I id, long sequence, String path, ActorId actor,
      Instant at) {
    String typeName = type.name();
    Option<AuditEntry> entry = sequence < 1 ? Option.none()
        : tx.repository(TYPE).find(AuditEntry.idOf(typeName, id.value(), sequence))
            .map(Versioned::value);
    if (entry.isEmpty()) {
      return refuse(AuditRefusal.Reason.ENTRY_NOT_FOUND, type, id, sequence, path, "");
    }
    if (entry.get().scrubbed()) {
      return refuse(AuditRefusal.Reason.SCRUBBED, type, id, sequence, path, "");
    }
    Option<FieldChange> change = entry.get().changes().find(c -> c.path().equals(path));
    if (change.isEmpty()) {
      return refuse(AuditRefusal.Reason.PATH_NOT_CHANGED, type, id, sequence, path, "");
    }
    Repository<I, A> records = tx.repository(type);
    Option<Versioned<A>> current = records.find(id);
    if (current.isEmpty()) {
      return refuse(AuditRefusal.Reason.RECORD_ABSENT, type, id, sequence, path, "");
    }
    A restored;
    try {
      JsonNode document = JsonDocuments.parse(recorder.codec().encode(current.get().value()));
      JsonDocuments.put((ObjectNode) document, path, change.get().before());
      restored = recorder.codec().decode(document.toString(), type.javaType());
    } catch (CodecException | IllegalArgumentException | ClassCastException invalid) {
      return refuse(AuditRefusal.Reason.INVALID_VALUE, type, id, sequence, path,
          String.valueOf(invalid.getMessage()));
    }
    if (!restored.id().equals(id)) {
      return refuse(AuditRefusal.Reason.INVALID_VALUE, type, id, sequence, path,
          "the restored value would change the record's id");
    }
    AuditedRepository<I, A> audited = new AuditedRepository<>(tx, records, recorder, actor,
        () -> at);
    return audited.saveRecorded(restored, current.get().version(), "restore")
        .<Rejection>mapLeft(conflict -> conflict).map(saved -> saved._2);
  }

  private static <R> Either<Rejection, R> refuse(AuditRefusal.Reason reason,
      AggregateType<?, ?> type, TypedId id, long sequence, String path, String detail) {
    return Either.left(new AuditRefusal(reason, type.name(), id.value(), sequence, path, detail));
  }

  @Override
  public int scrub(AggregateType<?, ?> type, TypedId id) {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    for (int attempt = 1; ; attempt++) {
      Either<Rejection, Integer> outcome = store.inTransaction(tx ->
          Either.<Rejection, Integer>right(scrub(tx, type, id)));
      if (outcome.isRight()) {
        return outcome.get();
      }
      if (attempt == AuditedCrmStore.MAX_ATTEMPTS) {
        throw new StorageException("The audit entries of " + type + " " + id
            + " kept changing while they were scrubbed: " + outcome.getLeft().message());
      }
    }
  }

  @Override
  public int scrub(Transaction transaction, AggregateType<?, ?> type, TypedId id) {
    requireNonNull(transaction, "transaction");
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    Repository<EventId, AuditEntry> entries = AuditedCrmStore.rawOf(transaction).repository(TYPE);
    int scrubbed = 0;
    Option<Long> after = Option.none();
    do {
      Page<AuditEntry, Long> page = historyIn(entries, type.name(), id.value(), after, SCRUB_PAGE);
      for (AuditEntry entry : page.items().filter(e -> !e.scrubbed())) {
        Versioned<AuditEntry> stored = entries.find(entry.id()).getOrElseThrow(() ->
            new StorageException("The audit entry " + entry.id() + " vanished"));
        entries.save(entry.scrub(), stored.version()).getOrElseThrow(conflict ->
            new StorageException(conflict.message()));
        scrubbed++;
      }
      after = page.next();
    } while (after.isDefined());
    return scrubbed;
  }
}
