package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that work on an activity started. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 */
public record ActivityStarted(EventStamp stamp, ActivityId activityId) implements ActivityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityStarted {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
  }
}
