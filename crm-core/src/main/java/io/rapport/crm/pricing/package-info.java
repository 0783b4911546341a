/**
 * Pricing: price books (per unit or per weight, by currency, channel, customer group and
 * validity window, with sale prices and quantity breaks) with the explicit, explained selection of
 * a price ({@link io.rapport.crm.pricing.PriceSelector}); and the discount rule model
 * ({@link io.rapport.crm.pricing.RuleSet} of {@link io.rapport.crm.pricing.PricingRule}s with
 * {@link io.rapport.crm.pricing.Condition}s, {@link io.rapport.crm.pricing.DiscountAction}s,
 * stacking, caps, floors, rounding and the no-discounts policy), validated as data; and the
 * {@link io.rapport.crm.pricing.QuoteEngine}, which quotes a
 * {@link io.rapport.crm.pricing.Cart} with every applied and every skipped rule explained.
 *
 * <p>See docs/guides/pricing.md.
 */
package io.rapport.crm.pricing;
