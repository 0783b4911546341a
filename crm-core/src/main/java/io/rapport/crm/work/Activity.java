package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Tracks one piece of an employee's work: a task, call, meeting or follow-up, with its due time,
 * assignee, status, priority and the record it is about, who watches it, internal notes, and every
 * hand-off from one employee to another. Immutable and thread-safe.
 *
 * <p>{@link #schedule(ActivityId, ActivityDraft, EventStamp) schedule} checks outside input and
 * reports every problem at once. Every other command takes an {@link EventStamp} and answers
 * {@code Either<ActivityRejection, Transition<Activity>>}: the new state with exactly one
 * {@link ActivityEvent}, or a refusal that names the current status and the statuses allowed from
 * it (see the table on {@link ActivityStatus}). No command may be dated before the activity's last
 * change ({@code activity.out_of_order}), so notes and hand-offs stay in time order.
 *
 * <p>The canonical constructor rebuilds a stored activity and checks its invariants: completed
 * at is present exactly when done, a cancellation reason exactly when cancelled, each hand-off
 * starts with whom the previous one ended and the last one ends with the assignee, and every
 * change lies between creation and the last change.
 *
 * @param id the activity's id
 * @param type what kind of work
 * @param subject a one-line summary, not blank, at most {@value #MAX_SUBJECT} characters
 * @param description more detail, not blank when present, at most {@value #MAX_TEXT} characters
 * @param due when it is due; present for every type but {@link ActivityType#TASK}, not before
 *     creation
 * @param assignee who holds it now
 * @param team the team it belongs to, if any
 * @param status where it stands
 * @param priority how urgent it is
 * @param related the customer, lead, opportunity, ticket or interaction it is about, if any; of
 *     one of {@link #RELATED_KINDS}
 * @param createdAt when it was scheduled
 * @param createdBy who scheduled it
 * @param updatedAt when it last changed, not before creation
 * @param watchers who follows it
 * @param notes internal notes, oldest first
 * @param handOffs every hand-off, oldest first
 * @param completedAt when it was done; present exactly when {@link ActivityStatus#DONE}
 * @param cancellationReason why it was cancelled; present exactly when
 *     {@link ActivityStatus#CANCELLED}
 */
public record Activity(ActivityId id, ActivityType type, String subject,
    Option<String> description, Option<Instant> due, EmployeeId assignee, Option<TeamId> team,
    ActivityStatus status, Priority priority, Option<RecordRef> related, Instant createdAt,
    ActorId createdBy, Instant updatedAt, Set<EmployeeId> watchers, Seq<Note> notes,
    Seq<HandOff> handOffs, Option<Instant> completedAt, Option<String> cancellationReason)
    implements Aggregate<ActivityId> {

  /** The longest subject, in characters. */
  public static final int MAX_SUBJECT = 200;

  /** The longest description, note or hand-off note, in characters. */
  public static final int MAX_TEXT = 10_000;

  /** The longest cancellation reason, in characters. */
  public static final int MAX_REASON = 1_000;

  /** The names of the id kinds an activity may relate to. */
  public static final Set<String> RELATED_KINDS = HashSet.of(CustomerId.KIND.name(),
      LeadId.KIND.name(), OpportunityId.KIND.name(), TicketId.KIND.name(),
      InteractionId.KIND.name());

  /**
   * Checks the components and the invariants.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws InvalidValueException with every broken invariant: {@code activity.subject.blank},
   *     {@code activity.subject.too_long}, {@code activity.description.blank},
   *     {@code activity.description.too_long}, {@code activity.due.missing},
   *     {@code activity.due.before_creation}, {@code activity.related.kind_not_allowed},
   *     {@code activity.updated_at.before_creation}, {@code activity.completed_at.mismatch},
   *     {@code activity.completed_at.out_of_range}, {@code activity.cancellation_reason.mismatch},
   *     {@code activity.cancel.reason.blank}, {@code activity.cancel.reason.too_long},
   *     {@code activity.handoffs.broken_chain}, {@code activity.handoffs.assignee_mismatch},
   *     {@code activity.handoffs.out_of_order}, {@code activity.notes.out_of_order}
   */
  public Activity {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(subject, "subject");
    requireNonNull(description, "description");
    requireNonNull(due, "due");
    requireNonNull(assignee, "assignee");
    requireNonNull(team, "team");
    requireNonNull(status, "status");
    requireNonNull(priority, "priority");
    requireNonNull(related, "related");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(watchers, "watchers");
    requireNonNull(notes, "notes");
    requireNonNull(handOffs, "handOffs");
    requireNonNull(completedAt, "completedAt");
    requireNonNull(cancellationReason, "cancellationReason");
    description.forEach(value -> requireNonNull(value, "description"));
    due.forEach(value -> requireNonNull(value, "due"));
    team.forEach(value -> requireNonNull(value, "team"));
    related.forEach(value -> requireNonNull(value, "related"));
    completedAt.forEach(value -> requireNonNull(value, "completedAt"));
    cancellationReason.forEach(value -> requireNonNull(value, "cancellationReason"));
    watchers.forEach(value -> requireNonNull(value, "watchers element"));
    notes.forEach(value -> requireNonNull(value, "notes element"));
    handOffs.forEach(value -> requireNonNull(value, "handOffs element"));
    Checks.orThrow(invariants(type, subject, description, due, assignee, status, related,
        createdAt, updatedAt, notes, handOffs, completedAt, cancellationReason));
  }

  /**
   * Returns this activity without free text that may name the customer it concerns, for the
   * customer's erasure: the subject, every note's text and every hand-off's note become
   * {@link io.rapport.crm.customer.Channel#REDACTED}, the description is removed and a
   * cancellation reason becomes {@code REDACTED} too (a cancelled activity keeps one). Kept for
   * workload and SLA analytics: type, due time, assignee, team, status, priority, the related
   * record, watchers, the authors and times of notes, the hand-offs' employees and times,
   * creation and completion. Redacting a redacted activity answers it unchanged.
   *
   * @param at when the redaction happens; the update time moves to it unless later
   * @return the redacted activity, or this activity if it holds no such text
   * @throws NullPointerException if at is null
   */
  public Activity redacted(Instant at) {
    requireNonNull(at, "at");
    String redacted = io.rapport.crm.customer.Channel.REDACTED;
    Seq<Note> plainNotes = notes.map(Note::redacted);
    Seq<HandOff> plainHandOffs = handOffs.map(HandOff::redacted);
    Option<String> plainReason = cancellationReason.map(reason -> redacted);
    if (subject.equals(redacted) && description.isEmpty() && plainNotes.equals(notes)
        && plainHandOffs.equals(handOffs) && plainReason.equals(cancellationReason)) {
      return this;
    }
    return new Activity(id, type, redacted, Option.none(), due, assignee, team, status, priority,
        related, createdAt, createdBy, at.isAfter(updatedAt) ? at : updatedAt, watchers,
        plainNotes, plainHandOffs, completedAt, plainReason);
  }

  /**
   * Schedules a new activity from outside input, checking every part at once. The activity starts
   * {@link ActivityStatus#OPEN}, created at the stamp's time by its actor. Subject and description
   * are stripped of surrounding white space; a blank description counts as none.
   *
   * <p>Violations (field in brackets): {@code activity.type.missing} (type),
   * {@code activity.subject.blank}, {@code activity.subject.too_long} (subject),
   * {@code activity.description.too_long} (description), {@code activity.assignee.missing}
   * (assignee), {@code activity.due.missing} for a type that needs a due time,
   * {@code activity.due.before_creation} (due), {@code activity.related.kind_not_allowed}
   * (related), {@code activity.watcher.missing} (watchers).
   *
   * @param id the new activity's id
   * @param draft what the caller asks for
   * @param stamp the event's id, the time of scheduling and who schedules
   * @return the new activity with an {@link ActivityScheduled} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Activity>> schedule(ActivityId id,
      ActivityDraft draft, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    List<Violation> violations = List.empty();
    if (draft.type() == null) {
      violations = violations.append(Violation.of("activity.type.missing", "type",
          "An activity needs a type: one of " + List.of(ActivityType.values()).mkString(", ")));
    }
    String subject = Checks.strip(draft.subject());
    violations = violations.appendAll(
        Checks.requiredText(subject, MAX_SUBJECT, "activity.subject", "subject", "A subject"));
    String description = Checks.strip(draft.description());
    if (description != null && description.isEmpty()) {
      description = null;
    }
    violations = violations.appendAll(Checks.maxLength(description, MAX_TEXT,
        "activity.description", "description", "A description"));
    if (draft.assignee() == null) {
      violations = violations.append(Violation.of("activity.assignee.missing", "assignee",
          "An activity needs an assignee"));
    }
    if (draft.due() == null && draft.type() != null && draft.type().requiresDue()) {
      violations = violations.append(Violation.of("activity.due.missing", "due",
          "A " + draft.type() + " needs a due time; only a task may have none"));
    }
    if (draft.due() != null && draft.due().isBefore(stamp.at())) {
      violations = violations.append(Violation.of("activity.due.before_creation", "due",
          "An activity cannot be due at " + draft.due() + ", before it is scheduled at "
              + stamp.at()));
    }
    if (draft.related() != null && !RELATED_KINDS.contains(draft.related().kind())) {
      violations = violations.append(relatedKindViolation(draft.related()));
    }
    if (draft.watchers().contains(null)) {
      violations = violations.append(Violation.of("activity.watcher.missing", "watchers",
          "A watcher must be an employee id, not null"));
    }
    if (!violations.isEmpty()) {
      return Validation.invalid(violations);
    }
    Priority priority = draft.priority() == null ? Priority.NORMAL : draft.priority();
    Activity activity = new Activity(id, draft.type(), subject, Option.of(description),
        Option.of(draft.due()), draft.assignee(), Option.of(draft.team()), ActivityStatus.OPEN,
        priority, Option.of(draft.related()), stamp.at(), stamp.by(), stamp.at(),
        draft.watchers(), List.empty(), List.empty(), Option.none(), Option.none());
    return Validation.valid(Transition.of(activity, new ActivityScheduled(stamp, id, draft.type(),
        subject, draft.assignee(), activity.due(), priority, activity.related())));
  }

  /**
   * Starts work: {@code OPEN} to {@code IN_PROGRESS}.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ActivityStarted}, or {@code activity.already_started},
   *     {@code activity.closed}, {@code activity.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<ActivityRejection, Transition<Activity>> start(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    ActivityRejection.Reason refusal = status == ActivityStatus.IN_PROGRESS
        ? ActivityRejection.Reason.ALREADY_STARTED : closedOrOutOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, due, assignee, team,
            ActivityStatus.IN_PROGRESS, priority, related, createdAt, createdBy, stamp.at(),
            watchers, notes, handOffs, completedAt, cancellationReason),
        new ActivityStarted(stamp, id));
  }

  /**
   * Completes the activity: {@code OPEN} or {@code IN_PROGRESS} to {@code DONE}, completed at the
   * stamp's time.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ActivityCompleted}, or {@code activity.already_done},
   *     {@code activity.closed} (when cancelled), {@code activity.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<ActivityRejection, Transition<Activity>> complete(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    ActivityRejection.Reason refusal = status == ActivityStatus.DONE
        ? ActivityRejection.Reason.ALREADY_DONE : closedOrOutOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, due, assignee, team, ActivityStatus.DONE,
            priority, related, createdAt, createdBy, stamp.at(), watchers, notes, handOffs,
            Option.of(stamp.at()), Option.none()),
        new ActivityCompleted(stamp, id));
  }

  /**
   * Cancels the activity: {@code OPEN} or {@code IN_PROGRESS} to {@code CANCELLED}, with a reason
   * stripped of surrounding white space.
   *
   * @param reason why, not blank, at most {@value #MAX_REASON} characters
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ActivityCancelled}, or {@code activity.already_cancelled},
   *     {@code activity.closed} (when done), {@code activity.cancel.reason.blank},
   *     {@code activity.cancel.reason.too_long}, {@code activity.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ActivityRejection, Transition<Activity>> cancel(String reason, EventStamp stamp) {
    requireNonNull(reason, "reason");
    requireNonNull(stamp, "stamp");
    String why = reason.strip();
    ActivityRejection.Reason refusal = status == ActivityStatus.CANCELLED
        ? ActivityRejection.Reason.ALREADY_CANCELLED
        : status.isClosed() ? ActivityRejection.Reason.CLOSED
        : why.isEmpty() ? ActivityRejection.Reason.CANCEL_REASON_BLANK
        : why.length() > MAX_REASON ? ActivityRejection.Reason.CANCEL_REASON_TOO_LONG
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, due, assignee, team,
            ActivityStatus.CANCELLED, priority, related, createdAt, createdBy, stamp.at(),
            watchers, notes, handOffs, Option.none(), Option.of(why)),
        new ActivityCancelled(stamp, id, why));
  }

  /**
   * Reopens a closed activity: {@code DONE} or {@code CANCELLED} to {@code OPEN}, clearing the
   * completion time or cancellation reason (the events keep them).
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ActivityReopened}, or {@code activity.not_closed},
   *     {@code activity.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<ActivityRejection, Transition<Activity>> reopen(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    ActivityRejection.Reason refusal = status.isActive()
        ? ActivityRejection.Reason.NOT_CLOSED : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, due, assignee, team, ActivityStatus.OPEN,
            priority, related, createdAt, createdBy, stamp.at(), watchers, notes, handOffs,
            Option.none(), Option.none()),
        new ActivityReopened(stamp, id, status));
  }

  /**
   * Hands the activity off to another employee with a note for them, recording a {@link HandOff}
   * from the current assignee. The status stays as it is.
   *
   * @param to the new assignee
   * @param note what the new assignee needs to know, not blank, at most {@value #MAX_TEXT}
   *     characters; stripped of surrounding white space
   * @param stamp the event's id, time and actor (who hands it off)
   * @return the new state with {@link ActivityReassigned}, or {@code activity.closed},
   *     {@code activity.same_assignee}, {@code activity.handoff.note.blank},
   *     {@code activity.handoff.note.too_long}, {@code activity.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ActivityRejection, Transition<Activity>> reassign(EmployeeId to, String note,
      EventStamp stamp) {
    requireNonNull(to, "to");
    requireNonNull(note, "note");
    requireNonNull(stamp, "stamp");
    String text = note.strip();
    ActivityRejection.Reason refusal = status.isClosed() ? ActivityRejection.Reason.CLOSED
        : to.equals(assignee) ? ActivityRejection.Reason.SAME_ASSIGNEE
        : text.isEmpty() ? ActivityRejection.Reason.HANDOFF_NOTE_BLANK
        : text.length() > MAX_TEXT ? ActivityRejection.Reason.HANDOFF_NOTE_TOO_LONG
        : outOfOrder(stamp);
    if (refusal != null) {
      return refuse(refusal);
    }
    HandOff handOff = new HandOff(assignee, to, stamp.at(), stamp.by(), text);
    return accept(
        new Activity(id, type, subject, description, due, to, team, status, priority, related,
            createdAt, createdBy, stamp.at(), watchers, notes, handOffs.append(handOff),
            completedAt, cancellationReason),
        new ActivityReassigned(stamp, id, handOff));
  }

  /**
   * Moves the due time, or removes it from a task.
   *
   * @param newDue the new due time, or empty for none (tasks only); not before creation
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ActivityRescheduled}, or {@code activity.closed},
   *     {@code activity.due.unchanged}, {@code activity.due.required},
   *     {@code activity.due.before_creation}, {@code activity.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ActivityRejection, Transition<Activity>> reschedule(Option<Instant> newDue,
      EventStamp stamp) {
    requireNonNull(newDue, "newDue");
    requireNonNull(stamp, "stamp");
    newDue.forEach(value -> requireNonNull(value, "newDue"));
    ActivityRejection.Reason refusal = status.isClosed() ? ActivityRejection.Reason.CLOSED
        : newDue.equals(due) ? ActivityRejection.Reason.DUE_UNCHANGED
        : newDue.isEmpty() && type.requiresDue() ? ActivityRejection.Reason.DUE_REQUIRED
        : newDue.exists(at -> at.isBefore(createdAt))
            ? ActivityRejection.Reason.DUE_BEFORE_CREATION
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, newDue, assignee, team, status, priority,
            related, createdAt, createdBy, stamp.at(), watchers, notes, handOffs, completedAt,
            cancellationReason),
        new ActivityRescheduled(stamp, id, due, newDue));
  }

  /**
   * Changes the priority.
   *
   * @param newPriority the new priority
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ActivityPriorityChanged}, or {@code activity.closed},
   *     {@code activity.priority.unchanged}, {@code activity.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ActivityRejection, Transition<Activity>> changePriority(Priority newPriority,
      EventStamp stamp) {
    requireNonNull(newPriority, "newPriority");
    requireNonNull(stamp, "stamp");
    ActivityRejection.Reason refusal = status.isClosed() ? ActivityRejection.Reason.CLOSED
        : newPriority == priority ? ActivityRejection.Reason.PRIORITY_UNCHANGED
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, due, assignee, team, status, newPriority,
            related, createdAt, createdBy, stamp.at(), watchers, notes, handOffs, completedAt,
            cancellationReason),
        new ActivityPriorityChanged(stamp, id, priority, newPriority));
  }

  /**
   * Adds a watcher, who is told about changes. Allowed in every status.
   *
   * @param employee who starts watching
   * @param stamp the event's id, time and actor
   * @return the new state with {@link WatcherAdded}, or
   *     {@code activity.watcher.already_watching}, {@code activity.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ActivityRejection, Transition<Activity>> watch(EmployeeId employee,
      EventStamp stamp) {
    requireNonNull(employee, "employee");
    requireNonNull(stamp, "stamp");
    ActivityRejection.Reason refusal = watchers.contains(employee)
        ? ActivityRejection.Reason.ALREADY_WATCHING : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, due, assignee, team, status, priority,
            related, createdAt, createdBy, stamp.at(), watchers.add(employee), notes, handOffs,
            completedAt, cancellationReason),
        new WatcherAdded(stamp, id, employee));
  }

  /**
   * Removes a watcher. Allowed in every status.
   *
   * @param employee who stops watching
   * @param stamp the event's id, time and actor
   * @return the new state with {@link WatcherRemoved}, or {@code activity.watcher.not_watching},
   *     {@code activity.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ActivityRejection, Transition<Activity>> unwatch(EmployeeId employee,
      EventStamp stamp) {
    requireNonNull(employee, "employee");
    requireNonNull(stamp, "stamp");
    ActivityRejection.Reason refusal = !watchers.contains(employee)
        ? ActivityRejection.Reason.NOT_WATCHING : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, due, assignee, team, status, priority,
            related, createdAt, createdBy, stamp.at(), watchers.remove(employee), notes,
            handOffs, completedAt, cancellationReason),
        new WatcherRemoved(stamp, id, employee));
  }

  /**
   * Adds an internal note, written by the stamp's actor at its time. Allowed in every status, so a
   * closed activity can still be annotated.
   *
   * @param text the note, not blank, at most {@value #MAX_TEXT} characters; stripped of
   *     surrounding white space
   * @param stamp the event's id, time and author
   * @return the new state with {@link NoteAdded}, or {@code activity.note.blank},
   *     {@code activity.note.too_long}, {@code activity.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ActivityRejection, Transition<Activity>> addNote(String text, EventStamp stamp) {
    requireNonNull(text, "text");
    requireNonNull(stamp, "stamp");
    String stripped = text.strip();
    ActivityRejection.Reason refusal = stripped.isEmpty() ? ActivityRejection.Reason.NOTE_BLANK
        : stripped.length() > MAX_TEXT ? ActivityRejection.Reason.NOTE_TOO_LONG
        : outOfOrder(stamp);
    if (refusal != null) {
      return refuse(refusal);
    }
    Note note = new Note(stamp.by(), stamp.at(), stripped);
    return accept(
        new Activity(id, type, subject, description, due, assignee, team, status, priority,
            related, createdAt, createdBy, stamp.at(), watchers, notes.append(note), handOffs,
            completedAt, cancellationReason),
        new NoteAdded(stamp, id, note));
  }

  /**
   * Tells whether the activity is overdue at an instant: still open or in progress, with a due
   * time strictly before that instant.
   *
   * @param at the instant to judge at
   * @return true if overdue
   * @throws NullPointerException if at is null
   */
  public boolean isOverdue(Instant at) {
    requireNonNull(at, "at");
    return status.isActive() && due.exists(deadline -> deadline.isBefore(at));
  }

  /**
   * Measures how far past due the activity is in working time, so an activity due Friday 17:00 is
   * one working hour overdue on Monday 10:00 on a Monday-to-Friday 09:00–17:00 calendar, not 65
   * hours. An overdue activity whose lateness falls wholly outside working hours is overdue by
   * zero.
   *
   * @param at the instant to judge at
   * @param calendar the working calendar, typically the team's
   * @return the working time elapsed past due, or empty if not {@link #isOverdue(Instant) overdue}
   * @throws NullPointerException if an argument is null
   * @throws DateTimeException if the span is too long for the calendar to measure
   */
  public Option<Duration> overdueBy(Instant at, BusinessCalendar calendar) {
    requireNonNull(at, "at");
    requireNonNull(calendar, "calendar");
    return isOverdue(at)
        ? Option.of(calendar.workingTimeBetween(due.get(), at))
        : Option.none();
  }

  /**
   * Computes a due time that lies an amount of working time after an instant, as an SLA would:
   * four working hours from Friday 16:00 on a 09:00–17:00 calendar is Monday 12:00.
   *
   * @param workingTime the working time allowed, not negative
   * @param from when the clock starts
   * @param calendar the working calendar
   * @return the due time
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if workingTime is negative
   * @throws DateTimeException if the answer lies too far away for the calendar
   */
  public static Instant dueIn(Duration workingTime, Instant from, BusinessCalendar calendar) {
    requireNonNull(workingTime, "workingTime");
    requireNonNull(from, "from");
    requireNonNull(calendar, "calendar");
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("A due time lies after its start, but the working time "
          + workingTime + " is negative");
    }
    return calendar.addWorkingTime(from, workingTime);
  }

  /**
   * Tells who held the activity at an instant, replaying the hand-offs; a hand-off counts from
   * its own instant on.
   *
   * @param at the instant
   * @return the assignee then, or empty before the activity was created
   * @throws NullPointerException if at is null
   */
  public Option<EmployeeId> assigneeAt(Instant at) {
    requireNonNull(at, "at");
    if (at.isBefore(createdAt)) {
      return Option.none();
    }
    EmployeeId first = handOffs.headOption().map(HandOff::from).getOrElse(assignee);
    return Option.of(handOffs.filter(handOff -> !handOff.at().isAfter(at)).lastOption()
        .map(HandOff::to).getOrElse(first));
  }

  /** Returns everyone who held the activity, the first assignee first, without repeats. */
  public Seq<EmployeeId> assigneeHistory() {
    return handOffs.headOption().map(HandOff::from).toList()
        .appendAll(handOffs.map(HandOff::to)).append(assignee).distinct();
  }

  private ActivityRejection.Reason closedOrOutOfOrder(EventStamp stamp) {
    return status.isClosed() ? ActivityRejection.Reason.CLOSED : outOfOrder(stamp);
  }

  /**
   * Relates the activity to another record, or to none: for example to the survivor when two
   * customers merge. Closed activities may be relinked too, so history follows the customer.
   *
   * @param newRelated the record, or empty
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ActivityRelinked}, or {@code activity.related.unchanged},
   *     {@code activity.out_of_order}
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the record is of a kind an activity
   *     cannot relate to ({@code activity.related.kind_not_allowed})
   */
  public Either<ActivityRejection, Transition<Activity>> relink(Option<RecordRef> newRelated,
      EventStamp stamp) {
    requireNonNull(newRelated, "newRelated");
    requireNonNull(stamp, "stamp");
    ActivityRejection.Reason refusal = newRelated.equals(related)
        ? ActivityRejection.Reason.RELATED_UNCHANGED : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Activity(id, type, subject, description, due, assignee, team, status, priority,
            newRelated, createdAt, createdBy, stamp.at(), watchers, notes, handOffs, completedAt,
            cancellationReason),
        new ActivityRelinked(stamp, id, related, newRelated));
  }

  private ActivityRejection.Reason outOfOrder(EventStamp stamp) {
    return stamp.at().isBefore(updatedAt) ? ActivityRejection.Reason.OUT_OF_ORDER : null;
  }

  private Either<ActivityRejection, Transition<Activity>> refuse(ActivityRejection.Reason reason) {
    return Either.left(new ActivityRejection(reason, id, status, status.allowedNext(), updatedAt));
  }

  private static Either<ActivityRejection, Transition<Activity>> accept(Activity next,
      ActivityEvent event) {
    return Either.right(Transition.of(next, event));
  }

  private static Violation relatedKindViolation(RecordRef related) {
    return Violation.of("activity.related.kind_not_allowed", "related",
        "An activity relates to a record of kind " + RELATED_KINDS.toSortedSet().mkString(", ")
            + ", not " + Checks.quote(related.kind()));
  }

  private static List<Violation> invariants(ActivityType type, String subject,
      Option<String> description, Option<Instant> due, EmployeeId assignee,
      ActivityStatus status, Option<RecordRef> related, Instant createdAt, Instant updatedAt,
      Seq<Note> notes, Seq<HandOff> handOffs, Option<Instant> completedAt,
      Option<String> cancellationReason) {
    List<Violation> violations =
        Checks.requiredText(subject, MAX_SUBJECT, "activity.subject", "subject", "A subject");
    for (String text : description) {
      violations = violations.appendAll(Checks.requiredText(text, MAX_TEXT,
          "activity.description", "description", "A description"));
    }
    if (due.isEmpty() && type.requiresDue()) {
      violations = violations.append(Violation.of("activity.due.missing", "due",
          "A " + type + " needs a due time; only a task may have none"));
    }
    if (due.exists(at -> at.isBefore(createdAt))) {
      violations = violations.append(Violation.of("activity.due.before_creation", "due",
          "An activity cannot be due before it was created at " + createdAt));
    }
    if (related.exists(ref -> !RELATED_KINDS.contains(ref.kind()))) {
      violations = violations.append(relatedKindViolation(related.get()));
    }
    if (updatedAt.isBefore(createdAt)) {
      violations = violations.append(Violation.of("activity.updated_at.before_creation",
          "updatedAt", "An activity cannot change before it was created at " + createdAt));
    }
    if (completedAt.isDefined() != (status == ActivityStatus.DONE)) {
      violations = violations.append(Violation.of("activity.completed_at.mismatch",
          "completedAt", "An activity has a completion time exactly when it is done, but it is "
              + status));
    }
    if (completedAt.exists(at -> at.isBefore(createdAt) || at.isAfter(updatedAt))) {
      violations = violations.append(Violation.of("activity.completed_at.out_of_range",
          "completedAt", "An activity is completed between its creation and its last change"));
    }
    if (cancellationReason.isDefined() != (status == ActivityStatus.CANCELLED)) {
      violations = violations.append(Violation.of("activity.cancellation_reason.mismatch",
          "cancellationReason",
          "An activity has a cancellation reason exactly when it is cancelled, but it is "
              + status));
    }
    for (String reason : cancellationReason) {
      violations = violations.appendAll(Checks.requiredText(reason, MAX_REASON,
          "activity.cancel.reason", "cancellationReason", "A cancellation reason"));
    }
    Instant previousAt = createdAt;
    for (int i = 0; i < handOffs.size(); i++) {
      HandOff handOff = handOffs.get(i);
      if (i > 0 && !handOff.from().equals(handOffs.get(i - 1).to())) {
        violations = violations.append(Violation.of("activity.handoffs.broken_chain",
            "handOffs[" + i + "].from", "A hand-off starts with whom the previous one ended, "
                + handOffs.get(i - 1).to() + ", not " + handOff.from()));
      }
      if (handOff.at().isBefore(previousAt) || handOff.at().isAfter(updatedAt)) {
        violations = violations.append(Violation.of("activity.handoffs.out_of_order",
            "handOffs[" + i + "].at", "Hand-offs follow each other in time, after creation and "
                + "not after the last change"));
      }
      previousAt = handOff.at().isBefore(previousAt) ? previousAt : handOff.at();
    }
    if (!handOffs.isEmpty() && !handOffs.last().to().equals(assignee)) {
      violations = violations.append(Violation.of("activity.handoffs.assignee_mismatch",
          "assignee", "The assignee is whom the last hand-off went to, "
              + handOffs.last().to() + ", not " + assignee));
    }
    previousAt = createdAt;
    for (int i = 0; i < notes.size(); i++) {
      Instant at = notes.get(i).at();
      if (at.isBefore(previousAt) || at.isAfter(updatedAt)) {
        violations = violations.append(Violation.of("activity.notes.out_of_order",
            "notes[" + i + "].at", "Notes follow each other in time, after creation and not "
                + "after the last change"));
      }
      previousAt = at.isBefore(previousAt) ? previousAt : at;
    }
    return violations;
  }
}
