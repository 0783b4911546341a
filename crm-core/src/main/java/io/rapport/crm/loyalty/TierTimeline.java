package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;

/**
 * Tells where a member's tier stands at some time and how it got there: the status, the tier
 * changes and the downgrade notices along the way, oldest first. Immutable and thread-safe.
 *
 * @param status the status at the time asked for
 * @param changes the tier changes over the period replayed, oldest first
 * @param notices the downgrade notices issued over the period replayed, oldest first
 */
public record TierTimeline(TierStatus status, Seq<TierChange> changes, Seq<TierNotice> notices) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public TierTimeline {
    requireNonNull(status, "status");
    requireNonNull(changes, "changes");
    requireNonNull(notices, "notices");
    changes.forEach(value -> requireNonNull(value, "changes"));
    notices.forEach(value -> requireNonNull(value, "notices"));
  }
}
