package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Allows opportunities to move from one stage to another when every guard holds. Immutable and
 * thread-safe.
 *
 * @param from the stage moved from
 * @param to the stage moved to, another than {@code from}
 * @param guards the conditions to meet, possibly none
 */
public record StageTransition(StageCode from, StageCode to, Seq<StageGuard> guards) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a guard is null
   * @throws InvalidValueException if it goes from a stage to itself
   *     ({@code stage_transition.same_stage})
   */
  public StageTransition {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(guards, "guards");
    guards.forEach(guard -> requireNonNull(guard, "guards element"));
    PipelineChecks.orThrow(problems(from, to));
  }

  /**
   * Returns a transition with guards.
   *
   * @param from the stage moved from
   * @param to the stage moved to
   * @param guards the conditions to meet
   * @return the transition
   * @throws NullPointerException if an argument or a guard is null
   * @throws InvalidValueException if from equals to
   */
  public static StageTransition of(StageCode from, StageCode to, StageGuard... guards) {
    return new StageTransition(from, to, List.of(requireNonNull(guards, "guards")));
  }

  /** Returns the problems of a transition's ends, with fields relative to it. */
  static List<Violation> problems(StageCode from, StageCode to) {
    if (from != null && from.equals(to)) {
      return List.of(Violation.of("stage_transition.same_stage", "to",
          "A transition leads to another stage than " + PipelineChecks.quote(from)));
    }
    return List.empty();
  }
}
