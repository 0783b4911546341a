package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.control.Option;
import java.math.RoundingMode;

/**
 * Records one product on an opportunity or a purchase: how much of it (pieces, or a weight such as
 * 12.5 jin), at what unit price, and with what discount. Immutable and thread-safe.
 *
 * <p>Its {@link #total() total} is the unit price times the quantity (converted exactly to the
 * price's unit), rounded half-even to the currency's minor unit, less the discount, rounded
 * half-even again.
 *
 * @param product the product
 * @param description a description shown on documents, or empty
 * @param quantity how much, in any unit the price's unit converts to
 * @param unitPrice the price per unit
 * @param discount the discount off the line's gross amount, 0 to 100 %
 */
public record LineItem(ProductId product, Option<String> description, Quantity quantity,
    UnitPrice unitPrice, Percentage discount) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public LineItem {
    requireNonNull(product, "product");
    requireNonNull(description, "description");
    requireNonNull(quantity, "quantity");
    requireNonNull(unitPrice, "unitPrice");
    requireNonNull(discount, "discount");
    description.forEach(value -> requireNonNull(value, "description"));
  }

  /** Returns the gross amount: unit price times quantity, before the discount. */
  public Money gross() {
    return unitPrice.priceOf(quantity, RoundingMode.HALF_EVEN);
  }

  /** Returns the net amount: the gross amount less the discount. */
  public Money total() {
    Money gross = gross();
    return gross.minus(discount.of(gross, RoundingMode.HALF_EVEN));
  }
}
