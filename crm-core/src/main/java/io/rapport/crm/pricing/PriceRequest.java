package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.vavr.collection.Set;
import java.time.Instant;
import java.util.Currency;

/**
 * Asks for the price of a quantity of a product for a customer, in a currency and channel, at a
 * time. Immutable and thread-safe.
 *
 * @param product the product
 * @param categories the product's categories, for category defaults; may be empty
 * @param quantity how much, positive, in any unit convertible to the price's unit
 * @param currency the currency wanted
 * @param channel the channel, such as {@code store}
 * @param customerGroups the customer's groups (loyalty tier, segments); may be empty
 * @param at when
 */
public record PriceRequest(ProductId product, Set<String> categories, Quantity quantity,
    Currency currency, String channel, Set<String> customerGroups, Instant at) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public PriceRequest {
    requireNonNull(product, "product");
    requireNonNull(categories, "categories");
    requireNonNull(quantity, "quantity");
    requireNonNull(currency, "currency");
    requireNonNull(channel, "channel");
    requireNonNull(customerGroups, "customerGroups");
    requireNonNull(at, "at");
    if (!categories.isEmpty()) {
      categories.forEach(value -> requireNonNull(value, "categories"));
    }
    if (!customerGroups.isEmpty()) {
      customerGroups.forEach(value -> requireNonNull(value, "customerGroups"));
    }
  }
}
