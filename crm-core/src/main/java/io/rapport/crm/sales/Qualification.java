package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.control.Option;
import java.time.LocalDate;

/**
 * Holds what is known to qualify a lead, in the classic budget, authority, need and timeline
 * shape; every part may still be unknown. Immutable and thread-safe.
 *
 * @param budget the budget the prospect has, or empty when unknown
 * @param decisionMaker whether the contact decides the purchase, or empty when unknown
 * @param need what they need, in their words, or empty
 * @param timeline by when they want to buy, or empty when unknown
 */
public record Qualification(Option<Money> budget, Option<Boolean> decisionMaker,
    Option<String> need, Option<LocalDate> timeline) {

  /** Nothing known yet. */
  public static final Qualification UNKNOWN =
      new Qualification(Option.none(), Option.none(), Option.none(), Option.none());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   */
  public Qualification {
    requireNonNull(budget, "budget");
    requireNonNull(decisionMaker, "decisionMaker");
    requireNonNull(need, "need");
    requireNonNull(timeline, "timeline");
    budget.forEach(value -> requireNonNull(value, "budget"));
    decisionMaker.forEach(value -> requireNonNull(value, "decisionMaker"));
    need.forEach(value -> requireNonNull(value, "need"));
    timeline.forEach(value -> requireNonNull(value, "timeline"));
  }
}
