package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import java.time.Instant;
import java.util.Currency;

/**
 * Asks for a {@link Quote}: lines in one currency, for a customer, in a channel, at an instant,
 * with the coupon codes presented. Checked by {@link QuoteEngine#quote} (an empty cart, duplicate
 * line ids or an unknown coupon are refused there, with every problem). Immutable and
 * thread-safe.
 *
 * @param currency the currency of every price and amount
 * @param lines the lines, in cart order
 * @param customer who it is for
 * @param channel the channel, such as {@code store} or {@code call-center}
 * @param at when it is quoted
 * @param coupons the coupon codes presented; may be empty
 */
public record Cart(Currency currency, Seq<CartLine> lines, CustomerContext customer,
    String channel, Instant at, Set<String> coupons) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public Cart {
    requireNonNull(currency, "currency");
    requireNonNull(lines, "lines");
    requireNonNull(customer, "customer");
    requireNonNull(channel, "channel");
    requireNonNull(at, "at");
    requireNonNull(coupons, "coupons");
    lines.forEach(value -> requireNonNull(value, "lines"));
    coupons.forEach(value -> requireNonNull(value, "coupons"));
  }
}
