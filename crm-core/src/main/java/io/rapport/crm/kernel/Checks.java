package io.rapport.crm.kernel;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;

/** Small helpers shared by the kernel's validating factories. */
final class Checks {

  /** The most significant digits an exact amount may have: far beyond any real amount. */
  static final int MAX_DIGITS = 100;

  /** The longest decimal text read: the digits, a sign and a point. */
  static final int MAX_DECIMAL_TEXT = MAX_DIGITS + 2;

  private Checks() {}

  /** Returns the value of a valid result, or throws its violations. */
  static <T> T orThrow(Validation<Seq<Violation>, T> result) {
    return InvalidValueException.valueOrThrow(result);
  }

  /** Returns an invalid result holding one violation. */
  static <T> Validation<Seq<Violation>, T> invalid(String code, String field, String message) {
    return Violation.invalid(code, field, message);
  }

  /** Returns the violations of a result, or none. */
  static Seq<Violation> errors(Validation<Seq<Violation>, ?> result) {
    return result.isInvalid() ? result.getError() : List.empty();
  }

  /** Quotes an outside value for a message, shortening very long input. */
  static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }

  /** Returns whether text is an optional minus, digits, and optionally a point and digits. */
  static boolean isPlainDecimal(String text) {
    int i = text.charAt(0) == '-' ? 1 : 0;
    int digits = 0;
    int pointAt = -1;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && pointAt < 0) {
        pointAt = i;
      } else {
        return false;
      }
    }
    return digits > 0 && pointAt != text.length() - 1 && pointAt != (text.charAt(0) == '-' ? 1 : 0);
  }

  /** Strips trailing zeros without going to a negative scale (so 100 stays 100, not 1E+2). */
  static BigDecimal normalise(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
