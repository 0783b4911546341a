package io.rapport.crm.sales;

/** Tells how far a purchase has been paid, net of refunds. */
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
