package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Set;
import java.time.Instant;
import java.util.Locale;

/**
 * Refuses a lifecycle move and says what would be allowed. Immutable and thread-safe.
 *
 * @param reason why the move was refused
 * @param from the current stage
 * @param to the stage asked for
 * @param allowed the stages the current stage may move to
 * @param lastChangeAt when the last move happened (a move cannot be dated before it)
 */
public record LifecycleRejection(Reason reason, LifecycleStage from, LifecycleStage to,
    Set<LifecycleStage> allowed, Instant lastChangeAt) implements Rejection {

  /** Names why a move was refused. */
  public enum Reason {
    /** The policy does not allow this move; see {@link LifecycleRejection#allowed()}. */
    NOT_ALLOWED,
    /** The customer is already in that stage. */
    ALREADY_THERE,
    /** The move is dated before the last recorded move. */
    OUT_OF_ORDER
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public LifecycleRejection {
    requireNonNull(reason, "reason");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(allowed, "allowed");
    requireNonNull(lastChangeAt, "lastChangeAt");
  }

  /** Returns {@code customer.lifecycle.not_allowed}, {@code .already_there} or {@code .out_of_order}. */
  @Override
  public String code() {
    return "customer.lifecycle." + reason.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String message() {
    switch (reason) {
      case ALREADY_THERE:
        return "The customer is already " + to;
      case OUT_OF_ORDER:
        return "A move cannot be dated before the last one, at " + lastChangeAt;
      default:
        return "A customer cannot move from " + from + " to " + to + "; allowed: "
            + allowed.mkString(", ");
    }
  }
}
