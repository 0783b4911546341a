package io.rapport.crm.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * One version of a knowledge article's text. Versions are numbered from 1 and never change once
 * a later version exists. Immutable and thread-safe.
 *
 * @param number the version's number, from 1
 * @param title the title
 * @param body the text
 * @param at when this version was started
 * @param by who started it
 * @param note what changed, or empty
 */
public record ArticleVersion(int number, String title, String body, Instant at, ActorId by,
    Option<String> note) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the note is null
   */
  public ArticleVersion {
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(note, "note");
    note.forEach(value -> requireNonNull(value, "note"));
  }
}
