package io.rapport.crm.access;

import io.vavr.collection.Set;

/**
 * Masks the sensitive fields of one aggregate type, such as a customer's phone numbers or a price
 * book's costs: the masked value is visibly masked (a reader can always tell), and a change
 * written by someone who saw masked fields gets the stored values of those fields back, so a
 * masked value is never stored. Pure and thread-safe.
 *
 * @param <A> the aggregate type
 */
public interface FieldMasker<A> {

  /** Returns the names of the fields this masker can mask. */
  Set<String> fields();

  /**
   * Returns the aggregate with the given fields visibly masked.
   *
   * @param value the aggregate as stored
   * @param masked the fields to mask, a subset of {@link #fields()}
   * @return the masked copy
   */
  A mask(A value, Set<String> masked);

  /**
   * Returns a changed aggregate with the stored values of the masked fields put back.
   *
   * @param changed the aggregate a reader of the masked copy wants to save
   * @param stored the aggregate as stored
   * @param masked the fields the reader saw masked
   * @return what to save
   */
  A restore(A changed, A stored, Set<String> masked);
}
