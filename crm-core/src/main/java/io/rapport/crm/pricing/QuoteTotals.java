package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Gives a cart's amounts without their explanation, for listings: what
 * {@link QuoteEngine#totals} returns, equal to {@link Quote#totals()} of the quote of the same
 * input. Immutable and thread-safe.
 *
 * @param currency the cart's currency
 * @param lines per line, in cart order, its base, final and rounded amounts
 * @param subtotal the sum of the lines' base amounts, exact
 * @param discount the sum of every adjustment, zero or below, exact
 * @param exactTotal the sum of the lines' exact final amounts
 * @param total the amount to pay, rounded to the minor unit
 */
public record QuoteTotals(Currency currency, Seq<LineTotal> lines, BigDecimal subtotal,
    BigDecimal discount, BigDecimal exactTotal, Money total) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public QuoteTotals {
    requireNonNull(currency, "currency");
    requireNonNull(lines, "lines");
    requireNonNull(subtotal, "subtotal");
    requireNonNull(discount, "discount");
    requireNonNull(exactTotal, "exactTotal");
    requireNonNull(total, "total");
    Elements.requireNoNulls(lines, "lines");
  }
}
