package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Explains the price of a cart: per line the base price and every adjustment, the total each
 * applied rule gave, every rule considered but not applied and why, the totals, and each rounding
 * step. Exact amounts ({@code BigDecimal}) are in {@link #currency()}; rounding happens once, as
 * the rule set's {@link RoundingPolicy} says, and each step is listed. The explanation adds up
 * exactly: {@code subtotal + discount = exactTotal}, each line's base amount plus its adjustments
 * is its final amount, and {@code total} is {@code exactTotal} plus the rounding steps' errors.
 * Immutable and thread-safe.
 *
 * @param currency the cart's currency
 * @param lines the lines, in cart order
 * @param ruleTotals per applied rule, in the order applied, the sum of its line adjustments
 * @param notApplied the rules considered for the cart but not applied at all, with why
 * @param subtotal the sum of the lines' base amounts, exact
 * @param discount the sum of every adjustment, zero or below, exact
 * @param exactTotal the sum of the lines' exact final amounts
 * @param total the amount to pay, rounded to the minor unit
 * @param rounding the rounding steps: one per line for {@link RoundingStage#LINE}, one for the
 *     order for {@link RoundingStage#ORDER}
 */
public record Quote(Currency currency, Seq<QuoteLine> lines, Seq<QuoteAdjustment> ruleTotals,
    Seq<RuleNotApplied> notApplied, BigDecimal subtotal, BigDecimal discount,
    BigDecimal exactTotal, Money total, Seq<RoundingStep> rounding) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public Quote {
    requireNonNull(currency, "currency");
    requireNonNull(lines, "lines");
    requireNonNull(ruleTotals, "ruleTotals");
    requireNonNull(notApplied, "notApplied");
    requireNonNull(subtotal, "subtotal");
    requireNonNull(discount, "discount");
    requireNonNull(exactTotal, "exactTotal");
    requireNonNull(total, "total");
    requireNonNull(rounding, "rounding");
    Elements.requireNoNulls(lines, "lines");
    Elements.requireNoNulls(ruleTotals, "ruleTotals");
    Elements.requireNoNulls(notApplied, "notApplied");
    Elements.requireNoNulls(rounding, "rounding");
  }

  /**
   * Returns the quote's amounts without their explanation: what {@link QuoteEngine#totals}
   * returns for the same input.
   *
   * @return the totals
   */
  public QuoteTotals totals() {
    return new QuoteTotals(currency, io.vavr.collection.Array.ofAll(lines.map(LineTotal::of)),
        subtotal, discount, exactTotal, total);
  }
}
