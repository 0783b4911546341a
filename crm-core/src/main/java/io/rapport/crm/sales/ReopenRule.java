package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;
import java.time.Duration;

/**
 * Allows closed opportunities of a kind (won or lost) to be reopened into an open stage, possibly
 * only within a time after closing. Immutable and thread-safe.
 *
 * @param from the closed kind this rule reopens: {@link StageKind#WON} or {@link StageKind#LOST}
 * @param within how long after closing reopening is allowed, or empty for any time
 * @param to the open stage a reopened deal enters
 */
public record ReopenRule(StageKind from, Option<Duration> within, StageCode to) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ReopenRule {
    requireNonNull(from, "from");
    requireNonNull(within, "within");
    requireNonNull(to, "to");
    within.forEach(value -> requireNonNull(value, "within"));
  }
}
