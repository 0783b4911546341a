package io.rapport.crm.kernel;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/** Small helpers shared by the kernel's validating factories. */
final class Checks {

  private Checks() {}

  /** Returns the value of a valid result, or throws its violations. */
  static <T> T orThrow(Validation<Seq<Violation>, T> result) {
    if (result.isInvalid()) {
      throw new InvalidValueException(result.getError());
    }
    return result.get();
  }

  /** Returns an invalid result holding one violation. */
  static <T> Validation<Seq<Violation>, T> invalid(String code, String field, String message) {
    return Validation.invalid(List.of(Violation.of(code, field, message)));
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
}
