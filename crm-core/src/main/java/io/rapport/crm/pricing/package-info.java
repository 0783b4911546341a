/**
 * Pricing: price books (per unit or per weight, by currency, channel, customer group and
 * validity window, with sale prices and quantity breaks) and the explicit, explained selection of
 * a price. Discount rules and quotes come next.
 */
package io.rapport.crm.pricing;
