package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * States that an activity's due time changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param from the due time before, if any
 * @param to the due time after, if any
 */
public record ActivityRescheduled(EventStamp stamp, ActivityId activityId, Option<Instant> from,
    Option<Instant> to) implements ActivityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityRescheduled {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
