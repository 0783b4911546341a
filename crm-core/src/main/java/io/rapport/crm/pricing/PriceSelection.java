package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Tells which price a request gets and why: the entry selected, its list unit price, the unit
 * price that applies (the sale price or a quantity break if lower), the cost and floor that
 * discounts must respect, and every other entry of a matching target with why it lost.
 * Immutable and thread-safe.
 *
 * @param book the book of the selected entry
 * @param entry the selected entry
 * @param listPrice the list unit price
 * @param unitPrice the unit price that applies: the lowest of the list price, the sale price and
 *     the quantity break reached
 * @param basis why that unit price: {@code list}, {@code sale} or {@code break}
 * @param cost the cost per unit, or empty
 * @param floor the floor per unit, or empty
 * @param considered every other entry for the product or its categories, with why it lost
 */
public record PriceSelection(PriceBookId book, PriceEntry entry, UnitPrice listPrice,
    UnitPrice unitPrice, String basis, Option<UnitPrice> cost, Option<UnitPrice> floor,
    Seq<ConsideredPrice> considered) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public PriceSelection {
    requireNonNull(book, "book");
    requireNonNull(entry, "entry");
    requireNonNull(listPrice, "listPrice");
    requireNonNull(unitPrice, "unitPrice");
    requireNonNull(basis, "basis");
    requireNonNull(cost, "cost");
    requireNonNull(floor, "floor");
    requireNonNull(considered, "considered");
    if (cost.isDefined()) {
      requireNonNull(cost.get(), "cost");
    }
    if (floor.isDefined()) {
      requireNonNull(floor.get(), "floor");
    }
    Elements.requireNoNulls(considered, "considered");
  }
}
