package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PricingRuleId;
import java.math.BigDecimal;

/**
 * Records what one rule did to a line (or, in {@link Quote#ruleTotals()}, to the whole cart): the
 * amount added, zero or negative for a discount, exact (not rounded: rounding happens once, see
 * {@link RoundingStep}), in the quote's currency, and why, including any cap or floor that
 * clipped it. Immutable and thread-safe.
 *
 * @param rule the rule
 * @param amount the change, zero or below, exact, in the quote's currency
 * @param reason a readable explanation, such as {@code 10% off, clipped at the line's floor}
 */
public record QuoteAdjustment(PricingRuleId rule, BigDecimal amount, String reason) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public QuoteAdjustment {
    requireNonNull(rule, "rule");
    requireNonNull(amount, "amount");
    requireNonNull(reason, "reason");
  }
}
