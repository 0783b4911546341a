package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import java.time.Instant;

/**
 * Holds what a caller asks for when scheduling an activity, unchecked: outside input, where a null
 * component means "not given". {@link Activity#schedule(io.rapport.crm.kernel.ActivityId,
 * ActivityDraft, io.rapport.crm.kernel.EventStamp)} checks it and reports every problem at once.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ActivityDraft draft = ActivityDraft.of(ActivityType.CALL, "Call back about the tea table", li)
 *     .withDue(Instant.parse("2026-11-24T02:00:00Z"))
 *     .withPriority(Priority.HIGH)
 *     .withRelated(RecordRef.to(customerId));
 * }</pre>
 *
 * @param type the kind of work; required
 * @param subject a one-line summary; required, at most {@value Activity#MAX_SUBJECT} characters
 * @param description more detail, possibly null; at most {@value Activity#MAX_TEXT} characters
 * @param due when it is due; required for every type but {@link ActivityType#TASK}, not before
 *     the activity is scheduled
 * @param assignee who does it; required
 * @param team the team it belongs to, possibly null
 * @param priority how urgent it is; null means {@link Priority#NORMAL}
 * @param related the customer, lead, opportunity, ticket or interaction it is about, possibly null
 * @param watchers who follows it besides the assignee; null means none
 */
public record ActivityDraft(ActivityType type, String subject, String description, Instant due,
    EmployeeId assignee, TeamId team, Priority priority, RecordRef related,
    Set<EmployeeId> watchers) {

  /** Replaces null watchers with none; every other component may be null. */
  public ActivityDraft {
    watchers = watchers == null ? HashSet.empty() : watchers;
  }

  /**
   * Starts a draft with what every activity needs.
   *
   * @param type the kind of work, possibly null
   * @param subject a one-line summary, possibly null
   * @param assignee who does it, possibly null
   * @return a draft with nothing else given
   */
  public static ActivityDraft of(ActivityType type, String subject, EmployeeId assignee) {
    return new ActivityDraft(type, subject, null, null, assignee, null, null, null, null);
  }

  /**
   * Returns this draft with a description.
   *
   * @param text the description, possibly null
   * @return the new draft
   */
  public ActivityDraft withDescription(String text) {
    return new ActivityDraft(type, subject, text, due, assignee, team, priority, related, watchers);
  }

  /**
   * Returns this draft with a due time.
   *
   * @param at the due time, possibly null
   * @return the new draft
   */
  public ActivityDraft withDue(Instant at) {
    return new ActivityDraft(type, subject, description, at, assignee, team, priority, related,
        watchers);
  }

  /**
   * Returns this draft with a team.
   *
   * @param id the team, possibly null
   * @return the new draft
   */
  public ActivityDraft withTeam(TeamId id) {
    return new ActivityDraft(type, subject, description, due, assignee, id, priority, related,
        watchers);
  }

  /**
   * Returns this draft with a priority.
   *
   * @param level the priority, possibly null for {@link Priority#NORMAL}
   * @return the new draft
   */
  public ActivityDraft withPriority(Priority level) {
    return new ActivityDraft(type, subject, description, due, assignee, team, level, related,
        watchers);
  }

  /**
   * Returns this draft with the record it is about.
   *
   * @param ref the record, possibly null
   * @return the new draft
   */
  public ActivityDraft withRelated(RecordRef ref) {
    return new ActivityDraft(type, subject, description, due, assignee, team, priority, ref,
        watchers);
  }

  /**
   * Returns this draft with watchers.
   *
   * @param employees who follows the activity
   * @return the new draft
   * @throws NullPointerException if employees is null
   */
  public ActivityDraft withWatchers(Set<EmployeeId> employees) {
    return new ActivityDraft(type, subject, description, due, assignee, team, priority, related,
        requireNonNull(employees, "employees"));
  }
}
