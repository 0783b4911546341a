package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records why and when a lead was disqualified. Immutable and thread-safe.
 *
 * @param reason a stable reason code, such as {@code no_budget} or {@code spam}
 * @param note a note, or empty
 * @param at when it was disqualified
 * @param by who disqualified it
 */
public record Disqualification(String reason, Option<String> note, Instant at, ActorId by) {

  /** The longest note, in characters. */
  public static final int MAX_NOTE = 1000;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every broken rule: a reason that is
   *     not a code ({@code lead.disqualification.reason.malformed}, field {@code reason}), a blank
   *     note ({@code lead.disqualification.note.blank}) or one over {@value #MAX_NOTE} characters
   *     ({@code lead.disqualification.note.too_long}, field {@code note})
   */
  public Disqualification {
    requireNonNull(reason, "reason");
    requireNonNull(note, "note");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    note.forEach(value -> requireNonNull(value, "note"));
    LeadChecks.orThrow(problems(reason, note));
  }

  /** Returns the broken rules of a reason and a note. */
  static List<Violation> problems(String reason, Option<String> note) {
    List<Violation> problems = LeadChecks.code(reason, "lead.disqualification.reason.malformed",
        "reason", "A disqualification reason");
    for (String text : note) {
      problems = problems.appendAll(LeadChecks.requiredText(text, MAX_NOTE,
          "lead.disqualification.note", "note", "A disqualification note"));
    }
    return problems;
  }
}
