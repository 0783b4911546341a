package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that a done or cancelled activity was opened again. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param from the status it was in: done or cancelled
 */
public record ActivityReopened(EventStamp stamp, ActivityId activityId, ActivityStatus from)
    implements ActivityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityReopened {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(from, "from");
  }
}
