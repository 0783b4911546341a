package io.rapport.crm.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * One version of a knowledge article's text. Versions are numbered from 1 and never change once
 * a later version exists. Immutable and thread-safe.
 *
 * <p>While a version is the latest one and still a draft, revising it replaces its title, body
 * and note and makes the reviser its author ({@code by}); {@code at} stays when it was started.
 * The four-eyes rule of {@link Article#publish} compares the publisher with that author.
 *
 * @param number the version's number, from 1
 * @param title the title, not blank, at most {@value #MAX_TITLE} characters
 * @param body the text, not blank, at most {@value #MAX_BODY} characters
 * @param at when this version was started
 * @param by who wrote its text last: who started it, or who last revised it while a draft
 * @param note what changed, or empty; not blank, at most {@value #MAX_NOTE} characters
 */
public record ArticleVersion(int number, String title, String body, Instant at, ActorId by,
    Option<String> note) {

  /** The longest title, in characters. */
  public static final int MAX_TITLE = 300;

  /** The longest body, in characters. */
  public static final int MAX_BODY = 100_000;

  /** The longest note, in characters. */
  public static final int MAX_NOTE = 500;

  /**
   * Checks the components and the invariants.
   *
   * @throws NullPointerException if a component or the note is null
   * @throws InvalidValueException with every broken invariant:
   *     {@code article.version.number.out_of_range} (below 1), {@code article.title.blank},
   *     {@code article.title.too_long}, {@code article.body.blank}, {@code article.body.too_long},
   *     {@code article.note.blank}, {@code article.note.too_long}
   */
  public ArticleVersion {
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(note, "note");
    note.forEach(value -> requireNonNull(value, "note"));
    List<Violation> problems = List.empty();
    if (number < 1) {
      problems = problems.append(Violation.of("article.version.number.out_of_range", "number",
          "Versions are numbered from 1, but got " + number));
    }
    ArticleChecks.orThrow(problems.appendAll(textProblems(title, body, note)));
  }

  /**
   * Returns whether this version has the same title, body and note as given.
   *
   * @param otherTitle a title
   * @param otherBody a body
   * @param otherNote a note, or empty
   * @return true if all three are equal to this version's
   */
  boolean sameText(String otherTitle, String otherBody, Option<String> otherNote) {
    return title.equals(otherTitle) && body.equals(otherBody) && note.equals(otherNote);
  }

  /** Returns the broken rules of a version's text, under the fields title, body and note. */
  static List<Violation> textProblems(String title, String body, Option<String> note) {
    List<Violation> problems = ArticleChecks.requiredText(title, MAX_TITLE, "article.title",
        "title", "An article's title")
        .appendAll(ArticleChecks.requiredText(body, MAX_BODY, "article.body", "body",
            "An article's body"));
    for (String text : note) {
      problems = problems.appendAll(ArticleChecks.requiredText(text, MAX_NOTE, "article.note",
          "note", "A version's note"));
    }
    return problems;
  }
}
