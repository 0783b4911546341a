package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.service.TicketRejection.Reason;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * Splits a second request out of a ticket into a ticket of its own. Pure: the caller saves both
 * results in one transaction.
 *
 * <p>The new ticket is OPEN, for the same customer, with the original's origin, category,
 * priority, team and assignee, points at the original with {@code splitFrom}, and holds copies of
 * the chosen comments in the original's order, numbered from 1, dated at the split, naming the
 * original as where they were copied from (author, actor, visibility and body kept). The
 * original keeps its comments and gets a SYSTEM INTERNAL note naming the new ticket.
 */
public final class TicketSplit {

  private TicketSplit() {}

  /**
   * Holds the outcome of a split: both tickets' transitions.
   *
   * @param original the original's new state and its {@link TicketEvent.SplitOff} event, which
   *     takes the stamp
   * @param split the new ticket and its {@link TicketEvent.Opened} event, which takes
   *     {@code stamp.next(1)}
   */
  public record Outcome(Transition<Ticket> original, Transition<Ticket> split) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Outcome {
      requireNonNull(original, "original");
      requireNonNull(split, "split");
    }
  }

  /**
   * Splits the chosen comments of a ticket into a new ticket.
   *
   * @param original the ticket split
   * @param newId the new ticket's id
   * @param commentNumbers the numbers of the comments to copy, each once
   * @param subject the new ticket's subject, stripped of surrounding white space
   * @param stamp the split's id (the original's event; the new ticket's takes
   *     {@code stamp.next(1)}), time and actor
   * @return both transitions, or why not: {@code ticket.merged}, {@code ticket.closed},
   *     {@code ticket.spam}, {@code ticket.out_of_order}, {@code ticket.split.same_ticket},
   *     {@code ticket.split.no_comments}, {@code ticket.split.duplicate_comments} and
   *     {@code ticket.split.unknown_comments} (each listing the numbers),
   *     {@code ticket.subject.blank}, {@code ticket.subject.too_long}
   * @throws NullPointerException if an argument or a number is null
   */
  public static Either<TicketRejection, Outcome> split(Ticket original, TicketId newId,
      Seq<Integer> commentNumbers, String subject, EventStamp stamp) {
    requireNonNull(original, "original");
    requireNonNull(newId, "newId");
    requireNonNull(commentNumbers, "commentNumbers");
    requireNonNull(subject, "subject");
    requireNonNull(stamp, "stamp");
    commentNumbers.forEach(value -> requireNonNull(value, "commentNumbers"));
    TicketRejection refusal = original.mergeRefusal(stamp);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (newId.equals(original.id())) {
      return refuse(Reason.SPLIT_SAME_TICKET, original, "The new ticket needs an id of its own,"
          + " not " + newId);
    }
    if (commentNumbers.isEmpty()) {
      return refuse(Reason.SPLIT_NO_COMMENTS, original, "A split copies at least one comment");
    }
    Seq<Integer> duplicates = commentNumbers.groupBy(number -> number)
        .filterValues(same -> same.size() > 1).keySet().toList().sorted();
    if (!duplicates.isEmpty()) {
      return refuse(Reason.SPLIT_DUPLICATE_COMMENTS, original, "Comments named more than once: "
          + duplicates.mkString(", "));
    }
    Seq<Integer> unknown = commentNumbers.filter(number -> original.comment(number).isEmpty());
    if (!unknown.isEmpty()) {
      return refuse(Reason.SPLIT_UNKNOWN_COMMENTS, original, "The ticket " + original.id()
          + " has comments 1 to " + original.comments().size() + ", so no comment "
          + unknown.mkString(", "));
    }
    String text = subject.strip();
    if (text.isEmpty()) {
      return refuse(Reason.SUBJECT_BLANK, original, "A ticket's subject must not be blank");
    }
    if (TicketChecks.length(text) > Ticket.MAX_SUBJECT) {
      return refuse(Reason.SUBJECT_TOO_LONG, original, "A ticket's subject has at most "
          + Ticket.MAX_SUBJECT + " characters, but got " + TicketChecks.length(text));
    }
    Ticket created = original.splitOff(newId, text, commentNumbers, stamp);
    Ticket rest = original.splitInto(newId, commentNumbers.sorted(), stamp);
    return Either.right(new Outcome(
        Transition.of(rest, new TicketEvent.SplitOff(stamp, original.id(), newId,
            commentNumbers.sorted())),
        Transition.of(created, created.openedEvent(stamp.next(1)))));
  }

  private static Either<TicketRejection, Outcome> refuse(Reason reason, Ticket original,
      String detail) {
    return Either.left(TicketRejection.of(reason, original, detail));
  }
}
