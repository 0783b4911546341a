package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Map;
import io.vavr.collection.Seq;

/**
 * Tells a member where they stand: what they need for the next tier and to keep theirs, the
 * points they can use now, and which points expire when. Immutable and thread-safe.
 *
 * @param tier the tier projection
 * @param available the points usable now, per currency of the program
 * @param expiring the points that will expire, soonest first
 */
public record MemberProjection(TierProjection tier, Map<PointCurrency, Long> available,
    Seq<ExpiringPoints> expiring) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, a key, a value or an element is null
   */
  public MemberProjection {
    requireNonNull(tier, "tier");
    requireNonNull(available, "available");
    requireNonNull(expiring, "expiring");
    available.forEach((key, value) -> {
      requireNonNull(key, "available");
      requireNonNull(value, "available");
    });
    expiring.forEach(value -> requireNonNull(value, "expiring"));
  }
}
