package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;

/**
 * Names a kind of points a program keeps apart, such as {@code points} (redeemable) or
 * {@code tier-credits} (qualifying). Immutable and thread-safe.
 *
 * <p>{@code toString()} prints the code and {@link #of(String)} accepts exactly that.
 *
 * @param code lower-case letters, digits and {@code . _ -}, starting with a letter or digit, at most
 *     64 characters
 */
public record PointCurrency(String code) implements Comparable<PointCurrency> {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /**
   * Checks the code.
   *
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is malformed ({@code loyalty.currency.malformed})
   */
  public PointCurrency {
    requireNonNull(code, "code");
    Seq<Violation> problems = problems(code);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the currency with the given code.
   *
   * @param code such as {@code points}
   * @return the currency
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is malformed ({@code loyalty.currency.malformed})
   */
  public static PointCurrency of(String code) {
    return new PointCurrency(code);
  }

  /**
   * Validates outside input into a currency.
   *
   * @param code the code, possibly null
   * @return the currency, or {@code loyalty.currency.missing} or {@code loyalty.currency.malformed}
   */
  public static Validation<Seq<Violation>, PointCurrency> validated(String code) {
    if (code == null) {
      return Violation.invalid("loyalty.currency.missing", "currency",
          "A point currency needs a code such as points");
    }
    Seq<Violation> problems = problems(code);
    return problems.isEmpty() ? Validation.valid(new PointCurrency(code))
        : Validation.invalid(problems);
  }

  private static Seq<Violation> problems(String code) {
    return CODE.matcher(code).matches() ? List.empty()
        : List.of(Violation.of("loyalty.currency.malformed", "currency",
            "A point currency is a code such as points or tier-credits: lower-case letters, "
                + "digits and . _ -, at most 64 characters, but got '" + code + "'"));
  }

  /** Compares by code. */
  @Override
  public int compareTo(PointCurrency other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
