package io.rapport.crm.work;

import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;

/**
 * Names where an activity stands, and which statuses each one may move to.
 *
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>from</th><th>to</th><th>command</th></tr>
 *   <tr><td>{@code OPEN}</td><td>{@code IN_PROGRESS}, {@code DONE}, {@code CANCELLED}</td>
 *       <td>start, complete, cancel</td></tr>
 *   <tr><td>{@code IN_PROGRESS}</td><td>{@code DONE}, {@code CANCELLED}</td>
 *       <td>complete, cancel</td></tr>
 *   <tr><td>{@code DONE}</td><td>{@code OPEN}</td><td>reopen</td></tr>
 *   <tr><td>{@code CANCELLED}</td><td>{@code OPEN}</td><td>reopen</td></tr>
 * </table>
 */
public enum ActivityStatus {
  /** Waiting to be worked on. */
  OPEN,
  /** Being worked on. */
  IN_PROGRESS,
  /** Finished. */
  DONE,
  /** Called off, with a reason. */
  CANCELLED;

  /** Returns the statuses this one may move to, in the order of the table above. */
  public Set<ActivityStatus> allowedNext() {
    switch (this) {
      case OPEN:
        return LinkedHashSet.of(IN_PROGRESS, DONE, CANCELLED);
      case IN_PROGRESS:
        return LinkedHashSet.of(DONE, CANCELLED);
      default:
        return LinkedHashSet.of(OPEN);
    }
  }

  /**
   * Tells whether this status may move to another.
   *
   * @param next the status asked for
   * @return true if the table allows the move
   */
  public boolean mayMoveTo(ActivityStatus next) {
    return allowedNext().contains(java.util.Objects.requireNonNull(next, "next"));
  }

  /** Tells whether an activity in this status is still to be done: open or in progress. */
  public boolean isActive() {
    return this == OPEN || this == IN_PROGRESS;
  }

  /** Tells whether an activity in this status is closed: done or cancelled. */
  public boolean isClosed() {
    return !isActive();
  }
}
