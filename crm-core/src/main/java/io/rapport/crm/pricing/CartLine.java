package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;

/**
 * Holds one line of a {@link Cart}: a quantity of a product, with the product's categories (for
 * category prices and conditions) and attributes (such as wood {@code zitan}). Immutable and
 * thread-safe.
 *
 * @param lineId the line's id, unique in its cart
 * @param product the product
 * @param categories the product's categories; may be empty
 * @param attributes the product's attributes by key; may be empty
 * @param quantity how much, in pieces or a weight
 */
public record CartLine(String lineId, ProductId product, Set<String> categories,
    Map<String, String> attributes, Quantity quantity) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element, a key or a value is null
   */
  public CartLine {
    requireNonNull(lineId, "lineId");
    requireNonNull(product, "product");
    requireNonNull(categories, "categories");
    requireNonNull(attributes, "attributes");
    requireNonNull(quantity, "quantity");
    categories.forEach(value -> requireNonNull(value, "categories"));
    attributes.forEach((key, value) -> {
      requireNonNull(key, "attributes");
      requireNonNull(value, "attributes");
    });
  }

  /**
   * Returns a line without categories or attributes.
   *
   * @param lineId the line's id
   * @param product the product
   * @param quantity how much
   * @return the line
   * @throws NullPointerException if an argument is null
   */
  public static CartLine of(String lineId, ProductId product, Quantity quantity) {
    return new CartLine(lineId, product, HashSet.empty(), HashMap.empty(), quantity);
  }
}
