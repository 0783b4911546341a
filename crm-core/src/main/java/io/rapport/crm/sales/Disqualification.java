package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records why and when a lead was disqualified. Immutable and thread-safe.
 *
 * @param reason a stable reason code, such as {@code no_budget} or {@code spam}
 * @param note a note, or empty
 * @param at when it was disqualified
 * @param by who disqualified it
 */
public record Disqualification(String reason, Option<String> note, Instant at, ActorId by) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Disqualification {
    requireNonNull(reason, "reason");
    requireNonNull(note, "note");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    note.forEach(value -> requireNonNull(value, "note"));
  }
}
