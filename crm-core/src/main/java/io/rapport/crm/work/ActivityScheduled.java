package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.RedactableEvent;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * States that an activity was scheduled, with what it is about. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param type what kind of work
 * @param subject the subject
 * @param assignee who it is assigned to
 * @param due when it is due, if it has a due time
 * @param priority how urgent it is
 * @param related the record it is about, if any
 */
public record ActivityScheduled(EventStamp stamp, ActivityId activityId, ActivityType type,
    String subject, EmployeeId assignee, Option<Instant> due, Priority priority,
    Option<RecordRef> related) implements ActivityEvent, RedactableEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityScheduled {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(type, "type");
    requireNonNull(subject, "subject");
    requireNonNull(assignee, "assignee");
    requireNonNull(due, "due");
    requireNonNull(priority, "priority");
    requireNonNull(related, "related");
  }

  /**
   * Returns this event as {@link Activity#redacted} leaves the activity: the subject becomes
   * {@value io.rapport.crm.customer.Channel#REDACTED}; everything else is kept.
   *
   * @return the redacted event, or this event if its subject is already redacted
   */
  @Override
  public ActivityScheduled redacted() {
    String plain = io.rapport.crm.customer.Channel.REDACTED;
    if (subject.equals(plain)) {
      return this;
    }
    return new ActivityScheduled(stamp, activityId, type, plain, assignee, due, priority, related);
  }
}
