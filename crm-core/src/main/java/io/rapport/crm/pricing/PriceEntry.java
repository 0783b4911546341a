package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * Prices a product or a category in a {@link PriceBook}: a list price per unit (a piece, or a
 * weight such as a jin), an optional sale price, quantity breaks, the channels and customer
 * groups it is for, when it is valid, and the cost and floor the pricing rules respect. Checked
 * as part of its book. Immutable and thread-safe.
 *
 * @param code the entry's code, unique in its book: a lower-case letter or digit, then up to 63
 *     lower-case letters, digits or {@code . _ -}
 * @param target what it prices
 * @param list the list price per unit
 * @param sale a sale price per unit in the same unit, below the list price, or empty
 * @param breaks quantity breaks, minimums strictly increasing and prices strictly decreasing,
 *     each below the list price
 * @param channels the channels it is for, such as {@code store}; empty for every channel
 * @param customerGroups the customer groups (loyalty tiers, segments) it is for; empty for every
 *     customer
 * @param validity when it is valid (start inclusive, end exclusive), or empty for always
 * @param cost the cost per unit, for minimum-margin floors, or empty
 * @param floor the lowest unit price any discount may reach, or empty
 */
public record PriceEntry(String code, PriceTarget target, UnitPrice list, Option<UnitPrice> sale,
    Seq<QuantityBreak> breaks, Set<String> channels, Set<String> customerGroups,
    Option<TimeWindow> validity, Option<UnitPrice> cost, Option<UnitPrice> floor) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public PriceEntry {
    requireNonNull(code, "code");
    requireNonNull(target, "target");
    requireNonNull(list, "list");
    requireNonNull(sale, "sale");
    requireNonNull(breaks, "breaks");
    requireNonNull(channels, "channels");
    requireNonNull(customerGroups, "customerGroups");
    requireNonNull(validity, "validity");
    requireNonNull(cost, "cost");
    requireNonNull(floor, "floor");
    sale.forEach(value -> requireNonNull(value, "sale"));
    breaks.forEach(value -> requireNonNull(value, "breaks"));
    channels.forEach(value -> requireNonNull(value, "channels"));
    customerGroups.forEach(value -> requireNonNull(value, "customerGroups"));
    validity.forEach(value -> requireNonNull(value, "validity"));
    cost.forEach(value -> requireNonNull(value, "cost"));
    floor.forEach(value -> requireNonNull(value, "floor"));
  }
}
