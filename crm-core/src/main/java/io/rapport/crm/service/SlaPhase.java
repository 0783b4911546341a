package io.rapport.crm.service;

/** Tells where one cycle of an SLA target stands at the time it is evaluated. */
public enum SlaPhase {
  /** The clock runs and the due time is still ahead. */
  RUNNING,
  /** The clock is paused, the ticket waiting on the customer or a third party. */
  PAUSED,
  /** The target was met in time. */
  MET,
  /** The clock runs past the due time: breached and still open. */
  BREACHED,
  /** The target was met, but after its due time. */
  MET_LATE,
  /** The target no longer applies: the ticket was resolved without it, merged or marked spam. */
  CANCELLED
}
