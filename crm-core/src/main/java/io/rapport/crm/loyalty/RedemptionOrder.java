package io.rapport.crm.loyalty;

/** Names the order in which a redemption consumes a member's usable lots. */
public enum RedemptionOrder {
  /** Consumes the lots in the order they were earned: the oldest first. */
  OLDEST_FIRST,
  /**
   * Consumes the lot that expires soonest first; of two lots expiring at the same instant, the
   * older first; lots that never expire last, oldest first.
   */
  SOONEST_EXPIRING_FIRST
}
