package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that an activity was handed off to another employee. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param handOff from whom, to whom, and the note
 */
public record ActivityReassigned(EventStamp stamp, ActivityId activityId, HandOff handOff)
    implements ActivityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityReassigned {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(handOff, "handOff");
  }
}
