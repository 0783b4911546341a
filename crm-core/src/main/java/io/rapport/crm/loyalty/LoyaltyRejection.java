package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.vavr.control.Option;

/**
 * Explains why a loyalty account or the earn calculation refused a command: a stable code such as
 * {@code loyalty.insufficient_points} (with the points available), {@code loyalty.tier.unknown} or
 * {@code loyalty.activity.already_recorded}, and a readable message. Ledger refusals keep their
 * {@link LedgerRejection} code. Immutable and thread-safe.
 *
 * @param code the stable code
 * @param available the points available, for {@code loyalty.insufficient_points} and
 *     {@code loyalty.negative_balance_refused}; empty otherwise
 * @param message a readable explanation
 */
public record LoyaltyRejection(String code, Option<Long> available, String message)
    implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the available points are null
   */
  public LoyaltyRejection {
    requireNonNull(code, "code");
    requireNonNull(available, "available");
    requireNonNull(message, "message");
    available.forEach(value -> requireNonNull(value, "available"));
  }

  /**
   * Returns a rejection without available points.
   *
   * @param code the stable code
   * @param message a readable explanation
   * @return the rejection
   * @throws NullPointerException if an argument is null
   */
  public static LoyaltyRejection of(String code, String message) {
    return new LoyaltyRejection(code, Option.none(), message);
  }

  /**
   * Returns the rejection a ledger refusal becomes, with the same code.
   *
   * @param rejection the ledger's refusal
   * @return the rejection
   * @throws NullPointerException if rejection is null
   */
  public static LoyaltyRejection of(LedgerRejection rejection) {
    requireNonNull(rejection, "rejection");
    return new LoyaltyRejection(rejection.code(), rejection.available(), rejection.message());
  }
}
