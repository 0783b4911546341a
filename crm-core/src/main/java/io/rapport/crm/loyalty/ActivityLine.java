package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.vavr.collection.Set;
import java.math.BigDecimal;

/**
 * Describes one line of a purchase as the earn rules see it: the product, its categories, how many
 * units and what was paid for it after discounts. Immutable and thread-safe.
 *
 * @param product the product
 * @param categories the product's categories, such as {@code furniture}; may be empty
 * @param units how many units, positive (weights count as their number of units)
 * @param amount what was paid for the line, zero or positive
 */
public record ActivityLine(ProductId product, Set<String> categories, BigDecimal units,
    Money amount) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a category is null
   */
  public ActivityLine {
    requireNonNull(product, "product");
    requireNonNull(categories, "categories");
    requireNonNull(units, "units");
    requireNonNull(amount, "amount");
    categories.forEach(value -> requireNonNull(value, "categories"));
  }
}
