package io.rapport.crm.persistence.memory;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/** A repository taking part in one in-memory transaction. */
final class TransactionalRepository<I extends TypedId, A extends Aggregate<I>>
    implements Repository<I, A> {

  static final int MAX_PAGE = 10_000;

  private final MemoryTransaction tx;
  private final AggregateType<I, A> type;

  TransactionalRepository(MemoryTransaction tx, AggregateType<I, A> type) {
    this.tx = tx;
    this.type = type;
  }

  @Override
  public AggregateType<I, A> type() {
    return type;
  }

  @Override
  public Option<Versioned<A>> find(I id) {
    requireNonNull(id, "id");
    tx.requireOpen();
    MemoryTransaction.Write write = tx.written(type, id);
    if (write != null) {
      return Option.of(cast(write.value));
    }
    Node node = tx.committed(type, id);
    return node == null ? Option.none() : Option.of(cast(node.value));
  }

  @Override
  public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
    requireNonNull(aggregate, "aggregate");
    requireNonNull(expectedVersion, "expectedVersion");
    tx.requireOpen();
    I id = requireNonNull(aggregate.id(), "aggregate.id()");
    MemoryTransaction.Write write = tx.written(type, id);
    Node node = write != null ? null : tx.committed(type, id);
    Version current = write != null ? MemoryTransaction.versionOf(write)
        : node == null ? Version.NEW : node.publicVersion();
    if (!current.equals(expectedVersion)) {
      return Either.left(new VersionConflict(type.name(), id, expectedVersion, current));
    }
    long internal = write != null ? write.version : node == null ? 0 : node.version;
    long base = write != null ? write.base : internal;
    Version saved = Version.of(internal + 1);
    tx.write(new MemoryTransaction.Write(type, id, new Versioned<>(aggregate, saved),
        internal + 1, base, write != null && write.unconditional));
    return Either.right(saved);
  }

  @Override
  public boolean erase(I id) {
    requireNonNull(id, "id");
    tx.requireOpen();
    if (find(id).isEmpty()) {
      return false;
    }
    MemoryTransaction.Write write = tx.written(type, id);
    Node node = write != null ? null : tx.committed(type, id);
    long internal = write != null ? write.version : node.version;
    tx.write(new MemoryTransaction.Write(type, id, null, internal + 1,
        write != null ? write.base : internal, true));
    return true;
  }

  @Override
  public Either<UpdateFailure, Versioned<A>> update(
      I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
    requireNonNull(id, "id");
    requireNonNull(command, "command");
    Option<Versioned<A>> current = find(id);
    if (current.isEmpty()) {
      return Either.left(new UpdateFailure(UpdateFailure.Reason.NOT_FOUND, id, Option.none(), 1));
    }
    Either<? extends Rejection, Transition<A>> outcome =
        requireNonNull(command.apply(current.get().value()), "the command's result");
    if (outcome.isLeft()) {
      return Either.left(new UpdateFailure(UpdateFailure.Reason.REJECTED, id,
          Option.of(outcome.getLeft()), 1));
    }
    Transition<A> transition = outcome.get();
    if (!id.equals(transition.state().id())) {
      throw new IllegalStateException("A command on " + id + " returned the state of "
          + transition.state().id() + "; commands must not change an aggregate's id");
    }
    Either<VersionConflict, Version> saved = save(transition.state(), current.get().version());
    if (saved.isLeft()) {
      return Either.left(new UpdateFailure(UpdateFailure.Reason.CONFLICT, id, Option.none(), 1));
    }
    tx.publish(transition.events());
    return Either.right(new Versioned<>(transition.state(), saved.get()));
  }

  @Override
  public Page<Versioned<A>, I> list(Option<I> after, int limit) {
    requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " items, not " + limit);
    }
    tx.requireOpen();
    NavigableMap<String, Node> committed = store().table(type);
    TreeMap<String, MemoryTransaction.Write> own = tx.writes.get(type.name());
    if (after.isDefined()) {
      committed = committed.tailMap(after.get().value(), false);
      own = own == null ? null : new TreeMap<>(own.tailMap(after.get().value(), false));
    }
    Iterator<Map.Entry<String, Node>> stored = committed.entrySet().iterator();
    Iterator<Map.Entry<String, MemoryTransaction.Write>> mine =
        own == null ? java.util.Collections.emptyIterator() : own.entrySet().iterator();
    Map.Entry<String, Node> nextStored = stored.hasNext() ? stored.next() : null;
    Map.Entry<String, MemoryTransaction.Write> nextMine = mine.hasNext() ? mine.next() : null;
    List<Versioned<A>> items = List.empty();
    int count = 0;
    boolean more = false;
    while (nextStored != null || nextMine != null) {
      int order = nextStored == null ? 1 : nextMine == null ? -1
          : nextStored.getKey().compareTo(nextMine.getKey());
      Versioned<?> value;
      if (order < 0) {
        Node visible = nextStored.getValue().visibleAt(tx.snapshot);
        value = visible == null ? null : visible.value;
        nextStored = stored.hasNext() ? stored.next() : null;
      } else {
        value = nextMine.getValue().value;
        if (order == 0) {
          nextStored = stored.hasNext() ? stored.next() : null;
        }
        nextMine = mine.hasNext() ? mine.next() : null;
      }
      if (value == null) {
        continue;
      }
      if (count == limit) {
        more = true;
        break;
      }
      items = items.prepend(cast(value));
      count++;
    }
    items = items.reverse();
    Option<I> next = more ? Option.of(items.last().value().id()) : Option.none();
    return new Page<>(items, next);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Page<Versioned<A>, IndexCursor> query(IndexQuery query) {
    requireNonNull(query, "query");
    Index index = type.index(query.index()).getOrElseThrow(() -> new IllegalArgumentException(
        type.name() + " has no index named " + query.index() + "; it has: "
            + type.indexes().mkString(", ")));
    tx.requireOpen();
    int wanted = query.limit() + 1;
    java.util.List<Hit> hits = new java.util.ArrayList<>(Math.min(wanted, 64));
    IndexEntry probe;
    for (IndexTable.Posting posting : store().indexTable(type).candidates(query)) {
      if (hits.size() == wanted) {
        break;
      }
      if (tx.written(type, new PostingId(posting.id())) != null) {
        continue; // this transaction's own version decides, below
      }
      Node node = committedNode(posting.id());
      probe = new IndexEntry(query.key(), posting.sortKey());
      if (node != null && node.value != null && node.entries != null
          && node.entries.get(query.index()).contains(probe)) {
        hits.add(new Hit(posting.sortKey(), posting.id(), node.value));
      }
    }
    TreeMap<String, MemoryTransaction.Write> own = tx.writes.get(type.name());
    if (own != null) {
      for (MemoryTransaction.Write write : own.values()) {
        if (write.value == null) {
          continue;
        }
        for (Object each : index.entriesOf(write.value.value())) {
          IndexEntry entry = (IndexEntry) each;
          if (entry.key().equals(query.key()) && query.admits(entry.sortKey(), write.id.value())) {
            hits.add(new Hit(entry.sortKey(), write.id.value(), write.value));
          }
        }
      }
      java.util.Comparator<Hit> order = java.util.Comparator.comparing(Hit::sortKey)
          .thenComparing(Hit::id);
      hits.sort(query.descending() ? order.reversed() : order);
    }
    boolean more = hits.size() > query.limit();
    java.util.List<Hit> page = more ? hits.subList(0, query.limit()) : hits;
    List<Versioned<A>> items = List.ofAll(page).map(hit -> cast(hit.value()));
    Option<IndexCursor> next = more
        ? Option.of(new IndexCursor(page.get(page.size() - 1).sortKey(), page.get(page.size() - 1).id()))
        : Option.none();
    return new Page<>(items, next);
  }

  /** One record found under the queried key. */
  private record Hit(String sortKey, String id, Versioned<?> value) {}

  /** An id value to look up this transaction's writes by, whatever its kind. */
  private record PostingId(String value) implements TypedId {}

  private Node committedNode(String id) {
    Node head = store().table(type).get(id);
    return head == null ? null : head.visibleAt(tx.snapshot);
  }

  private InMemoryCrmStore store() {
    return tx.store;
  }

  @SuppressWarnings("unchecked")
  private Versioned<A> cast(Versioned<?> value) {
    return (Versioned<A>) value;
  }
}
