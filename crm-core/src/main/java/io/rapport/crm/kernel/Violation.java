package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Reports one problem with one field of outside input. Immutable and thread-safe.
 *
 * <p>Validation collects every violation of an input at once, so a caller can show all of them
 * together. The {@code field} is a path into the input as the caller named it, such as
 * {@code amount} or {@code price.currency}; {@link #under(String)} prefixes it when a value is
 * validated as part of a larger one.
 *
 * @param code stable, machine-readable code such as {@code money.currency.unknown}
 * @param field path of the offending field in the input, never blank
 * @param message human-readable description, including the rejected value where it helps
 */
public record Violation(String code, String field, String message) implements Problem {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if the code or field is blank
   */
  public Violation {
    requireNonNull(code, "code");
    requireNonNull(field, "field");
    requireNonNull(message, "message");
    if (code.isBlank()) {
      throw new IllegalArgumentException("A violation's code must not be blank");
    }
    if (field.isBlank()) {
      throw new IllegalArgumentException("A violation's field must not be blank");
    }
  }

  /**
   * Creates a violation.
   *
   * @param code stable code
   * @param field path of the offending field
   * @param message human-readable description
   * @return the violation
   */
  public static Violation of(String code, String field, String message) {
    return new Violation(code, field, message);
  }

  /**
   * Returns an invalid result holding one violation, for validating factories.
   *
   * @param code stable code
   * @param field path of the offending field
   * @param message human-readable description
   * @param <T> the type the result would have held
   * @return the invalid result
   */
  public static <T> Validation<Seq<Violation>, T> invalid(String code, String field, String message) {
    return Validation.invalid(List.of(of(code, field, message)));
  }

  /**
   * Returns this violation with its field placed under a parent path, so {@code amount} under
   * {@code price} becomes {@code price.amount}.
   *
   * @param parent the parent path, not blank
   * @return the violation with the prefixed field
   */
  public Violation under(String parent) {
    requireNonNull(parent, "parent");
    return new Violation(code, parent + "." + field, message);
  }

  /** Returns {@code field: message [code]}. */
  @Override
  public String toString() {
    return field + ": " + message + " [" + code + "]";
  }
}
