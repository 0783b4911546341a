package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TicketId;
import io.vavr.collection.Set;

/**
 * Refuses a command on a {@link Ticket} (or a merge or split of tickets) and gives what the caller
 * needs to act: the status the ticket stands in and the statuses it may move to from there. A
 * refused command changes nothing. Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param ticket the id of the ticket that refused (for a merge or split, the one at fault)
 * @param status the status that ticket stands in
 * @param allowedMoves the statuses it may move to from there, as {@link Ticket#allowedMoves()}
 * @param detail a readable explanation
 */
public record TicketRejection(Reason reason, TicketId ticket, TicketStatus status,
    Set<TicketStatus> allowedMoves, String detail) implements Rejection {

  /** Names why a command on a ticket was refused, each with its stable code. */
  public enum Reason {
    /** A command dated before the ticket's last change. */
    OUT_OF_ORDER("ticket.out_of_order"),
    /** The command would change nothing: the ticket already has that value. */
    NO_CHANGE("ticket.no_change"),
    /** The ticket is closed: only a rating, a customer transfer and an SLA review are taken. */
    CLOSED("ticket.closed"),
    /** The ticket was merged into another: only a customer transfer and an SLA review are taken. */
    MERGED("ticket.merged"),
    /** A reply to, or a customer message on, a ticket marked as spam. */
    SPAM("ticket.spam"),
    /** The move table does not allow that move from the ticket's status. */
    MOVE_NOT_ALLOWED("ticket.move_not_allowed"),
    /** Reopening after the reopen window of the resolution has passed. */
    REOPEN_WINDOW_PASSED("ticket.reopen_window_passed"),
    /** Reopening a ticket that is not resolved. */
    NOT_RESOLVED("ticket.not_resolved"),
    /**
     * A customer message on a closed ticket, or on a resolved one after the reopen window: the
     * service opens a follow-up ticket instead.
     */
    FOLLOW_UP_NEEDED("ticket.follow_up_needed"),
    /** A blank comment. */
    COMMENT_BLANK("ticket.comment.blank"),
    /** A comment longer than {@value TicketComment#MAX_BODY} characters. */
    COMMENT_TOO_LONG("ticket.comment.too_long"),
    /** A blank subject. */
    SUBJECT_BLANK("ticket.subject.blank"),
    /** A subject longer than {@value Ticket#MAX_SUBJECT} characters. */
    SUBJECT_TOO_LONG("ticket.subject.too_long"),
    /** A blank tag. */
    TAG_BLANK("ticket.tag.blank"),
    /** A tag longer than {@value Ticket#MAX_TAG} characters. */
    TAG_TOO_LONG("ticket.tag.too_long"),
    /** More than {@value Ticket#MAX_TAGS} tags. */
    TAGS_TOO_MANY("ticket.tags.too_many"),
    /** A ticket made its own parent. */
    PARENT_SELF("ticket.parent.self"),
    /** A ticket related to itself. */
    RELATED_SELF("ticket.related.self"),
    /** A rating of a ticket that is neither resolved nor closed. */
    CSAT_NOT_RESOLVED("ticket.csat.not_resolved"),
    /** A score outside the scale. */
    CSAT_OUT_OF_SCALE("ticket.csat.out_of_scale"),
    /** A rating comment longer than {@value Satisfaction#MAX_COMMENT} characters. */
    CSAT_COMMENT_TOO_LONG("ticket.csat.comment_too_long"),
    /** A merge of tickets of two customers. */
    MERGE_DIFFERENT_CUSTOMERS("ticket.merge.different_customers"),
    /** A merge of a ticket into itself. */
    MERGE_SAME_TICKET("ticket.merge.same_ticket"),
    /** A split whose new ticket would have the original's id. */
    SPLIT_SAME_TICKET("ticket.split.same_ticket"),
    /** A split without comments. */
    SPLIT_NO_COMMENTS("ticket.split.no_comments"),
    /** A split naming comments the ticket does not have; the detail lists them. */
    SPLIT_UNKNOWN_COMMENTS("ticket.split.unknown_comments"),
    /** A split naming a comment more than once; the detail lists them. */
    SPLIT_DUPLICATE_COMMENTS("ticket.split.duplicate_comments");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code ticket.move_not_allowed}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public TicketRejection {
    requireNonNull(reason, "reason");
    requireNonNull(ticket, "ticket");
    requireNonNull(status, "status");
    requireNonNull(allowedMoves, "allowedMoves");
    requireNonNull(detail, "detail");
    allowedMoves.forEach(value -> requireNonNull(value, "allowedMoves element"));
  }

  /**
   * Returns the refusal of a command on a ticket, carrying its status and allowed moves.
   *
   * @param reason why
   * @param ticket the ticket that refused
   * @param detail a readable explanation
   * @return the rejection
   * @throws NullPointerException if an argument is null
   */
  public static TicketRejection of(Reason reason, Ticket ticket, String detail) {
    requireNonNull(ticket, "ticket");
    return new TicketRejection(reason, ticket.id(), ticket.status(), ticket.allowedMoves(),
        detail);
  }

  /** Returns the reason's code, such as {@code ticket.reopen_window_passed}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Returns the detail. */
  @Override
  public String message() {
    return detail;
  }
}
