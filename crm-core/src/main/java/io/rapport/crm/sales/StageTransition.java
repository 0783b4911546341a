package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;

/**
 * Allows opportunities to move from one stage to another when every guard holds. Immutable and
 * thread-safe.
 *
 * @param from the stage moved from
 * @param to the stage moved to
 * @param guards the conditions to meet, possibly none
 */
public record StageTransition(StageCode from, StageCode to, Seq<StageGuard> guards) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a guard is null
   */
  public StageTransition {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(guards, "guards");
    guards.forEach(guard -> requireNonNull(guard, "guards element"));
  }
}
