package io.rapport.crm.service;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;

/**
 * Checks shared by the ticket shapes, the ticket's commands and its draft: text lengths counted in
 * code points (so 红木 counts two), tags, and the throwing of every violation at once.
 */
final class TicketChecks {

  private TicketChecks() {}

  /** Throws every violation found, if any. */
  static void orThrow(Seq<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }

  /** Returns the length of a text in code points. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Returns the text stripped of surrounding white space, or null for null. */
  static String strip(String text) {
    return text == null ? null : text.strip();
  }

  /**
   * Checks a required text: not null, not blank ({@code prefix.blank}), at most {@code max} code
   * points ({@code prefix.too_long}).
   */
  static List<Violation> requiredText(String text, int max, String prefix, String field,
      String what) {
    if (text == null || text.isBlank()) {
      return List.of(Violation.of(prefix + ".blank", field, what + " must not be blank"));
    }
    return maxLength(text, max, prefix, field, what);
  }

  /** Checks that a text has at most {@code max} code points ({@code prefix.too_long}). */
  static List<Violation> maxLength(String text, int max, String prefix, String field,
      String what) {
    if (text != null && length(text) > max) {
      return List.of(Violation.of(prefix + ".too_long", field,
          what + " has at most " + max + " characters, but got " + length(text)));
    }
    return List.empty();
  }

  /**
   * Checks tags as a ticket holds them: at most {@link Ticket#MAX_TAGS} ({@code ticket.tags.too_many}),
   * each not blank ({@code ticket.tag.blank}), equal to its strip ({@code ticket.tag.not_stripped})
   * and at most {@link Ticket#MAX_TAG} code points ({@code ticket.tag.too_long}).
   */
  static List<Violation> tagProblems(Iterable<String> tags, int count) {
    List<Violation> problems = List.empty();
    if (count > Ticket.MAX_TAGS) {
      problems = problems.append(Violation.of("ticket.tags.too_many", "tags",
          "A ticket has at most " + Ticket.MAX_TAGS + " tags, but got " + count));
    }
    for (String tag : tags) {
      String field = "tags";
      if (tag.isBlank()) {
        problems = problems.append(Violation.of("ticket.tag.blank", "tags",
            "A tag must not be blank"));
        continue;
      }
      if (!tag.equals(tag.strip())) {
        problems = problems.append(Violation.of("ticket.tag.not_stripped", field,
            "A tag has no surrounding white space: " + quote(tag)));
      }
      problems = problems.appendAll(maxLength(tag, Ticket.MAX_TAG, "ticket.tag", field,
          "A tag"));
    }
    return problems;
  }

  /**
   * Strips outside tags and checks them: each stripped tag not blank ({@code ticket.tag.blank}),
   * at most {@link Ticket#MAX_TAG} code points ({@code ticket.tag.too_long}), and at most
   * {@link Ticket#MAX_TAGS} distinct tags ({@code ticket.tags.too_many}); fields are
   * {@code tags[i]}.
   *
   * @return the distinct stripped tags, or every violation
   */
  static Either<List<Violation>, TreeSet<String>> tags(Iterable<String> given) {
    List<Violation> problems = List.empty();
    TreeSet<String> tags = TreeSet.empty();
    int i = 0;
    for (String raw : given) {
      String field = "tags[" + i++ + "]";
      String tag = strip(raw);
      if (tag == null || tag.isEmpty()) {
        problems = problems.append(Violation.of("ticket.tag.blank", field,
            "A tag must not be blank"));
        continue;
      }
      List<Violation> tooLong = maxLength(tag, Ticket.MAX_TAG, "ticket.tag", field, "A tag");
      problems = problems.appendAll(tooLong);
      tags = tags.add(tag);
    }
    if (tags.size() > Ticket.MAX_TAGS) {
      problems = problems.append(Violation.of("ticket.tags.too_many", "tags",
          "A ticket has at most " + Ticket.MAX_TAGS + " tags, but got " + tags.size()));
    }
    return problems.isEmpty() ? Either.right(tags) : Either.left(problems);
  }

  /** Quotes an outside value for a message, shortening very long input. */
  static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }

  /** Shortens a title to at most {@code max} code points, ending it with an ellipsis if cut. */
  static String clipped(String text, int max) {
    if (length(text) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
