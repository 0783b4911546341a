package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;

/**
 * Identifies a stage within its pipeline, such as {@code qualification} or {@code closed-won}.
 * Immutable and thread-safe.
 *
 * @param value lower-case letters, digits, {@code -}, {@code _} and {@code .}, starting with a
 *     letter or digit, 1 to 64 characters
 */
public record StageCode(String value) implements Comparable<StageCode> {

  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is malformed ({@code stage.code.malformed})
   */
  public StageCode {
    requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValueException(List.of(violation(value, "stage")));
    }
  }

  /**
   * Returns the code with the given value.
   *
   * @param value the value
   * @return the code
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is malformed
   */
  public static StageCode of(String value) {
    return new StageCode(value);
  }

  /**
   * Validates outside input.
   *
   * @param value the text, possibly null
   * @param field the field to name in a violation
   * @return the code, or {@code stage.code.malformed}
   */
  public static Validation<Seq<Violation>, StageCode> validated(String value, String field) {
    if (value == null || !SHAPE.matcher(value).matches()) {
      return Validation.invalid(List.of(violation(value, field)));
    }
    return Validation.valid(new StageCode(value));
  }

  private static Violation violation(String value, String field) {
    return Violation.of("stage.code.malformed", field, "A stage code is 1 to 64 lower-case letters,"
        + " digits, '-', '_' or '.', starting with a letter or digit; got "
        + (value == null ? "nothing" : "'" + value + "'"));
  }

  @Override
  public int compareTo(StageCode other) {
    return value.compareTo(other.value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
