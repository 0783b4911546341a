package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.time.Instant;

/**
 * Records one hand-off of an activity from one employee to another, with the note that tells the
 * new assignee what they need to know. Immutable and thread-safe.
 *
 * @param from who held the activity
 * @param to who holds it from now on, not {@code from}
 * @param at when
 * @param by who handed it over: the previous assignee, a manager or a routing rule
 * @param note what the new assignee needs to know, not blank, at most
 *     {@value Activity#MAX_TEXT} characters
 */
public record HandOff(EmployeeId from, EmployeeId to, Instant at, ActorId by, String note) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if {@code to} equals {@code from}
   *     ({@code activity.handoff.same_assignee}), or the note is blank
   *     ({@code activity.handoff.note.blank}) or too long ({@code activity.handoff.note.too_long})
   */
  public HandOff {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(note, "note");
    List<Violation> problems = List.empty();
    if (from.equals(to)) {
      problems = problems.append(Violation.of("activity.handoff.same_assignee", "to",
          "A hand-off goes to another employee than " + from));
    }
    Checks.orThrow(problems.appendAll(noteProblems(note)));
  }

  /**
   * Returns this hand-off with its note {@link io.rapport.crm.customer.Channel#REDACTED}, or
   * itself.
   */
  HandOff redacted() {
    String plain = io.rapport.crm.customer.Channel.REDACTED;
    return note.equals(plain) ? this : new HandOff(from, to, at, by, plain);
  }

  static List<Violation> noteProblems(String note) {
    return Checks.requiredText(note, Activity.MAX_TEXT, "activity.handoff.note", "note",
        "A hand-off note");
  }
}
