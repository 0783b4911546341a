package io.rapport.crm.customer;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/** Small helpers of this package's validating factories. */
final class Checks {

  private Checks() {}

  static <T> T orThrow(Validation<Seq<Violation>, T> result) {
    return InvalidValueException.valueOrThrow(result);
  }

  static <T> Validation<Seq<Violation>, T> invalid(String code, String field, String message) {
    return Violation.invalid(code, field, message);
  }

  static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }
}
