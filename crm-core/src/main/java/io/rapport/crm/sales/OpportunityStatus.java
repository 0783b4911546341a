package io.rapport.crm.sales;

/** Tells where an opportunity stands: open, won or lost; the kind of its current stage. */
public enum OpportunityStatus {
  /** Being worked. */
  OPEN,
  /** Closed and won; a purchase was recorded. */
  WON,
  /** Closed and lost, with a reason. */
  LOST
}
