package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Percentage;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * Describes who a cart is quoted for: the customer if known, their loyalty tier and its benefit
 * discount, their segments and tags. The customer groups used for price selection are the tier
 * and the segments ({@link #groups()}). Immutable and thread-safe.
 *
 * @param customer the customer, or empty for an anonymous cart
 * @param tier the loyalty tier's code, or empty
 * @param tierDiscount the tier's benefit discount, 0 to 100 % (zero when there is none)
 * @param segments the customer's segments, such as RFM segments; may be empty
 * @param tags the customer's tags; may be empty
 */
public record CustomerContext(Option<CustomerId> customer, Option<String> tier,
    Percentage tierDiscount, Set<String> segments, Set<String> tags) {

  /** An anonymous customer: no tier, no discount, no segment, no tag. */
  public static final CustomerContext ANONYMOUS = new CustomerContext(Option.none(),
      Option.none(), Percentage.ZERO, HashSet.empty(), HashSet.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws IllegalArgumentException if the tier discount is outside 0 to 100 %
   */
  public CustomerContext {
    requireNonNull(customer, "customer");
    requireNonNull(tier, "tier");
    requireNonNull(tierDiscount, "tierDiscount");
    requireNonNull(segments, "segments");
    requireNonNull(tags, "tags");
    customer.forEach(value -> requireNonNull(value, "customer"));
    tier.forEach(value -> requireNonNull(value, "tier"));
    segments.forEach(value -> requireNonNull(value, "segments"));
    tags.forEach(value -> requireNonNull(value, "tags"));
    if (tierDiscount.isNegative() || tierDiscount.compareTo(Percentage.ONE_HUNDRED) > 0) {
      throw new IllegalArgumentException("A tier discount is 0 to 100 %, not " + tierDiscount);
    }
  }

  /**
   * Returns a known customer with a tier and its benefit discount, without segments or tags.
   *
   * @param customer the customer
   * @param tier the tier's code
   * @param tierDiscount the tier's benefit discount
   * @return the context
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the tier discount is outside 0 to 100 %
   */
  public static CustomerContext inTier(CustomerId customer, String tier,
      Percentage tierDiscount) {
    return new CustomerContext(Option.some(requireNonNull(customer, "customer")),
        Option.some(requireNonNull(tier, "tier")), tierDiscount, HashSet.empty(),
        HashSet.empty());
  }

  /** Returns the customer groups used for price selection: the tier and the segments. */
  public Set<String> groups() {
    return tier.isEmpty() ? segments : segments.add(tier.get());
  }
}
