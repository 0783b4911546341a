package io.rapport.crm.value;

/**
 * Names why a customer is warned as likely to churn. Immutable and thread-safe.
 */
public enum ChurnReason {
  /** The purchase model's probability that the customer is alive fell below the threshold. */
  LOW_PROBABILITY_ALIVE,
  /** The time since the last purchase exceeds k times the customer's own mean gap. */
  OVERDUE
}
