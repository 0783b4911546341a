package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;

/**
 * Says what a member must reach within the tier window to hold a tier: qualifying points of a
 * currency, spend, purchases or referrals. A tier is reached when any one of its thresholds is.
 * Checked as part of its {@link LoyaltyProgram}. Immutable and thread-safe.
 */
public sealed interface TierThreshold permits TierThreshold.QualifyingPoints,
    TierThreshold.Spend, TierThreshold.Purchases, TierThreshold.Referrals {

  /**
   * At least {@code minimum} points of a qualifying currency earned in the window (less what was
   * clawed back). Immutable and thread-safe.
   *
   * @param currency a qualifying currency of the program
   * @param minimum the points, positive
   */
  record QualifyingPoints(PointCurrency currency, long minimum) implements TierThreshold {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if currency is null
     */
    public QualifyingPoints {
      requireNonNull(currency, "currency");
    }
  }

  /**
   * At least {@code minimum} net spend in the window (less refunds). Immutable and thread-safe.
   *
   * @param minimum the spend, positive, in the program's spend currency
   */
  record Spend(Money minimum) implements TierThreshold {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if minimum is null
     */
    public Spend {
      requireNonNull(minimum, "minimum");
    }
  }

  /**
   * At least {@code minimum} purchases in the window (a fully refunded purchase does not count).
   * Immutable and thread-safe.
   *
   * @param minimum the purchases, positive
   */
  record Purchases(long minimum) implements TierThreshold {}

  /**
   * At least {@code minimum} completed referrals in the window ("invite N friends"). Immutable
   * and thread-safe.
   *
   * @param minimum the referrals, positive
   */
  record Referrals(long minimum) implements TierThreshold {}
}
