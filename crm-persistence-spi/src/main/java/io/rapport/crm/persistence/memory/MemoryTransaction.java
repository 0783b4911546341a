package io.rapport.crm.persistence.memory;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot of the store plus buffered writes and events, committed all at once. */
final class MemoryTransaction implements Transaction {

  /** A buffered write: the new value (null to erase) and the version it was based on. */
  static final class Write {
    final AggregateType<?, ?> type;
    final TypedId id;
    final Versioned<?> value;
    final long version;
    final long base;
    final boolean unconditional;

    Write(AggregateType<?, ?> type, TypedId id, Versioned<?> value, long version, long base,
        boolean unconditional) {
      this.type = type;
      this.id = id;
      this.value = value;
      this.version = version;
      this.base = base;
      this.unconditional = unconditional;
    }
  }

  final InMemoryCrmStore store;
  final long snapshot;
  final Map<String, TreeMap<String, Write>> writes = new LinkedHashMap<>();
  final List<DomainEvent> events = new ArrayList<>();
  private final Map<String, Repository<?, ?>> repositories = new HashMap<>();
  boolean open = true;

  MemoryTransaction(InMemoryCrmStore store, long snapshot) {
    this.store = store;
    this.snapshot = snapshot;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
      AggregateType<I, A> type) {
    requireNonNull(type, "type");
    store.register(type);
    return (Repository<I, A>) repositories.computeIfAbsent(type.name(),
        name -> new TransactionalRepository<>(this, type));
  }

  @Override
  public void publish(Iterable<? extends DomainEvent> published) {
    requireNonNull(published, "events");
    requireOpen();
    List<DomainEvent> checked = new ArrayList<>();
    for (DomainEvent event : published) {
      checked.add(requireNonNull(event, "events element"));
    }
    events.addAll(checked);
  }

  void requireOpen() {
    if (!open) {
      throw new IllegalStateException("This transaction has ended; start a new one");
    }
  }

  /** Returns the buffered write of a record, or null. */
  Write written(AggregateType<?, ?> type, TypedId id) {
    TreeMap<String, Write> table = writes.get(type.name());
    return table == null ? null : table.get(id.value());
  }

  /** Returns the committed version of a record visible to this transaction, or null. */
  Node committed(AggregateType<?, ?> type, TypedId id) {
    Node head = store.table(type).get(id.value());
    return head == null ? null : head.visibleAt(snapshot);
  }

  void write(Write write) {
    writes.computeIfAbsent(write.type.name(), name -> new TreeMap<>()).put(write.id.value(), write);
  }

  boolean isReadOnly() {
    return writes.isEmpty() && events.isEmpty();
  }

  static Version versionOf(Write write) {
    return write.value == null ? Version.NEW : Version.of(write.version);
  }
}
