package io.rapport.crm.sales;

/** Tells whether a pipeline stage is still open, or closes the deal as won or lost. */
public enum StageKind {
  /** The deal is still being worked. */
  OPEN,
  /** The deal was won: closing in this stage records a purchase. */
  WON,
  /** The deal was lost, with a reason. */
  LOST;

  /** Tells whether a deal in a stage of this kind is closed: won or lost. */
  public boolean isClosed() {
    return this != OPEN;
  }
}
