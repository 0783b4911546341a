package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.work.Priority;
import io.vavr.control.Option;

/**
 * Says which follow-up ticket a negative signal of one kind gets when its score lies at or below a
 * position on its scale: "an NPS answer of 3 or less opens a high-priority complaint for the
 * customer-care team". Immutable and thread-safe.
 *
 * @param kind the kind of signal matched
 * @param atOrBelow the highest position on the signal's scale matched (see
 *     {@link NegativeSignal#position()}), 0 to 100 %
 * @param priority the follow-up's priority
 * @param category the follow-up's category
 * @param team the team the follow-up goes to, or empty to leave it unassigned
 */
public record FollowUpRule(NegativeSignal.Kind kind, Percentage atOrBelow, Priority priority,
    TicketCategory category, Option<TeamId> team) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the team is null
   */
  public FollowUpRule {
    requireNonNull(kind, "kind");
    requireNonNull(atOrBelow, "atOrBelow");
    requireNonNull(priority, "priority");
    requireNonNull(category, "category");
    requireNonNull(team, "team");
    team.forEach(value -> requireNonNull(value, "team"));
  }

  /**
   * Tells whether this rule matches a signal: the same kind, and a position at or below the
   * threshold.
   *
   * @param signal the signal
   * @return true if it matches
   * @throws NullPointerException if signal is null
   */
  public boolean matches(NegativeSignal signal) {
    return signal.kind() == kind && signal.position().compareTo(atOrBelow.percent()) <= 0;
  }
}
