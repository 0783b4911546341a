package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Instant;

/**
 * Records one internal note on an activity: who wrote it, when, and what. Internal notes are for
 * colleagues, never shown to the customer. Immutable and thread-safe.
 *
 * @param author who wrote it
 * @param at when
 * @param text what, not blank, at most {@value Activity#MAX_TEXT} characters
 */
public record Note(ActorId author, Instant at, String text) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the text is blank ({@code activity.note.blank}) or too long
   *     ({@code activity.note.too_long})
   */
  public Note {
    requireNonNull(author, "author");
    requireNonNull(at, "at");
    requireNonNull(text, "text");
    Checks.orThrow(problems(text));
  }

  /**
   * Validates outside input into a note; the text is stripped of surrounding white space.
   *
   * @param author who writes it
   * @param at when
   * @param text the text, possibly null
   * @return the note, or the violation on field {@code text}: {@code activity.note.blank} or
   *     {@code activity.note.too_long}
   * @throws NullPointerException if author or at is null
   */
  public static Validation<Seq<Violation>, Note> validated(ActorId author, Instant at, String text) {
    requireNonNull(author, "author");
    requireNonNull(at, "at");
    String stripped = Checks.strip(text);
    Seq<Violation> problems = problems(stripped);
    return problems.isEmpty() ? Validation.valid(new Note(author, at, stripped))
        : Validation.invalid(problems);
  }

  /** Returns this note with its text {@link io.rapport.crm.customer.Channel#REDACTED}, or itself. */
  Note redacted() {
    String plain = io.rapport.crm.customer.Channel.REDACTED;
    return text.equals(plain) ? this : new Note(author, at, plain);
  }

  static Seq<Violation> problems(String text) {
    return Checks.requiredText(text, Activity.MAX_TEXT, "activity.note", "text", "A note");
  }
}
