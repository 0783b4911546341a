package io.rapport.crm.access;

/**
 * Reads the {@link RecordFacts} of one aggregate type from an aggregate: its id and owners.
 * Pure and thread-safe. A store decorator asks it for every record it reads, so it should only
 * pick fields: {@code customer -> RecordFacts.of("customer", customer, customer.owner(),
 * customer.team())} reads the id only if the policy asks for it.
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
