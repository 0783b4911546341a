package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that an activity's priority changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param from the priority before
 * @param to the priority after
 */
public record ActivityPriorityChanged(EventStamp stamp, ActivityId activityId, Priority from,
    Priority to) implements ActivityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityPriorityChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
