package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RedactableEvent;

/**
 * States that an activity was called off, and why. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param reason why
 */
public record ActivityCancelled(EventStamp stamp, ActivityId activityId, String reason)
    implements ActivityEvent, RedactableEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityCancelled {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(reason, "reason");
  }

  /**
   * Returns this event as {@link Activity#redacted} leaves the activity: the reason becomes
   * {@value io.rapport.crm.customer.Channel#REDACTED}; everything else is kept.
   *
   * @return the redacted event, or this event if its reason is already redacted
   */
  @Override
  public ActivityCancelled redacted() {
    String plain = io.rapport.crm.customer.Channel.REDACTED;
    return reason.equals(plain) ? this : new ActivityCancelled(stamp, activityId, plain);
  }
}
