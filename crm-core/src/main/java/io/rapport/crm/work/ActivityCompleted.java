package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that an activity was done. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 */
public record ActivityCompleted(EventStamp stamp, ActivityId activityId) implements ActivityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityCompleted {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
  }
}
