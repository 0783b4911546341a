package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Records that an evaluation found a member below their tier: unless they qualify again first,
 * they move down when the grace period ends. Immutable and thread-safe.
 *
 * @param evaluatedAt the evaluation that found them below
 * @param effectiveAt when the downgrade takes effect: the evaluation plus the grace period
 */
public record TierNotice(Instant evaluatedAt, Instant effectiveAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TierNotice {
    requireNonNull(evaluatedAt, "evaluatedAt");
    requireNonNull(effectiveAt, "effectiveAt");
  }
}
