package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.RecordRef;
import io.vavr.collection.Map;
import java.time.Instant;

/**
 * Records what one activity counts towards tiers, or, with negative values, what a reversal (a
 * refund, a return, a clawback) takes back from the activity with the same source. A reversal
 * counts against its source retroactively: from the reversal's time on, the tiers are as if the
 * source had counted only the net amount. Immutable and thread-safe.
 *
 * @param at when the activity or the reversal happened
 * @param source the activity it counts for or reverses
 * @param points the points the activity earned per currency (negative in a reversal); tier
 *     thresholds read only the program's qualifying currencies; no zero value
 * @param spend net spend in the program's spend currency (negative in a reversal)
 * @param purchases purchases counted: 1 or 0, -1 when a reversal takes the purchase back
 * @param referrals completed referrals counted: 1 or 0, -1 when taken back
 * @param reversal whether it reverses an earlier entry with the same source
 */
public record QualifyingEntry(Instant at, RecordRef source, Map<PointCurrency, Long> points,
    Money spend, long purchases, long referrals, boolean reversal) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, a key or a value is null
   */
  public QualifyingEntry {
    requireNonNull(at, "at");
    requireNonNull(source, "source");
    requireNonNull(points, "points");
    requireNonNull(spend, "spend");
    points.forEach((currency, value) -> {
      requireNonNull(currency, "points");
      requireNonNull(value, "points");
    });
  }
}
