package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Thrown when a factory is given a value outside its domain, such as an unknown currency code or a
 * negative weight. Carries every {@link Violation} found, each naming its field and a stable code.
 *
 * <p>Factories that take trusted, programmer-supplied values ({@code of}, {@code parse},
 * {@code build}) throw this exception; their {@code validated} counterparts return the same
 * violations as a {@code Validation} for outside input.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Seq<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param violations the violations found, not empty
   * @throws IllegalArgumentException if there are no violations
   */
  public InvalidValueException(Seq<Violation> violations) {
    super(describe(requireNonNull(violations, "violations")));
    this.violations = violations;
  }

  /**
   * Returns the value of a valid result, or throws its violations: how throwing factories reuse
   * their validating counterparts.
   *
   * @param result a validation result
   * @param <T> the value type
   * @return the value
   * @throws InvalidValueException if the result is invalid
   */
  public static <T> T valueOrThrow(Validation<Seq<Violation>, T> result) {
    if (requireNonNull(result, "result").isInvalid()) {
      throw new InvalidValueException(result.getError());
    }
    return result.get();
  }

  /** Returns every violation found, in the order they were checked. */
  public Seq<Violation> violations() {
    return violations;
  }

  private static String describe(Seq<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("An InvalidValueException needs at least one violation");
    }
    return violations.mkString("; ");
  }
}
