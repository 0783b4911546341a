package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Records one move between tiers. Immutable and thread-safe.
 *
 * @param from the tier left
 * @param to the tier reached
 * @param at when
 * @param reason why
 */
public record TierChange(String from, String to, Instant at, TierChangeReason reason) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TierChange {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(at, "at");
    requireNonNull(reason, "reason");
  }
}
