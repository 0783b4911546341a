package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RedactableEvent;

/**
 * States that an activity was handed off to another employee. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param handOff from whom, to whom, and the note
 */
public record ActivityReassigned(EventStamp stamp, ActivityId activityId, HandOff handOff)
    implements ActivityEvent, RedactableEvent {

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

  /**
   * Returns this event as {@link Activity#redacted} leaves the activity's hand-offs: the
   * hand-off's note becomes {@value io.rapport.crm.customer.Channel#REDACTED}; its employees,
   * time and actor are kept.
   *
   * @return the redacted event, or this event if its note is already redacted
   */
  @Override
  public ActivityReassigned redacted() {
    HandOff plain = handOff.redacted();
    return plain == handOff ? this : new ActivityReassigned(stamp, activityId, plain);
  }
}
