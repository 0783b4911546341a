package io.rapport.crm.service;

/** Tells who wrote a ticket comment: an agent, the customer, or the system itself. */
public enum CommentAuthor {
  /** An employee of the service team. */
  AGENT,
  /** The customer the ticket is for. */
  CUSTOMER,
  /** Rapport or the host, such as the note left by a merge or a split. */
  SYSTEM
}
