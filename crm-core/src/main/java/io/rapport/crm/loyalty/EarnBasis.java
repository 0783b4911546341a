package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import java.math.RoundingMode;

/**
 * Says what an earn rule pays points for: money spent, units bought, or an occasion. Immutable and
 * thread-safe.
 */
public sealed interface EarnBasis permits EarnBasis.PerSpend, EarnBasis.PerUnit,
    EarnBasis.PerEvent {

  /**
   * Pays {@code points} for every {@code per} of eligible net spend, such as 1 point per CNY 10:
   * {@code points × spend / per}, rounded to whole points with {@code rounding}. Immutable and
   * thread-safe.
   *
   * @param points the points per step, positive (checked with the program)
   * @param per the spend that earns them, positive, in the program's spend currency
   * @param rounding how a fraction of a point is rounded; {@link RoundingMode#DOWN} is usual
   */
  record PerSpend(long points, Money per, RoundingMode rounding) implements EarnBasis {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PerSpend {
      requireNonNull(per, "per");
      requireNonNull(rounding, "rounding");
    }
  }

  /**
   * Pays {@code points} for every whole unit of an eligible line's quantity (fractions of a unit
   * earn nothing). Immutable and thread-safe.
   *
   * @param points the points per unit, positive (checked with the program)
   */
  record PerUnit(long points) implements EarnBasis {}

  /**
   * Pays {@code points} once for an occasion of a kind, such as registration or a review.
   * Immutable and thread-safe.
   *
   * @param kind the occasion
   * @param points the points, positive (checked with the program)
   */
  record PerEvent(LoyaltyEventKind kind, long points) implements EarnBasis {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if kind is null
     */
    public PerEvent {
      requireNonNull(kind, "kind");
    }
  }
}
