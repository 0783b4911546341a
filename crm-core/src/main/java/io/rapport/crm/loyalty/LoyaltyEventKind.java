package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.util.regex.Pattern;

/**
 * Names an occasion that earns points without a purchase: one of the common kinds below, or any
 * code the business adds, such as {@code survey}. Immutable and thread-safe.
 *
 * @param code the kind's code: a lower-case letter or digit, then up to 63 lower-case letters,
 *     digits or {@code . _ -}
 */
public record LoyaltyEventKind(String code) implements Comparable<LoyaltyEventKind> {

  /** A code's shape; declared first, as the constants below are checked against it. */
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** The member joined the program. */
  public static final LoyaltyEventKind REGISTRATION = new LoyaltyEventKind("registration");

  /** The member wrote a review. */
  public static final LoyaltyEventKind REVIEW = new LoyaltyEventKind("review");

  /** The member's birthday. */
  public static final LoyaltyEventKind BIRTHDAY = new LoyaltyEventKind("birthday");

  /** The member referred someone who joined or bought. */
  public static final LoyaltyEventKind REFERRAL = new LoyaltyEventKind("referral");

  /**
   * Checks the code.
   *
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is malformed ({@code loyalty.event_kind.invalid},
   *     field {@code kind})
   */
  public LoyaltyEventKind {
    requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new InvalidValueException(List.of(Violation.of("loyalty.event_kind.invalid", "kind",
          "An event kind is a lower-case letter or digit, then up to 63 lower-case letters,"
              + " digits or . _ -, but got '" + code + "'")));
    }
  }

  /**
   * Returns the kind with a code.
   *
   * @param code the code
   * @return the kind
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is malformed ({@code loyalty.event_kind.invalid})
   */
  public static LoyaltyEventKind of(String code) {
    return new LoyaltyEventKind(code);
  }

  /** Orders kinds by code. */
  @Override
  public int compareTo(LoyaltyEventKind other) {
    return code.compareTo(other.code);
  }

  /** Returns the code. */
  @Override
  public String toString() {
    return code;
  }
}
