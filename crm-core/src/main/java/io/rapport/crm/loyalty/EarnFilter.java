package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ProductId;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;

/**
 * Narrows which purchase lines and channels an earn rule pays for. An empty set means any. A line
 * is eligible when its product is listed (or none are), one of its categories is listed (or none
 * are), and its product is not excluded; an activity's channel must be listed (or none are).
 * Immutable and thread-safe.
 *
 * @param products the products that earn, or empty for any
 * @param categories the product categories that earn, or empty for any
 * @param channels the channels that earn, such as {@code store} or {@code web}, or empty for any
 * @param excludedProducts products that never earn under the rule
 */
public record EarnFilter(Set<ProductId> products, Set<String> categories, Set<String> channels,
    Set<ProductId> excludedProducts) {

  /** A filter letting everything through. */
  public static final EarnFilter ANY = new EarnFilter(HashSet.empty(), HashSet.empty(),
      HashSet.empty(), HashSet.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public EarnFilter {
    requireNonNull(products, "products");
    requireNonNull(categories, "categories");
    requireNonNull(channels, "channels");
    requireNonNull(excludedProducts, "excludedProducts");
    products.forEach(value -> requireNonNull(value, "products"));
    categories.forEach(value -> requireNonNull(value, "categories"));
    channels.forEach(value -> requireNonNull(value, "channels"));
    excludedProducts.forEach(value -> requireNonNull(value, "excludedProducts"));
  }
}
