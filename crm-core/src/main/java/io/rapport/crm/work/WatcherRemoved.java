package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that an employee stopped watching an activity. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param watcher who stopped watching
 */
public record WatcherRemoved(EventStamp stamp, ActivityId activityId, EmployeeId watcher)
    implements ActivityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public WatcherRemoved {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(watcher, "watcher");
  }
}
