package io.rapport.crm.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Appends audit entries inside a transaction of the store beneath the audited one. */
final class Recorder {

  private final JsonCodec codec;
  private final ConcurrentHashMap<Class<?>, String> eventNames = new ConcurrentHashMap<>();

  Recorder(JsonCodec codec) {
    this.codec = codec;
  }

  JsonCodec codec() {
    return codec;
  }

  /** Appends the entry of one change as the record's next entry, in the transaction. */
  <A> AuditEntry append(Transaction raw, AggregateType<?, ?> type, TypedId id, Option<A> before,
      Option<A> after, String command, ActorId actor, Instant at) {
    Repository<io.rapport.crm.kernel.EventId, AuditEntry> entries = raw.repository(AuditLog.TYPE);
    String key = AuditEntry.recordKey(type.name(), id.value());
    long sequence = entries.query(IndexQuery.of(AuditLog.BY_RECORD, key, 1).newestFirst()).items()
        .headOption().map(last -> last.value().sequence() + 1).getOrElse(1L);
    Seq<FieldChange> changes = JsonDocuments.diff(before.map(this::tree), after.map(this::tree));
    AuditEntry entry = new AuditEntry(AuditEntry.idOf(type.name(), id.value(), sequence),
        type.name(), id.value(), sequence, at, actor, command, changes, false);
    entries.save(entry, Version.NEW).getOrElseThrow(conflict -> new StorageException(
        "The audit entry " + sequence + " of " + type + " " + id + " was written concurrently: "
            + conflict.message()));
    return entry;
  }

  private JsonNode tree(Object aggregate) {
    return JsonDocuments.parse(codec.encode(aggregate));
  }

  /** Returns the command of an update: its events' JSON names joined by {@code +}. */
  String commandOf(Seq<? extends DomainEvent> events) {
    return events.isEmpty() ? "update" : events.map(this::nameOf).mkString("+");
  }

  private String nameOf(DomainEvent event) {
    return eventNames.computeIfAbsent(event.getClass(), type -> {
      try {
        return JsonDocuments.parse(codec.encodeDocument(event)).get("type").textValue();
      } catch (CodecException unregistered) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .toLowerCase(java.util.Locale.ROOT);
      }
    });
  }
}
