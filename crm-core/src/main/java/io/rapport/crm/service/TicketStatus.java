package io.rapport.crm.service;

/**
 * Tells where a ticket stands in its life: new, open, waiting, resolved, closed, merged into
 * another ticket, or marked as spam. Which moves are allowed between them is
 * {@link Ticket#allowedMoves()}.
 */
public enum TicketStatus {
  /** Received, not yet looked at by an agent. */
  NEW,
  /** Being worked by the service team. */
  OPEN,
  /** Waiting for an answer from the customer. */
  PENDING_CUSTOMER,
  /** Waiting for a third party: a supplier, a carrier, a repair shop. */
  PENDING_THIRD_PARTY,
  /** Solved; the customer may still answer and reopen it within the reopen window. */
  RESOLVED,
  /** Done for good; a later problem gets a new (follow-up) ticket. */
  CLOSED,
  /** Merged into another ticket, which carries on with its conversation. */
  MERGED,
  /** Not a real request. */
  SPAM;

  /**
   * Tells whether a ticket in this status still needs work: new, open or pending.
   *
   * @return true for {@link #NEW}, {@link #OPEN}, {@link #PENDING_CUSTOMER} and
   *     {@link #PENDING_THIRD_PARTY}
   */
  public boolean isActive() {
    return this == NEW || this == OPEN || this == PENDING_CUSTOMER || this == PENDING_THIRD_PARTY;
  }

  /**
   * Tells whether a ticket in this status waits on someone outside the service team.
   *
   * @return true for {@link #PENDING_CUSTOMER} and {@link #PENDING_THIRD_PARTY}
   */
  public boolean isPending() {
    return this == PENDING_CUSTOMER || this == PENDING_THIRD_PARTY;
  }

  /**
   * Tells whether no move leaves this status: closed and merged.
   *
   * @return true for {@link #CLOSED} and {@link #MERGED}
   */
  public boolean isFinal() {
    return this == CLOSED || this == MERGED;
  }
}
