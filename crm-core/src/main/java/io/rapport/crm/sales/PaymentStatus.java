package io.rapport.crm.sales;

/**
 * Tells how far a purchase has been paid, net of refunds. {@link Purchase#paymentStatus()} decides
 * in this order: any refund and nothing left paid is {@link #REFUNDED}; any refund otherwise is
 * {@link #PARTIALLY_REFUNDED}; without refunds, paid at least the total is {@link #PAID} (so a
 * purchase with a zero total is paid), nothing paid is {@link #UNPAID}, and anything between is
 * {@link #PARTIALLY_PAID}.
 */
public enum PaymentStatus {
  /** Nothing paid yet. */
  UNPAID,
  /** Some, not all, paid. */
  PARTIALLY_PAID,
  /** Paid in full. */
  PAID,
  /** Some of what was paid was given back. */
  PARTIALLY_REFUNDED,
  /** Everything paid was given back. */
  REFUNDED
}
