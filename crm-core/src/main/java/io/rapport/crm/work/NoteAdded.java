package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RedactableEvent;

/**
 * States that an internal note was added to an activity. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param note the note
 */
public record NoteAdded(EventStamp stamp, ActivityId activityId, Note note)
    implements ActivityEvent, RedactableEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public NoteAdded {
    requireNonNull(stamp, "stamp");
    requireNonNull(activityId, "activityId");
    requireNonNull(note, "note");
  }

  /**
   * Returns this event as {@link Activity#redacted} leaves the activity's notes: the note's text
   * becomes {@value io.rapport.crm.customer.Channel#REDACTED}; its author and time are kept.
   *
   * @return the redacted event, or this event if its text is already redacted
   */
  @Override
  public NoteAdded redacted() {
    Note plain = note.redacted();
    return plain == note ? this : new NoteAdded(stamp, activityId, plain);
  }
}
