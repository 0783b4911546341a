package io.rapport.crm.work;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TypedId;

/**
 * States a fact about an {@link Activity}: one event per accepted command.
 */
public sealed interface ActivityEvent extends StampedEvent
    permits ActivityScheduled, ActivityStarted, ActivityCompleted, ActivityCancelled,
    ActivityReopened, ActivityReassigned, ActivityRescheduled, ActivityPriorityChanged,
    WatcherAdded, WatcherRemoved, NoteAdded, ActivityRelinked {

  /** Returns the id of the activity the event happened to. */
  ActivityId activityId();

  /** Returns the activity's id. */
  @Override
  default TypedId aggregateId() {
    return activityId();
  }
}
