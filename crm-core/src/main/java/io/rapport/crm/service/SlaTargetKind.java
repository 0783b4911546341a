package io.rapport.crm.service;

/** Names what an SLA target measures. */
public enum SlaTargetKind {
  /** From the ticket's creation to the first public reply of an agent. */
  FIRST_RESPONSE,
  /**
   * From each customer message that follows an agent's reply to the next public reply of an agent;
   * it recurs, one cycle per such message.
   */
  NEXT_RESPONSE,
  /** From the ticket's creation to its resolution; a reopened ticket's clock resumes. */
  RESOLUTION
}
