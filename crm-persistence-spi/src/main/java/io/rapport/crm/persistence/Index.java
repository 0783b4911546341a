package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Seq;
import java.util.function.Function;

/**
 * Declares a secondary index of one aggregate type: a name and a pure function from an aggregate
 * to its index entries. Each entry is a key (what a query looks up, such as an owner's id or a tag)
 * and a sort key (the order of the aggregates under that key, such as a due time). Every
 * repository query of a domain port is a lookup in one index, so an adapter that maintains the
 * declared indexes answers every query; adapters keep them in the same transaction as the
 * aggregate (for example as rows of an index table). Immutable and thread-safe.
 *
 * @param <A> the aggregate type
 */
public final class Index<A> {

  private final String name;
  private final Function<? super A, ? extends Iterable<IndexEntry>> entries;

  private Index(String name, Function<? super A, ? extends Iterable<IndexEntry>> entries) {
    this.name = name;
    this.entries = entries;
  }

  /**
   * Declares an index whose aggregates are ordered by id under each key, such as customers by tag.
   *
   * @param name lower-case letters, digits and underscores, unique within the aggregate type
   * @param keys the keys of an aggregate; possibly none
   * @param <A> the aggregate type
   * @return the index
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is malformed
   */
  public static <A> Index<A> byKey(String name, Function<? super A, ? extends Iterable<String>> keys) {
    requireNonNull(keys, "keys");
    return new Index<>(checkName(name),
        aggregate -> LinkedHashSet.ofAll(keys.apply(aggregate)).map(IndexEntry::of));
  }

  /**
   * Declares an index whose aggregates are ordered by a sort key under each key, such as a
   * customer's interactions by time.
   *
   * @param name lower-case letters, digits and underscores, unique within the aggregate type
   * @param entries the entries of an aggregate; possibly none
   * @param <A> the aggregate type
   * @return the index
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is malformed
   */
  public static <A> Index<A> sorted(String name,
      Function<? super A, ? extends Iterable<IndexEntry>> entries) {
    return new Index<>(checkName(name), requireNonNull(entries, "entries"));
  }

  /** Returns the index's name. */
  public String name() {
    return name;
  }

  /**
   * Returns the distinct entries of an aggregate.
   *
   * @param aggregate the aggregate
   * @return its entries, without repeats
   * @throws NullPointerException if aggregate is null or the index function returns a null entry
   */
  public Seq<IndexEntry> entriesOf(A aggregate) {
    requireNonNull(aggregate, "aggregate");
    LinkedHashSet<IndexEntry> distinct = LinkedHashSet.empty();
    for (IndexEntry entry : entries.apply(aggregate)) {
      distinct = distinct.add(requireNonNull(entry, "index entry of " + name));
    }
    return distinct.toList();
  }

  private static String checkName(String name) {
    requireNonNull(name, "name");
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "An index name has lower-case letters, digits and underscores: " + name);
    }
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
