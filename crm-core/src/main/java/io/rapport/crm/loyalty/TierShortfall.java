package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Tells how far a member is from one threshold: what they reached in the window and what is
 * missing (zero once reached). Points, purchases and referrals are whole numbers; spend is in the
 * program's spend currency. Immutable and thread-safe.
 *
 * @param threshold the threshold
 * @param reached what the member reached in the window
 * @param missing what is still needed, zero or positive
 */
public record TierShortfall(TierThreshold threshold, BigDecimal reached, BigDecimal missing) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TierShortfall {
    requireNonNull(threshold, "threshold");
    requireNonNull(reached, "reached");
    requireNonNull(missing, "missing");
  }
}
