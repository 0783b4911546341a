package io.rapport.crm.persistence.memory;

import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Versioned;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Holds the postings of every secondary index of one aggregate type. A posting stays while any
 * version a running snapshot can see still files it, so a reader never misses a record; readers
 * check each posting against the version they see, so a posting kept for an older snapshot never
 * shows a record under a key it left. Changed only under the store's commit lock.
 */
final class IndexTable {

  /** One aggregate filed under a key: ordered by sort key, then id. */
  record Posting(String sortKey, String id) implements Comparable<Posting> {
    @Override
    public int compareTo(Posting other) {
      int bySortKey = sortKey.compareTo(other.sortKey);
      return bySortKey != 0 ? bySortKey : id.compareTo(other.id);
    }
  }

  /** A posting that a commit made obsolete, to drop once no snapshot before that commit runs. */
  private record Obsolete(long commit, String index, IndexEntry entry, String id) {}

  private final AggregateType<?, ?> type;
  private final Map<String, ConcurrentHashMap<String, ConcurrentSkipListSet<Posting>>> postings =
      new HashMap<>();
  private final ArrayDeque<Obsolete> obsolete = new ArrayDeque<>();

  IndexTable(AggregateType<?, ?> type) {
    this.type = type;
    for (Index<?> index : type.indexes()) {
      postings.put(index.name(), new ConcurrentHashMap<>());
    }
  }

  /** Returns the entries of a value under every index, by index name; null for a tombstone. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Map<String, Set<IndexEntry>> entriesOf(Versioned<?> value) {
    if (value == null || type.indexes().isEmpty()) {
      return null;
    }
    Map<String, Set<IndexEntry>> entries = new HashMap<>();
    for (Index index : type.indexes()) {
      entries.put(index.name(), new HashSet<>(((Index<Object>) index).entriesOf(value.value())
          .toJavaList()));
    }
    return entries;
  }

  /**
   * Files a newly committed version and schedules the postings its predecessor had and it lacks
   * for removal.
   */
  void committed(long commit, String id, Map<String, Set<IndexEntry>> before,
      Map<String, Set<IndexEntry>> after) {
    if (after != null) {
      for (Map.Entry<String, Set<IndexEntry>> index : after.entrySet()) {
        ConcurrentHashMap<String, ConcurrentSkipListSet<Posting>> keys = postings.get(index.getKey());
        for (IndexEntry entry : index.getValue()) {
          keys.computeIfAbsent(entry.key(), key -> new ConcurrentSkipListSet<>())
              .add(new Posting(entry.sortKey(), id));
        }
      }
    }
    if (before != null) {
      for (Map.Entry<String, Set<IndexEntry>> index : before.entrySet()) {
        Set<IndexEntry> kept = after == null ? Collections.emptySet() : after.get(index.getKey());
        for (IndexEntry entry : index.getValue()) {
          if (!kept.contains(entry)) {
            obsolete.addLast(new Obsolete(commit, index.getKey(), entry, id));
          }
        }
      }
    }
  }

  /**
   * Drops obsolete postings that no running snapshot can need: those made obsolete at or before
   * the oldest running snapshot and filed by no version such a snapshot can see.
   */
  void prune(long oldest, Map<String, Node> records) {
    while (!obsolete.isEmpty() && obsolete.peekFirst().commit() <= oldest) {
      Obsolete item = obsolete.pollFirst();
      if (!stillFiled(records.get(item.id()), item, oldest)) {
        ConcurrentHashMap<String, ConcurrentSkipListSet<Posting>> keys = postings.get(item.index());
        ConcurrentSkipListSet<Posting> under = keys.get(item.entry().key());
        if (under != null) {
          under.remove(new Posting(item.entry().sortKey(), item.id()));
          if (under.isEmpty()) {
            keys.remove(item.entry().key(), under);
          }
        }
      }
    }
  }

  private static boolean stillFiled(Node head, Obsolete item, long oldest) {
    for (Node node = head; node != null; node = node.older) {
      if (node.entries != null && node.entries.get(item.index()).contains(item.entry())) {
        return true;
      }
      if (node.commit <= oldest) {
        return false;
      }
    }
    return false;
  }

  /** Returns the candidate postings of a query, in its order, before checking visibility. */
  NavigableSet<Posting> candidates(IndexQuery query) {
    ConcurrentSkipListSet<Posting> under = postings.get(query.index()).get(query.key());
    if (under == null) {
      return Collections.emptyNavigableSet();
    }
    NavigableSet<Posting> range = under;
    if (query.from().isDefined()) {
      range = range.tailSet(new Posting(query.from().get(), ""), true);
    }
    if (query.until().isDefined()) {
      range = range.headSet(new Posting(query.until().get(), ""), false);
    }
    if (query.after().isDefined()) {
      IndexCursor cursor = query.after().get();
      Posting at = new Posting(cursor.sortKey(), cursor.id());
      range = query.descending() ? range.headSet(at, false) : range.tailSet(at, false);
    }
    return query.descending() ? range.descendingSet() : range;
  }
}
