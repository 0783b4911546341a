package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records one message on a ticket: a public reply, the customer's message or an internal note.
 * Immutable and thread-safe.
 *
 * <p>A comment copied from another ticket by a merge or a split keeps its original author, actor,
 * visibility and body, names the ticket it came from and is dated at the merge or split (the
 * original, with its own time, stays on the other ticket); copied comments never count as
 * responses for the SLA.
 *
 * @param number the comment's number on its ticket, from 1, in the order they were added
 * @param author who wrote it
 * @param visibility who may read it; a customer's message is always public
 * @param by the actor who recorded it
 * @param at when it was written
 * @param body the text, not blank, at most {@value #MAX_BODY} characters
 * @param copiedFrom the ticket it was copied from by a merge or split, or empty
 */
public record TicketComment(int number, CommentAuthor author, CommentVisibility visibility,
    ActorId by, Instant at, String body, Option<TicketId> copiedFrom) {

  /** The longest body, in characters (code points). */
  public static final int MAX_BODY = 20_000;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the copied-from id is null
   * @throws InvalidValueException with every broken rule: {@code ticket.comment.number.not_positive}
   *     (number), {@code ticket.comment.blank}, {@code ticket.comment.too_long} (body),
   *     {@code ticket.comment.customer_internal} (visibility: a customer's message is public)
   */
  public TicketComment {
    requireNonNull(author, "author");
    requireNonNull(visibility, "visibility");
    requireNonNull(by, "by");
    requireNonNull(at, "at");
    requireNonNull(body, "body");
    requireNonNull(copiedFrom, "copiedFrom");
    copiedFrom.forEach(value -> requireNonNull(value, "copiedFrom"));
    List<Violation> problems = List.empty();
    if (number < 1) {
      problems = problems.append(Violation.of("ticket.comment.number.not_positive", "number",
          "Comments are numbered from 1, but got " + number));
    }
    problems = problems.appendAll(TicketChecks.requiredText(body, MAX_BODY, "ticket.comment",
        "body", "A comment's body"));
    if (author == CommentAuthor.CUSTOMER && visibility != CommentVisibility.PUBLIC) {
      problems = problems.append(Violation.of("ticket.comment.customer_internal", "visibility",
          "A customer's message is public"));
    }
    TicketChecks.orThrow(problems);
  }

  /**
   * Returns this comment as copied onto another ticket by a merge or a split: renumbered, dated
   * at the copy, naming the ticket it came from; author, actor, visibility and body are kept.
   *
   * @param newNumber its number on the other ticket
   * @param copiedAt when it was copied
   * @param from the ticket it was copied from
   * @return the copy
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if newNumber is not positive
   */
  public TicketComment copiedAs(int newNumber, Instant copiedAt, TicketId from) {
    requireNonNull(copiedAt, "copiedAt");
    requireNonNull(from, "from");
    return new TicketComment(newNumber, author, visibility, by, copiedAt, body, Option.some(from));
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
