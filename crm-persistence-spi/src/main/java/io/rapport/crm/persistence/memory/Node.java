package io.rapport.crm.persistence.memory;

import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;

/**
 * One committed version of one record, newest first in a chain. A tombstone ({@code value} null)
 * keeps the erased record's version counting, so a save that read an older life of the record
 * conflicts instead of overwriting a new one.
 */
final class Node {

  final long commit;
  final Versioned<?> value;
  final long version;
  final Node older;
  /** The value's secondary index entries by index name, or null (a tombstone, or no indexes). */
  final java.util.Map<String, java.util.Set<io.rapport.crm.persistence.IndexEntry>> entries;

  Node(long commit, Versioned<?> value, long version, Node older,
      java.util.Map<String, java.util.Set<io.rapport.crm.persistence.IndexEntry>> entries) {
    this.commit = commit;
    this.value = value;
    this.version = version;
    this.older = older;
    this.entries = entries;
  }

  /** Returns the version of this chain visible at a snapshot, or null if none is. */
  Node visibleAt(long snapshot) {
    Node node = this;
    while (node != null && node.commit > snapshot) {
      node = node.older;
    }
    return node;
  }

  /** Returns the version callers see: {@link Version#NEW} for a tombstone. */
  Version publicVersion() {
    return value == null ? Version.NEW : Version.of(version);
  }

  /**
   * Returns this chain without the versions no snapshot at or after {@code oldest} can see: every
   * version newer than {@code oldest}, and the newest one at or before it.
   */
  Node prunedFor(long oldest) {
    if (commit <= oldest) {
      return older == null ? this : new Node(commit, value, version, null, entries);
    }
    Node rest = older == null ? null : older.prunedFor(oldest);
    return rest == older ? this : new Node(commit, value, version, rest, entries);
  }
}
