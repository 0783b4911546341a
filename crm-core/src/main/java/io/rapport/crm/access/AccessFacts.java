package io.rapport.crm.access;

/**
 * Reads the {@link RecordFacts} of one aggregate type from an aggregate: its id and owners.
 * Pure and thread-safe.
 *
 * @param <A> the aggregate type
 */
@FunctionalInterface
public interface AccessFacts<A> {

  /**
   * Returns what an access policy needs to know about an aggregate.
   *
   * @param aggregate the aggregate
   * @return its facts
   */
  RecordFacts of(A aggregate);
}
