package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Warns that one customer may be churning, with the reasons and the numbers behind them, so a
 * person can see why. Immutable and thread-safe.
 *
 * @param customer the customer's key
 * @param reasons why the customer is warned, at least one, in the order of {@link ChurnReason}
 * @param probabilityAlive the model's P(alive) for the customer
 * @param aliveThreshold the threshold P(alive) was compared with
 * @param sinceLastPurchase the time since the last purchase, {@code T − t_x}, in the summary's
 *     unit
 * @param meanGap the customer's mean time between purchases {@code t_x / x}, when they have
 *     enough repeat purchases for it to count
 * @param overdueFactor the factor k the mean gap was multiplied by
 */
public record ChurnWarning(String customer, Seq<ChurnReason> reasons, double probabilityAlive,
    double aliveThreshold, double sinceLastPurchase, Option<Double> meanGap,
    double overdueFactor) {

  /**
   * Checks that the parts are present.
   *
   * @throws NullPointerException when a part is null
   */
  public ChurnWarning {
    requireNonNull(customer, "customer");
    requireNonNull(reasons, "reasons");
    requireNonNull(meanGap, "meanGap");
  }

  /**
   * Explains the warning in one sentence per reason, with the numbers.
   *
   * @return the explanation, such as {@code "P(alive) 0.12 < 0.30; 40.0 since the last purchase
   *     > 2.0 × mean gap 8.0"}
   */
  public String explanation() {
    return reasons.map(reason -> reason == ChurnReason.LOW_PROBABILITY_ALIVE
        ? String.format(java.util.Locale.ROOT, "P(alive) %.2f < %.2f", probabilityAlive,
            aliveThreshold)
        : String.format(java.util.Locale.ROOT, "%.1f since the last purchase > %.1f × mean gap"
            + " %.1f", sinceLastPurchase, overdueFactor, meanGap.getOrElse(Double.NaN)))
        .mkString("; ");
  }
}
