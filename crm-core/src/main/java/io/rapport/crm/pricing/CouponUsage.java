package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.PricingRuleId;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * Counts the uses so far that usage caps ({@link RuleCaps}) are compared with: orders per coupon
 * code, per coupon code and customer, and per rule and customer (for a rule without coupon that
 * caps its uses per customer). The host keeps it up to date as orders are placed. Immutable and
 * thread-safe.
 *
 * @param byCoupon orders that used each coupon code
 * @param byCouponAndCustomer orders of each customer that used each coupon code
 * @param byRuleAndCustomer orders of each customer each rule applied to
 */
public record CouponUsage(Map<String, Long> byCoupon,
    Map<Tuple2<String, CustomerId>, Long> byCouponAndCustomer,
    Map<Tuple2<PricingRuleId, CustomerId>, Long> byRuleAndCustomer) {

  /** No use at all. */
  public static final CouponUsage NONE = new CouponUsage(HashMap.empty(), HashMap.empty(),
      HashMap.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, a key or a count is null
   */
  public CouponUsage {
    requireNonNull(byCoupon, "byCoupon");
    requireNonNull(byCouponAndCustomer, "byCouponAndCustomer");
    requireNonNull(byRuleAndCustomer, "byRuleAndCustomer");
    byCoupon.forEach((key, value) -> requireNonNull(value, "byCoupon"));
    byCouponAndCustomer.forEach((key, value) -> requireNonNull(value, "byCouponAndCustomer"));
    byRuleAndCustomer.forEach((key, value) -> requireNonNull(value, "byRuleAndCustomer"));
  }

  /**
   * Returns the usage after one more order that used a coupon.
   *
   * @param coupon the coupon code
   * @param customer the customer, or empty for an anonymous order
   * @return the new usage
   * @throws NullPointerException if an argument is null
   */
  public CouponUsage withCouponUse(String coupon, Option<CustomerId> customer) {
    requireNonNull(coupon, "coupon");
    requireNonNull(customer, "customer");
    Map<Tuple2<String, CustomerId>, Long> perCustomer = customer.isEmpty() ? byCouponAndCustomer
        : byCouponAndCustomer.put(Tuple.of(coupon, customer.get()), uses(coupon, customer.get()) + 1);
    return new CouponUsage(byCoupon.put(coupon, uses(coupon) + 1), perCustomer,
        byRuleAndCustomer);
  }

  /**
   * Returns the usage after one more order of a customer that a rule applied to.
   *
   * @param rule the rule
   * @param customer the customer
   * @return the new usage
   * @throws NullPointerException if an argument is null
   */
  public CouponUsage withRuleUse(PricingRuleId rule, CustomerId customer) {
    Tuple2<PricingRuleId, CustomerId> key = Tuple.of(requireNonNull(rule, "rule"),
        requireNonNull(customer, "customer"));
    return new CouponUsage(byCoupon, byCouponAndCustomer,
        byRuleAndCustomer.put(key, ruleUses(rule, customer) + 1));
  }

  /**
   * Returns how many orders used a coupon code.
   *
   * @param coupon the code
   * @return the count, zero if never used
   * @throws NullPointerException if coupon is null
   */
  public long uses(String coupon) {
    return byCoupon.get(requireNonNull(coupon, "coupon")).getOrElse(0L);
  }

  /**
   * Returns how many orders of a customer used a coupon code.
   *
   * @param coupon the code
   * @param customer the customer
   * @return the count, zero if never used
   * @throws NullPointerException if an argument is null
   */
  public long uses(String coupon, CustomerId customer) {
    return byCouponAndCustomer.get(Tuple.of(requireNonNull(coupon, "coupon"),
        requireNonNull(customer, "customer"))).getOrElse(0L);
  }

  /**
   * Returns how many orders of a customer a rule applied to.
   *
   * @param rule the rule
   * @param customer the customer
   * @return the count, zero if never
   * @throws NullPointerException if an argument is null
   */
  public long ruleUses(PricingRuleId rule, CustomerId customer) {
    return byRuleAndCustomer.get(Tuple.of(requireNonNull(rule, "rule"),
        requireNonNull(customer, "customer"))).getOrElse(0L);
  }
}
