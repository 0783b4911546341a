package io.rapport.crm.work;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/** Small helpers of this package's validating factories and constructors. */
final class Checks {

  private Checks() {}

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
   * Checks a required text: present, not blank, at most {@code max} characters. Codes are
   * {@code prefix.blank} (null or blank) and {@code prefix.too_long}.
   */
  static List<Violation> requiredText(String text, int max, String prefix, String field,
      String what) {
    if (text == null || text.isBlank()) {
      return List.of(Violation.of(prefix + ".blank", field, what + " must not be blank"));
    }
    return maxLength(text, max, prefix, field, what);
  }

  /** Checks that a text has at most {@code max} characters ({@code prefix.too_long}). */
  static List<Violation> maxLength(String text, int max, String prefix, String field,
      String what) {
    if (text != null && text.length() > max) {
      return List.of(Violation.of(prefix + ".too_long", field,
          what + " has at most " + max + " characters, but got " + text.length()));
    }
    return List.empty();
  }

  /** Returns the text stripped of surrounding white space, or null for null. */
  static String strip(String text) {
    return text == null ? null : text.strip();
  }
}
