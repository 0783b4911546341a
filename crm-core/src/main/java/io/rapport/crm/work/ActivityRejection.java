package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Set;
import java.time.Instant;

/**
 * Refuses a command on an {@link Activity} and gives what the caller needs to act: the status the
 * activity is in, the statuses it may move to from there, and when it last changed. A refused
 * command changes nothing. Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param activity the activity's id
 * @param status the activity's current status
 * @param allowed the statuses the current one may move to, as {@link ActivityStatus#allowedNext()}
 * @param lastChangedAt when the activity last changed; no command may be dated before it
 */
public record ActivityRejection(Reason reason, ActivityId activity, ActivityStatus status,
    Set<ActivityStatus> allowed, Instant lastChangedAt) implements Rejection {

  /** Names why a command was refused, each with its stable code. */
  public enum Reason {
    /** Start on an activity already in progress. */
    ALREADY_STARTED("activity.already_started"),
    /** Complete on an activity already done. */
    ALREADY_DONE("activity.already_done"),
    /** Cancel on an activity already cancelled. */
    ALREADY_CANCELLED("activity.already_cancelled"),
    /** Reopen on an activity that is open or in progress. */
    NOT_CLOSED("activity.not_closed"),
    /** A change to a done or cancelled activity; reopen it first. */
    CLOSED("activity.closed"),
    /** A hand-off to the employee who already holds the activity. */
    SAME_ASSIGNEE("activity.same_assignee"),
    /** A hand-off without a note. */
    HANDOFF_NOTE_BLANK("activity.handoff.note.blank"),
    /** A hand-off note longer than {@value Activity#MAX_TEXT} characters. */
    HANDOFF_NOTE_TOO_LONG("activity.handoff.note.too_long"),
    /** A cancellation without a reason. */
    CANCEL_REASON_BLANK("activity.cancel.reason.blank"),
    /** A cancellation reason longer than {@value Activity#MAX_REASON} characters. */
    CANCEL_REASON_TOO_LONG("activity.cancel.reason.too_long"),
    /** A reschedule to the due time the activity already has. */
    DUE_UNCHANGED("activity.due.unchanged"),
    /** A reschedule that removes the due time of a type that needs one. */
    DUE_REQUIRED("activity.due.required"),
    /** A reschedule to a due time before the activity was created. */
    DUE_BEFORE_CREATION("activity.due.before_creation"),
    /** A priority change to the priority the activity already has. */
    PRIORITY_UNCHANGED("activity.priority.unchanged"),
    /** A watch by an employee already watching. */
    ALREADY_WATCHING("activity.watcher.already_watching"),
    /** An unwatch by an employee not watching. */
    NOT_WATCHING("activity.watcher.not_watching"),
    /** A blank note. */
    NOTE_BLANK("activity.note.blank"),
    /** A note longer than {@value Activity#MAX_TEXT} characters. */
    NOTE_TOO_LONG("activity.note.too_long"),
    /** A command dated before the activity's last change. */
    OUT_OF_ORDER("activity.out_of_order"),
    /** The activity already relates to that record. */
    RELATED_UNCHANGED("activity.related.unchanged");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code activity.already_done}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActivityRejection {
    requireNonNull(reason, "reason");
    requireNonNull(activity, "activity");
    requireNonNull(status, "status");
    requireNonNull(allowed, "allowed");
    requireNonNull(lastChangedAt, "lastChangedAt");
  }

  /** Returns the reason's code, such as {@code activity.closed}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Describes the refusal, naming the current status and the allowed next ones. */
  @Override
  public String message() {
    String where = "activity " + activity + " is " + status + " (may move to "
        + (allowed.isEmpty() ? "nothing" : allowed.mkString(", ")) + ")";
    switch (reason) {
      case ALREADY_STARTED:
        return "Already started: " + where;
      case ALREADY_DONE:
        return "Already done: " + where;
      case ALREADY_CANCELLED:
        return "Already cancelled: " + where;
      case NOT_CLOSED:
        return "Only a done or cancelled activity can be reopened: " + where;
      case CLOSED:
        return "A closed activity cannot change; reopen it first: " + where;
      case SAME_ASSIGNEE:
        return "A hand-off goes to another employee than the assignee of " + activity;
      case HANDOFF_NOTE_BLANK:
        return "A hand-off needs a note for the new assignee";
      case HANDOFF_NOTE_TOO_LONG:
        return "A hand-off note has at most " + Activity.MAX_TEXT + " characters";
      case CANCEL_REASON_BLANK:
        return "A cancellation needs a reason";
      case CANCEL_REASON_TOO_LONG:
        return "A cancellation reason has at most " + Activity.MAX_REASON + " characters";
      case DUE_UNCHANGED:
        return "The activity " + activity + " is already due then";
      case DUE_REQUIRED:
        return "Only a task may have no due time";
      case DUE_BEFORE_CREATION:
        return "An activity cannot be due before it was created";
      case PRIORITY_UNCHANGED:
        return "The activity " + activity + " already has that priority";
      case ALREADY_WATCHING:
        return "The employee already watches " + activity;
      case NOT_WATCHING:
        return "The employee does not watch " + activity;
      case NOTE_BLANK:
        return "A note must not be blank";
      case NOTE_TOO_LONG:
        return "A note has at most " + Activity.MAX_TEXT + " characters";
      default:
        return "A command on " + activity + " cannot be dated before its last change, at "
            + lastChangedAt;
    }
  }
}
