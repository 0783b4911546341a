package io.rapport.crm.loyalty;

/** Says why a member's tier changed. */
public enum TierChangeReason {
  /** Activity reached a higher tier. */
  UPGRADE,
  /** A grace period ended with the member below their tier. */
  DOWNGRADE,
  /** A reversal (refund, return, clawback) took back what reached the tier. */
  REVERSAL,
  /** The program's ladder was revised and the member's tier re-evaluated. */
  PROGRAM_CHANGE
}
