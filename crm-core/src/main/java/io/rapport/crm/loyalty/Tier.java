package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;

/**
 * Describes one rung of a program's {@link TierLadder}, such as silver or gold. The base tier has
 * no threshold; every other tier is reached when any of its thresholds is. Checked as part of its
 * {@link LoyaltyProgram}. Immutable and thread-safe.
 *
 * @param code the tier's code, unique in its program, such as {@code gold}: a lower-case letter or
 *     digit, then up to 63 lower-case letters, digits or {@code . _ -}
 * @param name a readable name, not blank
 * @param anyOf the thresholds, any one of which reaches the tier; empty only for the base tier
 * @param benefits what members of the tier get
 */
public record Tier(String code, String name, Seq<TierThreshold> anyOf, TierBenefits benefits) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a threshold is null
   */
  public Tier {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    requireNonNull(anyOf, "anyOf");
    requireNonNull(benefits, "benefits");
    anyOf.forEach(value -> requireNonNull(value, "anyOf"));
  }
}
