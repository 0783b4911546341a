package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * Names how many points of one lot a journal entry moved: which lots paid a redemption, expired,
 * were clawed back or got points back. Immutable and thread-safe.
 *
 * @param lot the lot's number, 1 or more
 * @param currency the lot's currency
 * @param amount how many points, positive
 */
public record LotShare(int lot, PointCurrency currency, long amount) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if currency is null
   * @throws InvalidValueException if the lot number is not positive
   *     ({@code loyalty.lot.number.not_positive}) or the amount is not positive
   *     ({@code loyalty.amount.not_positive})
   */
  public LotShare {
    requireNonNull(currency, "currency");
    if (lot < 1 || amount < 1) {
      throw new InvalidValueException(List.of(lot < 1
          ? Violation.of("loyalty.lot.number.not_positive", "lot", "Lots are numbered from 1: " + lot)
          : Violation.of("loyalty.amount.not_positive", "amount",
              "A share of a lot is at least one point: " + amount)));
    }
  }
}
