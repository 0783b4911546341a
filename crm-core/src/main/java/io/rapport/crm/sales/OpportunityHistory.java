package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * Reads an opportunity's history: how it stood at a past instant. Forecast snapshots, velocity
 * and slipped deals are computed from it.
 */
public final class OpportunityHistory {

  private OpportunityHistory() {}

  /**
   * Finds how an opportunity stood at an instant: the last history entry at or before it (its
   * stage, amount, probability, category and expected close after the latest change by then).
   *
   * @param opportunity the opportunity
   * @param at the instant
   * @return the entry in force at that instant, or empty if the opportunity was opened after it
   * @throws NullPointerException if an argument is null
   */
  public static Option<StageHistoryEntry> asOf(Opportunity opportunity, Instant at) {
    requireNonNull(opportunity, "opportunity");
    requireNonNull(at, "at");
    return Option.of(entryAt(opportunity, at));
  }

  /** Returns the entry in force at an instant, or null if the opportunity was opened after it. */
  static StageHistoryEntry entryAt(Opportunity opportunity, Instant at) {
    if (opportunity.createdAt().isAfter(at)) {
      return null;
    }
    if (!opportunity.updatedAt().isAfter(at)) {
      return opportunity.history().last();
    }
    StageHistoryEntry inForce = null;
    for (StageHistoryEntry entry : opportunity.history()) {
      if (entry.at().isAfter(at)) {
        break;
      }
      inForce = entry;
    }
    return inForce;
  }

  /**
   * Tells whether an opportunity was closed (won or lost) at an instant: it is closed now and
   * was closed at or before the instant. A deal reopened since is judged by its latest closing.
   *
   * @param opportunity the opportunity
   * @param at the instant
   * @return true if it was closed then
   * @throws NullPointerException if an argument is null
   */
  public static boolean closedAsOf(Opportunity opportunity, Instant at) {
    requireNonNull(opportunity, "opportunity");
    requireNonNull(at, "at");
    return opportunity.closedAt().isDefined() && !opportunity.closedAt().get().isAfter(at);
  }
}
