package io.rapport.crm.sales;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;

/** Small helpers of the lead and purchase checks. */
final class LeadChecks {

  /** A stable code: lower-case letters, digits and {@code . _ -}, 1 to 64 characters. */
  static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** An attribute name: starts with a letter, then lower-case letters, digits and {@code . _ -}. */
  static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

  private LeadChecks() {}

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

  /** Returns the violations of a result, or none. */
  static Seq<Violation> errors(Validation<Seq<Violation>, ?> result) {
    return result.isInvalid() ? result.getError() : List.empty();
  }

  /** Returns the violations placed under another field, keeping code and message. */
  static Seq<Violation> at(Seq<Violation> violations, String field) {
    return violations.map(v -> Violation.of(v.code(), field, v.message()));
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

  /** Checks a stable code against {@link #CODE} ({@code code} is the violation's code). */
  static List<Violation> code(String text, String code, String field, String what) {
    if (text == null || !CODE.matcher(text).matches()) {
      return List.of(Violation.of(code, field, what + " has 1 to 64 lower-case letters, digits, "
          + "'.', '_' and '-', starting with a letter or digit, but got " + quote(text)));
    }
    return List.empty();
  }

  /** Returns the text stripped, or null for null or blank text. */
  static String blankless(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
