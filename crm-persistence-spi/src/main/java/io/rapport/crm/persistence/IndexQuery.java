package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;

/**
 * Asks an {@link Index} for the aggregates filed under one key, in sort-key order (then by id),
 * optionally within a sort-key range, one page at a time. Domain ports build these for their
 * queries; adapters answer them. Immutable and thread-safe.
 *
 * @param index the index's name
 * @param key the key looked up
 * @param from the lowest sort key included, or empty for no bound
 * @param until the sort key at which the range ends, excluded, or empty for no bound
 * @param after where the previous page ended, or empty for the first page
 * @param limit the largest number of aggregates on the page, 1 to 10 000
 * @param descending whether to read from the highest sort key down (such as newest first)
 */
public record IndexQuery(String index, String key, Option<String> from, Option<String> until,
    Option<IndexCursor> after, int limit, boolean descending) {

  /** The largest page an index query returns. */
  public static final int MAX_LIMIT = 10_000;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the limit is out of range
   */
  public IndexQuery {
    requireNonNull(index, "index");
    requireNonNull(key, "key");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("A page holds 1 to " + MAX_LIMIT + " items, not " + limit);
    }
  }

  /**
   * Returns the first page of everything under a key, in ascending order.
   *
   * @param index the index's name
   * @param key the key
   * @param limit the page size
   * @return the query
   */
  public static IndexQuery of(String index, String key, int limit) {
    return new IndexQuery(index, key, Option.none(), Option.none(), Option.none(), limit, false);
  }

  /** Returns this query starting after a cursor (or from the start if empty). */
  public IndexQuery after(Option<IndexCursor> cursor) {
    return new IndexQuery(index, key, from, until, cursor, limit, descending);
  }

  /** Returns this query limited to sort keys in {@code [from, until)}; empty bounds are open. */
  public IndexQuery between(Option<String> from, Option<String> until) {
    return new IndexQuery(index, key, from, until, after, limit, descending);
  }

  /** Returns this query reading from the highest sort key down (newest first for times). */
  public IndexQuery newestFirst() {
    return new IndexQuery(index, key, from, until, after, limit, true);
  }

  /**
   * Returns whether an entry at this sort key and id belongs on a page of this query: under the
   * range and strictly beyond the cursor in the query's direction. Adapters may use it to filter.
   *
   * @param sortKey the entry's sort key
   * @param id the aggregate's id value
   * @return whether it qualifies
   */
  public boolean admits(String sortKey, String id) {
    if (from.exists(low -> sortKey.compareTo(low) < 0)
        || until.exists(high -> sortKey.compareTo(high) >= 0)) {
      return false;
    }
    if (after.isEmpty()) {
      return true;
    }
    int order = after.get().compareTo(sortKey, id);
    return descending ? order > 0 : order < 0;
  }
}
