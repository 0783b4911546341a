package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EventStamp;

/**
 * States that an internal note was added to an activity. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param activityId the id of the activity
 * @param note the note
 */
public record NoteAdded(EventStamp stamp, ActivityId activityId, Note note)
    implements ActivityEvent {

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
}
