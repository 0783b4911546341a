package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Tells a member what they need: to reach the next tier now (any one shortfall closed suffices),
 * and to keep their tier at the next evaluation. Immutable and thread-safe.
 *
 * @param tier the member's tier
 * @param nextTier the tier above, or empty at the top
 * @param toReachNext one shortfall per threshold of the next tier, over the current window; empty
 *     at the top
 * @param toKeep one shortfall per threshold of the member's tier, over the window the next
 *     evaluation looks at; empty for the base tier
 * @param nextEvaluation when the tier is next evaluated
 * @param notice a pending downgrade, or empty
 */
public record TierProjection(String tier, Option<String> nextTier, Seq<TierShortfall> toReachNext,
    Seq<TierShortfall> toKeep, Instant nextEvaluation, Option<TierNotice> notice) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public TierProjection {
    requireNonNull(tier, "tier");
    requireNonNull(nextTier, "nextTier");
    requireNonNull(toReachNext, "toReachNext");
    requireNonNull(toKeep, "toKeep");
    requireNonNull(nextEvaluation, "nextEvaluation");
    requireNonNull(notice, "notice");
    nextTier.forEach(value -> requireNonNull(value, "nextTier"));
    toReachNext.forEach(value -> requireNonNull(value, "toReachNext"));
    toKeep.forEach(value -> requireNonNull(value, "toKeep"));
    notice.forEach(value -> requireNonNull(value, "notice"));
  }

  /** Tells whether the member already qualifies to keep their tier at the next evaluation. */
  public boolean keepsTier() {
    return toKeep.isEmpty() || toKeep.exists(shortfall -> shortfall.missing().signum() == 0);
  }
}
