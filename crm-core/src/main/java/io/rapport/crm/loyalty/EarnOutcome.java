package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.collection.Seq;

/**
 * Tells what an activity earns under a program, and why: the points each rule pays, the rules
 * that paid nothing, and what the activity counts towards tiers. Same program, activity, tier and
 * day's earnings give the same outcome. Immutable and thread-safe.
 *
 * @param awards the points paid, one per paying rule, in the program's rule order
 * @param skipped the rules that paid nothing, with the reason, in the program's rule order
 * @param spend the activity's net spend in the program's spend currency (zero for an occasion)
 * @param purchases 1 for a purchase, 0 for an occasion
 */
public record EarnOutcome(Seq<PointsAward> awards, Seq<SkippedRule> skipped, Money spend,
    long purchases) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public EarnOutcome {
    requireNonNull(awards, "awards");
    requireNonNull(skipped, "skipped");
    requireNonNull(spend, "spend");
    awards.forEach(value -> requireNonNull(value, "awards"));
    skipped.forEach(value -> requireNonNull(value, "skipped"));
  }
}
