package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

/**
 * Marks where a page of an index query ended: the sort key and id of its last aggregate. Pass it as
 * {@link IndexQuery#after()} to read the next page. Immutable and thread-safe.
 *
 * @param sortKey the last aggregate's sort key under the queried key
 * @param id the last aggregate's id value
 */
public record IndexCursor(String sortKey, String id) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public IndexCursor {
    requireNonNull(sortKey, "sortKey");
    requireNonNull(id, "id");
  }

  /** Compares an index position (sort key, then id) with this cursor's. */
  int compareTo(String otherSortKey, String otherId) {
    int bySortKey = sortKey.compareTo(otherSortKey);
    return bySortKey != 0 ? bySortKey : id.compareTo(otherId);
  }
}
