package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import java.time.Period;

/**
 * Orders a program's tiers and says how members move between them. A member moves up as soon as
 * their activity in the current window reaches a higher tier; they move down only at an
 * evaluation, and only once the grace period after it has passed without them qualifying again.
 * Checked as part of its {@link LoyaltyProgram}. Immutable and thread-safe.
 *
 * @param tiers the tiers, lowest first; the first is the base tier every member starts in
 * @param window over which period activity counts and when tiers are evaluated
 * @param grace how long after an evaluation a member keeps a tier they no longer qualify for;
 *     zero or positive
 * @param downgrade how far a member falls
 */
public record TierLadder(Seq<Tier> tiers, TierWindow window, Period grace,
    DowngradePolicy downgrade) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a tier is null
   */
  public TierLadder {
    requireNonNull(tiers, "tiers");
    requireNonNull(window, "window");
    requireNonNull(grace, "grace");
    requireNonNull(downgrade, "downgrade");
    tiers.forEach(value -> requireNonNull(value, "tiers"));
  }
}
