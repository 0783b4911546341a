package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.IdKind;
import io.rapport.crm.kernel.TypedId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Describes one kind of aggregate to storage: a stable name (used for tables, JSON type names and
 * messages), its Java class and its id kind. Each aggregate issue defines its type as a constant,
 * such as {@code AggregateType.of("customer", Customer.class, CustomerId.KIND)}. Immutable and
 * thread-safe; equal by name.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public final class AggregateType<I extends TypedId, A extends Aggregate<I>> {

  private final String name;
  private final Class<A> javaType;
  private final IdKind<I> idKind;
  private final Seq<Index<? super A>> indexes;

  private AggregateType(String name, Class<A> javaType, IdKind<I> idKind,
      Seq<Index<? super A>> indexes) {
    this.name = name;
    this.javaType = javaType;
    this.idKind = idKind;
    this.indexes = indexes;
  }

  /**
   * Describes an aggregate type.
   *
   * @param name a stable name of lower-case letters, digits and underscores, such as
   *     {@code loyalty_account}
   * @param javaType the aggregate's class (for sealed state hierarchies, the sealed interface)
   * @param idKind the kind of its ids
   * @param <I> the id type
   * @param <A> the aggregate type
   * @return the type
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is not of that form
   */
  public static <I extends TypedId, A extends Aggregate<I>> AggregateType<I, A> of(
      String name, Class<A> javaType, IdKind<I> idKind) {
    requireNonNull(name, "name");
    requireNonNull(javaType, "javaType");
    requireNonNull(idKind, "idKind");
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "An aggregate type name has lower-case letters, digits and underscores: " + name);
    }
    return new AggregateType<>(name, javaType, idKind, List.empty());
  }

  /**
   * Returns this type with one more secondary index, which every adapter maintains with the
   * aggregates and answers {@link Repository#query(IndexQuery)} from.
   *
   * @param index the index
   * @return the type with the index
   * @throws NullPointerException if index is null
   * @throws IllegalArgumentException if the type already has an index of that name
   */
  public AggregateType<I, A> withIndex(Index<? super A> index) {
    requireNonNull(index, "index");
    if (index(index.name()).isDefined()) {
      throw new IllegalArgumentException(name + " already has an index named " + index.name());
    }
    return new AggregateType<>(name, javaType, idKind, indexes.append(index));
  }

  /** Returns the secondary indexes, in the order they were declared. */
  public Seq<Index<? super A>> indexes() {
    return indexes;
  }

  /**
   * Finds a secondary index by name.
   *
   * @param indexName the name
   * @return the index, or empty
   */
  public Option<Index<? super A>> index(String indexName) {
    return indexes.find(index -> index.name().equals(indexName));
  }

  /** Returns the stable name. */
  public String name() {
    return name;
  }

  /** Returns the aggregate's class. */
  public Class<A> javaType() {
    return javaType;
  }

  /** Returns the kind of the aggregate's ids. */
  public IdKind<I> idKind() {
    return idKind;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AggregateType && name.equals(((AggregateType<?, ?>) other).name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
