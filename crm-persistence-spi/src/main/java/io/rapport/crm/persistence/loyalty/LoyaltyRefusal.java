package io.rapport.crm.persistence.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Explains why the {@link LoyaltyDesk} refused an operation before any account command ran: a
 * stable code such as {@code loyalty.program_not_found}, {@code loyalty.account_not_found},
 * {@code loyalty.not_a_member}, {@code loyalty.already_member}, {@code loyalty.customer_not_found}
 * or {@code loyalty.program_invalid} (with every violation), and a readable message. Immutable and
 * thread-safe.
 *
 * @param code the stable code
 * @param message a readable explanation
 * @param violations the violations, for {@code loyalty.program_invalid}; empty otherwise
 */
public record LoyaltyRefusal(String code, String message, Seq<Violation> violations)
    implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a violation is null
   */
  public LoyaltyRefusal {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(violations, "violations");
    violations.forEach(value -> requireNonNull(value, "violations"));
  }

  static LoyaltyRefusal of(String code, String message) {
    return new LoyaltyRefusal(code, message, List.empty());
  }
}
