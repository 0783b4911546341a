package io.rapport.crm.kernel;

/**
 * Marks the root of a consistency boundary: a customer, a ticket, a loyalty account. Storage saves
 * and versions aggregates as a whole, by their id.
 *
 * @param <I> the aggregate's id type
 */
public interface Aggregate<I extends TypedId> {

  /** Returns the aggregate's id, which never changes. */
  I id();
}
