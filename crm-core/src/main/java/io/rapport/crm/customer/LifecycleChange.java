package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records one lifecycle move: from where (none for the first stage), to where, when, by whom and
 * why. Immutable and thread-safe.
 *
 * @param from the stage before, empty for the customer's first stage
 * @param to the stage after
 * @param at when
 * @param by who moved it (an employee, or the system for automatic moves)
 * @param reason why, possibly empty
 */
public record LifecycleChange(Option<LifecycleStage> from, LifecycleStage to, Instant at, ActorId by,
    String reason) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public LifecycleChange {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(reason, "reason");
  }

  /** Returns this move without its reason, as erasure keeps it, or itself if it has none. */
  LifecycleChange withoutReason() {
    return reason.isEmpty() ? this : new LifecycleChange(from, to, at, by, "");
  }
}
