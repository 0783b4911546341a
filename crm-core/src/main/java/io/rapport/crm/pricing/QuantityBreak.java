package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.UnitPrice;

/**
 * Gives a lower unit price from a quantity on (a quantity tier): buying at least
 * {@code minimum}, every unit costs {@code price}. Checked as part of its {@link PriceEntry}.
 * Immutable and thread-safe.
 *
 * @param minimum the smallest quantity the price applies to, positive, in a unit convertible to
 *     the entry's
 * @param price the unit price from that quantity on, in the book's currency
 */
public record QuantityBreak(Quantity minimum, UnitPrice price) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public QuantityBreak {
    requireNonNull(minimum, "minimum");
    requireNonNull(price, "price");
  }
}
