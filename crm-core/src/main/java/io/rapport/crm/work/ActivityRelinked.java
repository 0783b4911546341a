package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.vavr.control.Option;

/**
 * States that an activity now relates to another record. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param from the related record before, if any
 * @param to the related record after, if any
 */
public record ActivityRelinked(EventStamp stamp, ActivityId activityId, Option<RecordRef> from,
    Option<RecordRef> to) implements ActivityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityRelinked {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
