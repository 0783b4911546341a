package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Set;

/**
 * Declares a point currency of a program: what it is for and when its lots expire. Immutable and
 * thread-safe.
 *
 * @param currency the currency
 * @param roles what it is for: qualifying, redeemable or both; not empty
 * @param expiry when a lot earned in it expires
 */
public record ProgramCurrency(PointCurrency currency, Set<CurrencyRole> roles,
    PointsExpiry expiry) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a role is null
   * @throws InvalidValueException if there is no role ({@code loyalty.currency.no_role}, field
   *     {@code roles})
   */
  public ProgramCurrency {
    requireNonNull(currency, "currency");
    requireNonNull(roles, "roles");
    requireNonNull(expiry, "expiry");
    roles.forEach(role -> requireNonNull(role, "roles"));
    if (roles.isEmpty()) {
      throw new InvalidValueException(List.of(Violation.of("loyalty.currency.no_role", "roles",
          "Point currency " + currency + " needs a role: qualifying, redeemable or both")));
    }
  }

  /** Tells whether it counts towards tiers. */
  public boolean isQualifying() {
    return roles.contains(CurrencyRole.QUALIFYING);
  }

  /** Tells whether it can be redeemed. */
  public boolean isRedeemable() {
    return roles.contains(CurrencyRole.REDEEMABLE);
  }
}
