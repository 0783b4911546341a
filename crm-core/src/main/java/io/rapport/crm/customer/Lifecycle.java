package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Holds a customer's lifecycle stage and every move that led there, oldest first. Moves are checked
 * against a {@link LifecyclePolicy}; a refused move changes nothing and names the allowed ones.
 * Immutable and thread-safe.
 *
 * @param history every move, oldest first, never empty; the last one's target is the stage
 */
public record Lifecycle(Seq<LifecycleChange> history) {

  /**
   * Checks the history: not empty, each move starting where the previous one ended, in time order.
   *
   * @throws NullPointerException if history or a change is null
   * @throws IllegalArgumentException if the history is empty or inconsistent
   */
  public Lifecycle {
    requireNonNull(history, "history");
    if (history.isEmpty() || history.head().from().isDefined()) {
      throw new IllegalArgumentException("A lifecycle starts with a first stage");
    }
    LifecycleChange previous = null;
    for (LifecycleChange change : history) {
      requireNonNull(change, "history element");
      if (previous != null && (!change.from().contains(previous.to()) || change.at().isBefore(previous.at()))) {
        throw new IllegalArgumentException("A lifecycle's moves must follow each other in time: "
            + previous + " then " + change);
      }
      previous = change;
    }
  }

  /**
   * Starts a lifecycle in a first stage.
   *
   * @param stage the first stage
   * @param at when
   * @param by who
   * @param reason why, possibly empty
   * @return the lifecycle
   */
  public static Lifecycle start(LifecycleStage stage, Instant at, ActorId by, String reason) {
    return new Lifecycle(List.of(new LifecycleChange(Option.none(), stage, at, by, reason)));
  }

  /** Returns the current stage. */
  public LifecycleStage stage() {
    return history.last().to();
  }

  /**
   * Moves to another stage if the policy allows it.
   *
   * @param to the next stage
   * @param at when, not before the last move
   * @param by who
   * @param reason why, possibly empty
   * @param policy the allowed moves
   * @return the new lifecycle, or why the move was refused (with the allowed stages)
   * @throws NullPointerException if an argument is null
   */
  public Either<LifecycleRejection, Lifecycle> moveTo(LifecycleStage to, Instant at, ActorId by,
      String reason, LifecyclePolicy policy) {
    requireNonNull(to, "to");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(reason, "reason");
    requireNonNull(policy, "policy");
    LifecycleStage from = stage();
    LifecycleRejection.Reason refusal = to == from ? LifecycleRejection.Reason.ALREADY_THERE
        : !policy.allows(from, to) ? LifecycleRejection.Reason.NOT_ALLOWED
        : at.isBefore(history.last().at()) ? LifecycleRejection.Reason.OUT_OF_ORDER
        : null;
    if (refusal != null) {
      return Either.left(new LifecycleRejection(refusal, from, to, policy.allowedFrom(from),
          history.last().at()));
    }
    return Either.right(new Lifecycle(history.append(
        new LifecycleChange(Option.of(from), to, at, by, reason))));
  }

  /**
   * Returns the stage the customer was in at a time, replaying the history.
   *
   * @param at the time
   * @return the stage, or empty before the lifecycle started
   */
  public Option<LifecycleStage> stageAt(Instant at) {
    requireNonNull(at, "at");
    return history.filter(change -> !change.at().isAfter(at)).lastOption().map(LifecycleChange::to);
  }
}
