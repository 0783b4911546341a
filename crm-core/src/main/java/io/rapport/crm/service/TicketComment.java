package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.TicketId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records one message on a ticket: a public reply, the customer's message or an internal note.
 * Immutable and thread-safe.
 *
 * <p>A comment copied from another ticket by a merge or a split keeps its original author, time
 * and body and names the ticket it came from; copied comments never count as responses for the
 * SLA.
 *
 * @param number the comment's number on its ticket, from 1, in the order they were added
 * @param author who wrote it
 * @param visibility who may read it; a customer's message is always public
 * @param by the actor who recorded it
 * @param at when it was written
 * @param body the text, not blank
 * @param copiedFrom the ticket it was copied from by a merge or split, or empty
 */
public record TicketComment(int number, CommentAuthor author, CommentVisibility visibility,
    ActorId by, Instant at, String body, Option<TicketId> copiedFrom) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the copied-from id is null
   */
  public TicketComment {
    requireNonNull(author, "author");
    requireNonNull(visibility, "visibility");
    requireNonNull(by, "by");
    requireNonNull(at, "at");
    requireNonNull(body, "body");
    requireNonNull(copiedFrom, "copiedFrom");
    copiedFrom.forEach(value -> requireNonNull(value, "copiedFrom"));
  }

  /**
   * Tells whether this comment is a response of the service team for the SLA: a public reply by
   * an agent, written on this ticket.
   *
   * @return true for a public agent reply that was not copied
   */
  public boolean isAgentResponse() {
    return author == CommentAuthor.AGENT && visibility == CommentVisibility.PUBLIC
        && copiedFrom.isEmpty();
  }

  /**
   * Tells whether this comment is a message of the customer written on this ticket.
   *
   * @return true for a customer comment that was not copied
   */
  public boolean isCustomerMessage() {
    return author == CommentAuthor.CUSTOMER && copiedFrom.isEmpty();
  }
}
