/**
 * Storage port of the pricing context: price books, listed in id order, by currency, and by the
 * products they price. Every query is a lookup in a secondary index declared on
 * {@link io.rapport.crm.persistence.pricing.PriceBookRepository#TYPE}, derived from the book's
 * components alone, so the port works on any adapter; see docs/adapters.md and
 * docs/guides/pricing-storage.md.
 */
package io.rapport.crm.persistence.pricing;
