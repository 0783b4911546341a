package io.rapport.crm.knowledge;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import java.util.regex.Pattern;

/** Small helpers of the article checks. */
final class ArticleChecks {

  /** A category's code: lower-case letters, digits and {@code . _ -}, 1 to 64 characters. */
  static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** The most tags an article has. */
  static final int MAX_TAGS = 50;

  /** The longest tag, in characters. */
  static final int MAX_TAG = 64;

  private ArticleChecks() {}

  /** Throws the violations, if there are any. */
  static void orThrow(Seq<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }

  /** Quotes an outside value for a message, shortening very long input. */
  static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }

  /**
   * Checks a required text: not blank, at most {@code max} characters. Codes are
   * {@code prefix.blank} and {@code prefix.too_long}.
   */
  static List<Violation> requiredText(String text, int max, String prefix, String field,
      String what) {
    if (text == null || text.isBlank()) {
      return List.of(Violation.of(prefix + ".blank", field, what + " must not be blank"));
    }
    if (text.length() > max) {
      return List.of(Violation.of(prefix + ".too_long", field,
          what + " has at most " + max + " characters, but got " + text.length()));
    }
    return List.empty();
  }

  /** Checks a category's code: {@code article.category.malformed}. */
  static List<Violation> category(String text, String field) {
    if (text == null || !CATEGORY.matcher(text).matches()) {
      return List.of(Violation.of("article.category.malformed", field, "A category is 1 to 64 "
          + "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, but "
          + "got " + quote(text)));
    }
    return List.empty();
  }

  /**
   * Checks tags: at most {@value #MAX_TAGS}, each not blank, without surrounding white space, at
   * most {@value #MAX_TAG} characters. Codes are {@code article.tags.too_many},
   * {@code article.tag.blank}, {@code article.tag.not_stripped} and {@code article.tag.too_long}.
   */
  static List<Violation> tags(Set<String> tags, String field) {
    List<Violation> problems = List.empty();
    if (tags.size() > MAX_TAGS) {
      problems = problems.append(Violation.of("article.tags.too_many", field,
          "An article has at most " + MAX_TAGS + " tags, but got " + tags.size()));
    }
    for (String tag : tags) {
      problems = problems.appendAll(tag(tag, field));
    }
    return problems;
  }

  /** Checks one tag; see {@link #tags(Set, String)}. */
  static List<Violation> tag(String tag, String field) {
    if (tag.isBlank()) {
      return List.of(Violation.of("article.tag.blank", field, "A tag must not be blank"));
    }
    List<Violation> problems = List.empty();
    if (!tag.equals(tag.strip())) {
      problems = problems.append(Violation.of("article.tag.not_stripped", field,
          "A tag has no surrounding white space, but got " + quote(tag)));
    }
    if (tag.length() > MAX_TAG) {
      problems = problems.append(Violation.of("article.tag.too_long", field,
          "A tag has at most " + MAX_TAG + " characters, but got " + tag.length()));
    }
    return problems;
  }
}
