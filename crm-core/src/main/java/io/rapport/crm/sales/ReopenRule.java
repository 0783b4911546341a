package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * Allows closed opportunities of a kind (won or lost) to be reopened into an open stage, possibly
 * only within a time after closing. Immutable and thread-safe.
 *
 * @param from the closed kind this rule reopens: {@link StageKind#WON} or {@link StageKind#LOST}
 * @param within how long after closing reopening is allowed, positive, or empty for any time
 * @param to the open stage a reopened deal enters
 */
public record ReopenRule(StageKind from, Option<Duration> within, StageCode to) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every broken rule: {@code reopen_rule.from.open} (a rule
   *     reopens won or lost deals), {@code reopen_rule.within.not_positive}
   */
  public ReopenRule {
    requireNonNull(from, "from");
    requireNonNull(within, "within");
    requireNonNull(to, "to");
    within.forEach(value -> requireNonNull(value, "within"));
    PipelineChecks.orThrow(problems(from, within.getOrNull()));
  }

  /**
   * Tells whether a deal closed at one instant may be reopened at another under this rule: always
   * without a window, otherwise when no more than the window has passed.
   *
   * @param closedAt when the deal closed
   * @param at when it would be reopened
   * @return true if the window allows it
   * @throws NullPointerException if an argument is null
   */
  public boolean allows(java.time.Instant closedAt, java.time.Instant at) {
    requireNonNull(closedAt, "closedAt");
    requireNonNull(at, "at");
    return within.isEmpty() || !at.isAfter(closedAt.plus(within.get()));
  }

  /** Returns the problems of a rule's parts, with fields relative to it. */
  static List<Violation> problems(StageKind from, Duration within) {
    List<Violation> problems = List.empty();
    if (from == StageKind.OPEN) {
      problems = problems.append(Violation.of("reopen_rule.from.open", "from",
          "A reopen rule reopens WON or LOST deals, not OPEN ones"));
    }
    if (within != null && (within.isNegative() || within.isZero())) {
      problems = problems.append(Violation.of("reopen_rule.within.not_positive", "within",
          "A reopen window is positive, but got " + within));
    }
    return problems;
  }
}
