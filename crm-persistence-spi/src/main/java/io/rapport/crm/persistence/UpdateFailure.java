package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.vavr.control.Option;

/**
 * Reports why {@code update} changed nothing: the aggregate does not exist, the command refused,
 * or every attempt met a concurrent change. Immutable and thread-safe.
 *
 * @param reason why nothing changed
 * @param id the aggregate's id
 * @param rejection the command's own rejection, when the reason is {@link Reason#REJECTED}
 * @param attempts how many attempts were made
 */
public record UpdateFailure(Reason reason, TypedId id, Option<Rejection> rejection, int attempts)
    implements Rejection {

  /** Names why an update changed nothing. */
  public enum Reason {
    /** No aggregate with that id is stored. */
    NOT_FOUND,
    /** The command refused; see {@link UpdateFailure#rejection()}. */
    REJECTED,
    /** Every attempt met a concurrent change; retrying later may succeed. */
    CONFLICT
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public UpdateFailure {
    requireNonNull(reason, "reason");
    requireNonNull(id, "id");
    requireNonNull(rejection, "rejection");
  }

  /** Returns {@code storage.update.not_found}, {@code .rejected} or {@code .conflict}. */
  @Override
  public String code() {
    return "storage.update." + reason.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String message() {
    switch (reason) {
      case NOT_FOUND:
        return "No aggregate " + id;
      case REJECTED:
        return "The command on " + id + " was refused: " + rejection.map(Rejection::message).getOrElse("");
      default:
        return id + " kept changing concurrently; gave up after " + attempts + " attempts";
    }
  }
}
