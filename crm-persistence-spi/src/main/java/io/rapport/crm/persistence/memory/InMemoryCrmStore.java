package io.rapport.crm.persistence.memory;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.CustomerEvent;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.RedactableEvent;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.EventListener;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Stores aggregates in memory: the embedded default for tests, the demo and small hosts.
 * Thread-safe.
 *
 * <p>Each record keeps a short chain of committed versions, so a transaction reads a consistent
 * snapshot taken when it began (snapshot isolation) while others commit. Commits are serialised
 * and check, for every record written, that nobody committed it since the transaction read it
 * (first committer wins); a transaction that loses writes nothing and answers a
 * {@link VersionConflict}. Versions no running transaction can see are dropped at each commit, so
 * memory grows with the data, not with its history. Erased records leave a small tombstone that
 * keeps their version counting.
 *
 * <p>Committed events wait in an outbox and are delivered to listeners after commit, on the
 * committing thread, in commit order, at least once. A transaction that erases a customer
 * ({@link CustomerEvent.Erased}) replaces, as it commits, every pending event of a record it wrote
 * that carries personal text by the {@link RedactableEvent#redacted() redacted} event, keeping its
 * sequence and order.
 */
public final class InMemoryCrmStore implements CrmStore {

  /** How many attempts {@code update} makes by default before giving up on a busy aggregate. */
  public static final int DEFAULT_MAX_UPDATE_ATTEMPTS = 16;

  private final int maxUpdateAttempts;
  private final ReentrantLock commitLock = new ReentrantLock();
  private final ReentrantLock dispatchLock = new ReentrantLock();
  private final Map<String, ConcurrentSkipListMap<String, Node>> tables = new ConcurrentHashMap<>();
  private final Map<String, AggregateType<?, ?>> types = new ConcurrentHashMap<>();
  private final Map<String, IndexTable> indexes = new ConcurrentHashMap<>();
  private final TreeMap<Long, Integer> activeSnapshots = new TreeMap<>();
  private final ArrayDeque<OutboxEntry> outbox = new ArrayDeque<>();
  private final CopyOnWriteArrayList<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Repository<?, ?>> autoCommit = new ConcurrentHashMap<>();
  private volatile long visible;
  private long outboxSequence;
  private volatile boolean closed;

  private InMemoryCrmStore(int maxUpdateAttempts) {
    this.maxUpdateAttempts = maxUpdateAttempts;
  }

  /** Returns a new, empty store with default settings. */
  public static InMemoryCrmStore create() {
    return new InMemoryCrmStore(DEFAULT_MAX_UPDATE_ATTEMPTS);
  }

  /**
   * Returns a new, empty store whose {@code update} makes up to the given number of attempts.
   *
   * @param maxUpdateAttempts attempts per update, 1 to 1000
   * @return the store
   * @throws IllegalArgumentException if the number is out of range
   */
  public static InMemoryCrmStore withMaxUpdateAttempts(int maxUpdateAttempts) {
    if (maxUpdateAttempts < 1 || maxUpdateAttempts > 1000) {
      throw new IllegalArgumentException("Update attempts must be 1 to 1000: " + maxUpdateAttempts);
    }
    return new InMemoryCrmStore(maxUpdateAttempts);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
      AggregateType<I, A> type) {
    requireNonNull(type, "type");
    register(type);
    return (Repository<I, A>) autoCommit.computeIfAbsent(type.name(),
        name -> new AutoCommitRepository<>(this, type, maxUpdateAttempts));
  }

  @Override
  public <R> Either<Rejection, R> inTransaction(
      Function<? super Transaction, ? extends Either<? extends Rejection, ? extends R>> work) {
    requireNonNull(work, "work");
    requireNotClosed();
    MemoryTransaction tx = begin();
    boolean committed = false;
    try {
      Either<? extends Rejection, ? extends R> outcome =
          requireNonNull(work.apply(tx), "the transaction work's result");
      if (outcome.isLeft()) {
        return Either.left(outcome.getLeft());
      }
      Option<VersionConflict> conflict = commit(tx);
      if (conflict.isDefined()) {
        return Either.left(conflict.get());
      }
      committed = true;
      return Either.right(outcome.get());
    } finally {
      tx.open = false;
      if (!committed) {
        end(tx);
      } else if (!tx.events.isEmpty()) {
        dispatchPending();
      }
    }
  }

  @Override
  public <I extends TypedId, A extends Aggregate<I>> Stream<Versioned<A>> streamAll(
      AggregateType<I, A> type) {
    Repository<I, A> repository = repository(type);
    Spliterator<Versioned<A>> pages = new Spliterators.AbstractSpliterator<Versioned<A>>(
        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      private Option<I> after = Option.none();
      private java.util.Iterator<Versioned<A>> current = java.util.Collections.emptyIterator();
      private boolean last;

      @Override
      public boolean tryAdvance(java.util.function.Consumer<? super Versioned<A>> action) {
        while (!current.hasNext()) {
          if (last) {
            return false;
          }
          Page<Versioned<A>, I> page = repository.list(after, 1000);
          current = page.items().iterator();
          last = page.isLast();
          after = page.items().isEmpty() ? after : Option.of(page.items().last().value().id());
        }
        action.accept(current.next());
        return true;
      }
    };
    return StreamSupport.stream(pages, false);
  }

  @Override
  public void subscribe(EventListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
    dispatchPending();
  }

  @Override
  public int dispatchPending() {
    if (dispatchLock.isHeldByCurrentThread() || listeners.isEmpty()) {
      return 0; // a listener committed: the delivery loop already running will pick it up
    }
    dispatchLock.lock();
    try {
      int delivered = 0;
      while (true) {
        OutboxEntry entry;
        synchronized (outbox) {
          entry = outbox.peekFirst();
        }
        if (entry == null) {
          return delivered;
        }
        try {
          for (EventListener listener : listeners) {
            listener.on(entry);
          }
        } catch (RuntimeException failure) {
          return delivered; // stays pending; delivered again by the next dispatch
        }
        synchronized (outbox) {
          outbox.pollFirst();
        }
        delivered++;
      }
    } finally {
      dispatchLock.unlock();
    }
  }

  @Override
  public Seq<OutboxEntry> pendingEvents() {
    synchronized (outbox) {
      return List.ofAll(outbox);
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  void requireNotClosed() {
    if (closed) {
      throw new IllegalStateException("This store is closed");
    }
  }

  /** Checks that one name always means one aggregate class with the same indexes. */
  void register(AggregateType<?, ?> type) {
    AggregateType<?, ?> known = types.putIfAbsent(type.name(), type);
    AggregateType<?, ?> first = known == null ? type : known;
    indexes.computeIfAbsent(type.name(), name -> new IndexTable(first));
    if (known == null) {
      return;
    }
    if (known != type && !known.javaType().equals(type.javaType())) {
      throw new IllegalArgumentException("Aggregate type '" + type.name() + "' is already used for "
          + known.javaType().getName() + ", not " + type.javaType().getName());
    }
    if (known != type && !known.indexes().map(Object::toString)
        .equals(type.indexes().map(Object::toString))) {
      throw new IllegalArgumentException("Aggregate type '" + type.name()
          + "' is already used with the indexes " + known.indexes().mkString(", ") + ", not "
          + type.indexes().mkString(", "));
    }
  }

  /** Returns the index postings of a registered type. */
  IndexTable indexTable(AggregateType<?, ?> type) {
    IndexTable table = indexes.get(type.name());
    if (table == null) {
      register(type);
      table = indexes.get(type.name());
    }
    return table;
  }

  ConcurrentSkipListMap<String, Node> table(AggregateType<?, ?> type) {
    return tables.computeIfAbsent(type.name(), name -> new ConcurrentSkipListMap<>());
  }

  /** Returns the newest committed version of a record, without a snapshot: for single reads. */
  Node latest(AggregateType<?, ?> type, TypedId id) {
    ConcurrentSkipListMap<String, Node> table = tables.get(type.name());
    return table == null ? null : table.get(id.value());
  }

  private MemoryTransaction begin() {
    commitLock.lock();
    try {
      long snapshot = visible;
      activeSnapshots.merge(snapshot, 1, Integer::sum);
      return new MemoryTransaction(this, snapshot);
    } finally {
      commitLock.unlock();
    }
  }

  private void end(MemoryTransaction tx) {
    commitLock.lock();
    try {
      release(tx.snapshot);
    } finally {
      commitLock.unlock();
    }
  }

  private void release(long snapshot) {
    activeSnapshots.computeIfPresent(snapshot, (key, count) -> count == 1 ? null : count - 1);
  }

  /** Commits a transaction's writes and events at once, or reports the first conflict. */
  private Option<VersionConflict> commit(MemoryTransaction tx) {
    commitLock.lock();
    try {
      release(tx.snapshot);
      if (tx.isReadOnly()) {
        return Option.none();
      }
      for (TreeMap<String, MemoryTransaction.Write> table : tx.writes.values()) {
        for (MemoryTransaction.Write write : table.values()) {
          Node head = table(write.type).get(write.id.value());
          long stored = head == null ? 0 : head.version;
          if (!write.unconditional && stored != write.base) {
            return Option.of(new VersionConflict(write.type.name(), write.id,
                baseVersion(tx, write), head == null ? io.rapport.crm.persistence.Version.NEW
                    : head.publicVersion()));
          }
        }
      }
      long commit = visible + 1;
      long oldest = activeSnapshots.isEmpty() ? commit : activeSnapshots.firstKey();
      for (TreeMap<String, MemoryTransaction.Write> table : tx.writes.values()) {
        for (MemoryTransaction.Write write : table.values()) {
          ConcurrentSkipListMap<String, Node> stored = table(write.type);
          Node head = stored.get(write.id.value());
          long version = head == null ? write.version : Math.max(write.version, head.version + 1);
          Versioned<?> value = write.value == null ? null
              : version == write.version ? write.value
              : new Versioned<>(write.value.value(), io.rapport.crm.persistence.Version.of(version));
          IndexTable index = indexTable(write.type);
          java.util.Map<String, java.util.Set<io.rapport.crm.persistence.IndexEntry>> entries =
              index.entriesOf(value);
          stored.put(write.id.value(),
              new Node(commit, value, version,
                  head == null || oldest >= commit ? null : head.prunedFor(oldest), entries));
          index.committed(commit, write.id.value(), head == null ? null : head.entries, entries);
        }
      }
      for (TreeMap<String, MemoryTransaction.Write> table : tx.writes.values()) {
        AggregateType<?, ?> type = table.firstEntry().getValue().type;
        indexTable(type).prune(oldest, table(type));
      }
      synchronized (outbox) {
        if (tx.events.stream().anyMatch(event -> event instanceof CustomerEvent.Erased)) {
          redactPending(tx);
        }
        for (DomainEvent event : tx.events) {
          outbox.addLast(new OutboxEntry(++outboxSequence, event));
        }
      }
      visible = commit;
      return Option.none();
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Replaces every pending entry whose event is of a record the erasing transaction wrote and
   * carries personal text by its redacted event, in place: same sequence, same order. The caller
   * holds the outbox's monitor.
   */
  private void redactPending(MemoryTransaction tx) {
    java.util.Set<TypedId> written = new java.util.HashSet<>();
    for (TreeMap<String, MemoryTransaction.Write> table : tx.writes.values()) {
      for (MemoryTransaction.Write write : table.values()) {
        written.add(write.id);
      }
    }
    java.util.List<OutboxEntry> entries = new java.util.ArrayList<>(outbox);
    outbox.clear();
    for (OutboxEntry entry : entries) {
      DomainEvent event = entry.event();
      outbox.addLast(event instanceof RedactableEvent redactable
          && written.contains(event.aggregateId())
          ? new OutboxEntry(entry.sequence(), redactable.redacted()) : entry);
    }
  }

  private static io.rapport.crm.persistence.Version baseVersion(
      MemoryTransaction tx, MemoryTransaction.Write write) {
    Node seen = tx.committed(write.type, write.id);
    return seen == null ? io.rapport.crm.persistence.Version.NEW : seen.publicVersion();
  }
}
