package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Holds one page of a keyset-paged query: the items in the query's stable order and, when more
 * may follow, the key to pass as {@code after} for the next page. Keyset paging never skips or
 * repeats an item that existed throughout, even while others are inserted. Immutable.
 *
 * @param items the items of this page, in order
 * @param next the key after which the next page starts; empty on the last page
 * @param <T> the item type
 * @param <K> the key type
 */
public record Page<T, K>(Seq<T> items, Option<K> next) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Page {
    requireNonNull(items, "items");
    requireNonNull(next, "next");
  }

  /** Returns whether this is the last page. */
  public boolean isLast() {
    return next.isEmpty();
  }
}
