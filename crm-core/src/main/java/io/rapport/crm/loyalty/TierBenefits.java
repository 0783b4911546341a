package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.math.BigDecimal;

/**
 * Lists what a tier gives its members, for the pricing and service rules to read: a discount, a
 * points multiplier, a service priority and named perks. Checked as part of its
 * {@link LoyaltyProgram}. Immutable and thread-safe.
 *
 * @param discount the member discount, 0 to 100 %
 * @param pointsMultiplier what earn rules marked {@link EarnRule#tierMultiplied tier multiplied}
 *     multiply their points by, at least 1
 * @param servicePriority the priority the member's service tickets get, or empty for the default
 * @param perks named perks such as {@code free-delivery}, for the host to honour
 */
public record TierBenefits(Percentage discount, BigDecimal pointsMultiplier,
    Option<Priority> servicePriority, Set<String> perks) {

  /** No discount, a multiplier of 1, the default priority and no perks. */
  public static final TierBenefits NONE = new TierBenefits(Percentage.ZERO, BigDecimal.ONE,
      Option.none(), HashSet.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or the priority is null
   */
  public TierBenefits {
    requireNonNull(discount, "discount");
    requireNonNull(pointsMultiplier, "pointsMultiplier");
    requireNonNull(servicePriority, "servicePriority");
    requireNonNull(perks, "perks");
    servicePriority.forEach(value -> requireNonNull(value, "servicePriority"));
    perks.forEach(value -> requireNonNull(value, "perks"));
  }
}
