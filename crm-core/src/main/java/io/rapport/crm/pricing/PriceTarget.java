package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ProductId;

/**
 * Says what a price entry prices: one product, or every product of a category that has no price
 * of its own (a category default). Immutable and thread-safe.
 */
public sealed interface PriceTarget permits PriceTarget.ForProduct, PriceTarget.ForCategory {

  /**
   * Prices one product. Immutable and thread-safe.
   *
   * @param product the product
   */
  record ForProduct(ProductId product) implements PriceTarget {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if product is null
     */
    public ForProduct {
      requireNonNull(product, "product");
    }
  }

  /**
   * Prices the products of a category that have no product price. Immutable and thread-safe.
   *
   * @param category the category's code, not blank (checked with the book)
   */
  record ForCategory(String category) implements PriceTarget {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if category is null
     */
    public ForCategory {
      requireNonNull(category, "category");
    }
  }
}
