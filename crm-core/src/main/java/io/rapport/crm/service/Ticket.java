package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.service.TicketRejection.Reason;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A customer's request to the service team: a question, a complaint, a repair, a return, with its
 * conversation, its status history and its SLA. Immutable and thread-safe.
 *
 * <p>{@link #open(TicketId, TicketDraft, EventStamp) open} checks outside input and reports every
 * problem at once. Every other command takes an {@link EventStamp} and answers
 * {@code Either<TicketRejection, Transition<Ticket>>}: the new state with exactly one
 * {@link TicketEvent}, or a refusal that changes nothing. Rules every command shares:
 *
 * <ul>
 *   <li>No command may be dated before the last change ({@code ticket.out_of_order}), except
 *       {@link #transferTo} and the parts of {@link #applySla} that only replace the SLA record.
 *   <li>A merged ticket refuses everything but {@link #transferTo} and {@link #applySla}
 *       ({@code ticket.merged}); a closed ticket refuses everything but those and {@link #rate}
 *       ({@code ticket.closed}; a customer's message on it is {@code ticket.follow_up_needed}).
 *   <li>A command that would change nothing (the same status, assignee, team, priority, category,
 *       tags, subject, parent, relation, article, customer or rating) is refused with
 *       {@code ticket.no_change}, so every accepted command states a real change.
 *       {@link #applySla} is the one exception: a review's SLA record always replaces the stored
 *       one.
 * </ul>
 *
 * <p>Statuses move by the table of {@link #allowedMoves()}: {@link #moveTo} or the named
 * commands ({@link #start}, {@link #waitOnCustomer}, {@link #waitOnThirdParty}, {@link #resolve},
 * {@link #close}, {@link #reopen}, {@link #markSpam}, {@link #notSpam});
 * {@link TicketStatus#MERGED} is reached only by {@link TicketMerge}. Entering
 * {@link TicketStatus#RESOLVED} sets {@code resolvedAt}, entering {@link TicketStatus#CLOSED}
 * sets {@code closedAt}, and any other move clears both. Every change of status, priority, team
 * or assignee appends a {@link TicketHistoryEntry} with the values after the change, so the
 * history always ends with the current values and the SLA clocks can be replayed from it
 * ({@link #slaSignals()}).
 *
 * @param id the ticket's id
 * @param subject a short line saying what it is about, not blank, at most {@value #MAX_SUBJECT}
 *     characters
 * @param description the request as received, possibly empty, at most {@value #MAX_DESCRIPTION}
 *     characters
 * @param customer the customer it is for
 * @param origin the channel it came in through
 * @param category what it is about
 * @param priority how urgent it is
 * @param status where it stands
 * @param assignee the agent working it, or empty
 * @param team the team responsible, whose calendar its SLA counts in, or empty
 * @param tags free labels: at most {@value #MAX_TAGS}, each not blank, without surrounding white
 *     space, at most {@value #MAX_TAG} characters
 * @param comments the conversation and notes, numbered from 1 in the order added
 * @param firstResponseAt the time of the first public agent reply written on this ticket, or empty
 * @param parent the ticket this one is a part of, or empty
 * @param related tickets linked as related, both ways
 * @param mergedInto the ticket this one was merged into, present exactly when merged
 * @param mergedFrom the tickets merged into this one, in merge order
 * @param splitFrom the ticket this one was split from, or empty
 * @param solvedBy the knowledge articles that solved it, in the order linked
 * @param satisfaction the customer's satisfaction answer, or empty
 * @param cause what caused it, such as the survey answer or review behind a follow-up, or the
 *     ticket a follow-up follows, or empty
 * @param sla the SLA as of the last review, or empty when no policy was applied
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param updatedAt when it last changed
 * @param resolvedAt when it was resolved, present exactly when resolved or closed
 * @param closedAt when it was closed, present exactly when closed
 * @param history the status, priority, team and assignee after each change, the first at creation
 */
public record Ticket(TicketId id, String subject, String description, CustomerId customer,
    Channel.Kind origin, TicketCategory category, Priority priority, TicketStatus status,
    Option<EmployeeId> assignee, Option<TeamId> team, Set<String> tags,
    Seq<TicketComment> comments, Option<Instant> firstResponseAt, Option<TicketId> parent,
    Set<TicketId> related, Option<TicketId> mergedInto, Seq<TicketId> mergedFrom,
    Option<TicketId> splitFrom, Seq<ArticleId> solvedBy, Option<Satisfaction> satisfaction,
    Option<RecordRef> cause, Option<TicketSla> sla, Instant createdAt, ActorId createdBy,
    Instant updatedAt, Option<Instant> resolvedAt, Option<Instant> closedAt,
    Seq<TicketHistoryEntry> history) implements Aggregate<TicketId> {

  /** The longest subject, in characters (code points). */
  public static final int MAX_SUBJECT = 200;

  /** The longest description, in characters (code points). */
  public static final int MAX_DESCRIPTION = 10_000;

  /** The most tags a ticket has. */
  public static final int MAX_TAGS = 50;

  /** The longest tag, in characters (code points). */
  public static final int MAX_TAG = 64;

  /** The move table: the statuses each status may move to. */
  private static final Map<TicketStatus, Set<TicketStatus>> MOVES = moves();

  /**
   * Checks the components and the invariants between them.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws InvalidValueException with every broken rule: {@code ticket.subject.blank},
   *     {@code ticket.subject.too_long} (subject), {@code ticket.description.too_long}
   *     (description), {@code ticket.tags.too_many}, {@code ticket.tag.blank},
   *     {@code ticket.tag.not_stripped}, {@code ticket.tag.too_long} (tags),
   *     {@code ticket.comment.number_mismatch}, {@code ticket.comment.out_of_order},
   *     {@code ticket.comment.before_creation}, {@code ticket.comment.after_update}
   *     ({@code comments[i]}), {@code ticket.first_response.mismatch} (firstResponseAt),
   *     {@code ticket.parent.self} (parent), {@code ticket.related.self} (related),
   *     {@code ticket.merged_into.mismatch}, {@code ticket.merged_into.self} (mergedInto),
   *     {@code ticket.merged_from.duplicate}, {@code ticket.merged_from.self} (mergedFrom),
   *     {@code ticket.split_from.self} (splitFrom), {@code ticket.solved_by.duplicate}
   *     (solvedBy), {@code ticket.satisfaction.out_of_range} (satisfaction.at),
   *     {@code ticket.resolved_at.mismatch}, {@code ticket.resolved_at.out_of_range}
   *     (resolvedAt), {@code ticket.closed_at.mismatch}, {@code ticket.closed_at.out_of_range}
   *     (closedAt), {@code ticket.updated_at.before_creation} (updatedAt),
   *     {@code ticket.history.empty}, {@code ticket.history.first_not_at_creation},
   *     {@code ticket.history.out_of_order}, {@code ticket.history.after_update},
   *     {@code ticket.history.last_mismatch} (history)
   */
  public Ticket {
    requireNonNull(id, "id");
    requireNonNull(subject, "subject");
    requireNonNull(description, "description");
    requireNonNull(customer, "customer");
    requireNonNull(origin, "origin");
    requireNonNull(category, "category");
    requireNonNull(priority, "priority");
    requireNonNull(status, "status");
    requireNonNull(assignee, "assignee");
    requireNonNull(team, "team");
    requireNonNull(tags, "tags");
    requireNonNull(comments, "comments");
    requireNonNull(firstResponseAt, "firstResponseAt");
    requireNonNull(parent, "parent");
    requireNonNull(related, "related");
    requireNonNull(mergedInto, "mergedInto");
    requireNonNull(mergedFrom, "mergedFrom");
    requireNonNull(splitFrom, "splitFrom");
    requireNonNull(solvedBy, "solvedBy");
    requireNonNull(satisfaction, "satisfaction");
    requireNonNull(cause, "cause");
    requireNonNull(sla, "sla");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(resolvedAt, "resolvedAt");
    requireNonNull(closedAt, "closedAt");
    requireNonNull(history, "history");
    assignee.forEach(value -> requireNonNull(value, "assignee"));
    team.forEach(value -> requireNonNull(value, "team"));
    tags.forEach(value -> requireNonNull(value, "tags"));
    comments.forEach(value -> requireNonNull(value, "comments"));
    firstResponseAt.forEach(value -> requireNonNull(value, "firstResponseAt"));
    parent.forEach(value -> requireNonNull(value, "parent"));
    related.forEach(value -> requireNonNull(value, "related"));
    mergedInto.forEach(value -> requireNonNull(value, "mergedInto"));
    mergedFrom.forEach(value -> requireNonNull(value, "mergedFrom"));
    splitFrom.forEach(value -> requireNonNull(value, "splitFrom"));
    solvedBy.forEach(value -> requireNonNull(value, "solvedBy"));
    satisfaction.forEach(value -> requireNonNull(value, "satisfaction"));
    cause.forEach(value -> requireNonNull(value, "cause"));
    sla.forEach(value -> requireNonNull(value, "sla"));
    resolvedAt.forEach(value -> requireNonNull(value, "resolvedAt"));
    closedAt.forEach(value -> requireNonNull(value, "closedAt"));
    history.forEach(value -> requireNonNull(value, "history"));
    List<Violation> problems = TicketChecks.requiredText(subject, MAX_SUBJECT,
        "ticket.subject", "subject", "A ticket's subject");
    problems = problems.appendAll(TicketChecks.maxLength(description, MAX_DESCRIPTION,
        "ticket.description", "description", "A ticket's description"));
    problems = problems.appendAll(TicketChecks.tagProblems(tags, tags.size()));
    problems = problems.appendAll(commentProblems(comments, firstResponseAt, createdAt,
        updatedAt));
    problems = problems.appendAll(linkProblems(id, status, parent, related, mergedInto,
        mergedFrom, splitFrom, solvedBy));
    problems = problems.appendAll(lifeProblems(status, satisfaction, createdAt, updatedAt,
        resolvedAt, closedAt));
    problems = problems.appendAll(historyProblems(history, createdAt, updatedAt,
        new TicketHistoryEntry(updatedAt, createdBy, status, priority, team, assignee)));
    TicketChecks.orThrow(problems);
  }

  /**
   * Opens a ticket from outside input, checking every part at once. The subject and tags are
   * stripped of surrounding white space (duplicate tags count once); a null description counts as
   * empty. The first history entry, the creation and the last change are at the stamp's time.
   *
   * <p>Violations (field in brackets): {@code ticket.subject.blank},
   * {@code ticket.subject.too_long} (subject), {@code ticket.description.too_long}
   * (description), {@code ticket.customer.missing} (customer), {@code ticket.origin.missing}
   * (origin), {@code ticket.tag.blank}, {@code ticket.tag.too_long} ({@code tags[i]}),
   * {@code ticket.tags.too_many} (tags), {@code ticket.parent.self} (parent),
   * {@code ticket.status.not_initial} (status: only NEW or OPEN).
   *
   * @param id the new ticket's id
   * @param draft what the caller asks for
   * @param stamp the event's id, the time of opening and who opens it
   * @return the ticket with a {@link TicketEvent.Opened} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Ticket>> open(TicketId id,
      TicketDraft draft, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    String subject = TicketChecks.strip(draft.subject());
    String description = draft.description() == null ? "" : draft.description();
    List<Violation> problems = TicketChecks.requiredText(subject, MAX_SUBJECT, "ticket.subject",
        "subject", "A ticket's subject");
    problems = problems.appendAll(TicketChecks.maxLength(description, MAX_DESCRIPTION,
        "ticket.description", "description", "A ticket's description"));
    if (draft.customer() == null) {
      problems = problems.append(Violation.of("ticket.customer.missing", "customer",
          "A ticket needs a customer"));
    }
    if (draft.origin() == null) {
      problems = problems.append(Violation.of("ticket.origin.missing", "origin",
          "A ticket needs the channel it came in through"));
    }
    Either<List<Violation>, TreeSet<String>> tags = TicketChecks.tags(draft.tags());
    if (tags.isLeft()) {
      problems = problems.appendAll(tags.getLeft());
    }
    if (draft.parent().contains(id)) {
      problems = problems.append(Violation.of("ticket.parent.self", "parent",
          "A ticket cannot be its own parent"));
    }
    if (draft.status() != TicketStatus.NEW && draft.status() != TicketStatus.OPEN) {
      problems = problems.append(Violation.of("ticket.status.not_initial", "status",
          "A ticket starts NEW or OPEN, not " + draft.status()));
    }
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    Ticket opened;
    try {
      opened = new Ticket(id, subject, description, draft.customer(), draft.origin(),
          draft.category(), draft.priority(), draft.status(), draft.assignee(), draft.team(),
          tags.get(), Vector.empty(), Option.none(), draft.parent(), HashSet.empty(),
          Option.none(), Vector.empty(), Option.none(), Vector.empty(), Option.none(),
          draft.cause(), Option.none(), stamp.at(), stamp.by(), stamp.at(), Option.none(),
          Option.none(), Vector.of(new TicketHistoryEntry(stamp.at(), stamp.by(),
              draft.status(), draft.priority(), draft.team(), draft.assignee())));
    } catch (InvalidValueException invalid) {
      return Validation.invalid(invalid.violations());
    }
    return Validation.valid(Transition.of(opened, opened.openedEvent(stamp)));
  }

  // ---- queries ----

  /**
   * Returns the statuses this ticket may move to from its status, by the move table:
   *
   * <ul>
   *   <li>NEW → OPEN, PENDING_CUSTOMER, PENDING_THIRD_PARTY, RESOLVED, SPAM
   *   <li>OPEN → PENDING_CUSTOMER, PENDING_THIRD_PARTY, RESOLVED, SPAM
   *   <li>PENDING_CUSTOMER → OPEN, PENDING_THIRD_PARTY, RESOLVED
   *   <li>PENDING_THIRD_PARTY → OPEN, PENDING_CUSTOMER, RESOLVED
   *   <li>RESOLVED → OPEN (a reopening, only within the reopen window), CLOSED
   *   <li>SPAM → NEW ("not spam")
   *   <li>CLOSED, MERGED → nothing
   * </ul>
   *
   * <p>{@link TicketStatus#MERGED} is never among them: only {@link TicketMerge} reaches it.
   *
   * @return the statuses, in the order of {@link TicketStatus}
   */
  public Set<TicketStatus> allowedMoves() {
    return MOVES.get(status);
  }

  /**
   * Returns the comment with a number.
   *
   * @param number the comment's number, from 1
   * @return the comment, or empty if there is none with that number
   */
  public Option<TicketComment> comment(int number) {
    return number >= 1 && number <= comments.size() ? Option.some(comments.get(number - 1))
        : Option.none();
  }

  /**
   * Returns this ticket without the customer's personal text, for the erasure of its customer:
   * the subject and every comment's body become {@link Channel#REDACTED}, the description is
   * emptied and the satisfaction answer loses its comment. Kept for analytics and SLA replay:
   * status, priority, category, tags, authors, visibilities and times of comments, SLA record,
   * links and history. Redacting a redacted ticket answers it unchanged.
   *
   * @param at when the redaction happens; the update time moves to it unless later
   * @return the redacted ticket, or this ticket if it holds no personal text
   * @throws NullPointerException if at is null
   */
  public Ticket redacted(Instant at) {
    requireNonNull(at, "at");
    Seq<TicketComment> scrubbedComments = comments.map(c -> c.body().equals(Channel.REDACTED) ? c
        : new TicketComment(c.number(), c.author(), c.visibility(), c.by(), c.at(),
            Channel.REDACTED, c.copiedFrom()));
    Option<Satisfaction> scrubbedSatisfaction = satisfaction.map(s -> s.comment().isEmpty() ? s
        : new Satisfaction(s.score(), s.scale(), Option.none(), s.at()));
    if (subject.equals(Channel.REDACTED) && description.isEmpty()
        && scrubbedComments.equals(comments) && scrubbedSatisfaction.equals(satisfaction)) {
      return this;
    }
    return new Ticket(id, Channel.REDACTED, "", customer, origin, category, priority, status,
        assignee, team, tags, scrubbedComments, firstResponseAt, parent, related, mergedInto,
        mergedFrom, splitFrom, solvedBy, scrubbedSatisfaction, cause, sla, createdAt, createdBy,
        at.isAfter(updatedAt) ? at : updatedAt, resolvedAt, closedAt, history);
  }

  /**
   * Tells whether this ticket is resolved and may still be reopened at a time: within the reopen
   * window of its resolution, its end included.
   *
   * @param rules the reopen window
   * @param at the time
   * @return true if resolved and within the window
   * @throws NullPointerException if an argument is null
   */
  public boolean isReopenable(TicketRules rules, Instant at) {
    requireNonNull(rules, "rules");
    requireNonNull(at, "at");
    return status == TicketStatus.RESOLVED && rules.allowsReopen(resolvedAt.get(), at);
  }

  /**
   * Tells whether this ticket is due to be closed at a time: resolved for at least the rules'
   * {@code closeAfter}.
   *
   * @param rules the time to closing
   * @param at the time
   * @return true if resolved and at is not before resolvedAt plus closeAfter
   * @throws NullPointerException if an argument is null
   */
  public boolean isDueForClosing(TicketRules rules, Instant at) {
    requireNonNull(rules, "rules");
    requireNonNull(at, "at");
    return status == TicketStatus.RESOLVED
        && !at.isBefore(rules.closingDueAt(resolvedAt.get()));
  }

  /**
   * Returns what the customer's timeline shows of this ticket: its opening
   * ({@code ticket.opened}), its resolution ({@code ticket.resolved}) while resolved or closed,
   * its closing ({@code ticket.closed}) once closed, and the customer's rating
   * ({@code ticket.rated}), each with the assigned agent. Titles name the subject and, for a
   * rating, the score; never the description, a comment or the rating's comment.
   *
   * @return the entries, oldest first
   */
  public Seq<TimelineEntry> timelineEntries() {
    RecordRef source = RecordRef.to(id);
    Vector<TimelineEntry> entries = Vector.of(entry(createdAt, source, "ticket.opened",
        "Ticket opened: " + subject));
    if (resolvedAt.isDefined()) {
      entries = entries.append(entry(resolvedAt.get(), source, "ticket.resolved",
          "Ticket resolved: " + subject));
    }
    if (closedAt.isDefined()) {
      entries = entries.append(entry(closedAt.get(), source, "ticket.closed",
          "Ticket closed: " + subject));
    }
    if (satisfaction.isDefined()) {
      Satisfaction rating = satisfaction.get();
      entries = entries.append(entry(rating.at(), source, "ticket.rated", "Ticket rated "
          + rating.score() + " (" + rating.scale() + "): " + subject));
    }
    return entries.sortBy(TimelineEntry::at);
  }

  private TimelineEntry entry(Instant at, RecordRef source, String kind, String title) {
    return new TimelineEntry(at, source, kind,
        TicketChecks.clipped(title, TimelineEntry.MAX_TITLE_LENGTH), assignee);
  }

  // ---- the state machine ----

  /**
   * Moves the ticket to another status by the move table of {@link #allowedMoves()}. A resolved
   * ticket moves back to OPEN only within the rules' reopen window of its resolution (its end
   * included).
   *
   * @param target the status to move to
   * @param rules the reopen window
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change} (already
   *     there), {@code ticket.move_not_allowed} (not in the table; MERGED only by a merge),
   *     {@code ticket.reopen_window_passed}; every refusal carries the status and the allowed
   *     moves
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> moveTo(TicketStatus target,
      TicketRules rules, EventStamp stamp) {
    requireNonNull(target, "target");
    requireNonNull(rules, "rules");
    requireNonNull(stamp, "stamp");
    return move(target, rules, stamp);
  }

  /**
   * Starts working the ticket: moves a new or pending ticket to OPEN. A resolved ticket is
   * reopened with {@link #reopen} instead.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or a refusal as for
   *     {@link #moveTo}; {@code ticket.move_not_allowed} for a resolved ticket
   * @throws NullPointerException if stamp is null
   */
  public Either<TicketRejection, Transition<Ticket>> start(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    if (status == TicketStatus.RESOLVED) {
      TicketRejection refusal = refusal(stamp, false);
      return refusal != null ? Either.left(refusal) : refuse(Reason.MOVE_NOT_ALLOWED,
          "A resolved ticket is reopened with reopen, not started");
    }
    return move(TicketStatus.OPEN, null, stamp);
  }

  /**
   * Waits on the customer: moves the ticket to PENDING_CUSTOMER, which pauses its SLA clocks when
   * the policy says so.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or a refusal as for
   *     {@link #moveTo}
   * @throws NullPointerException if stamp is null
   */
  public Either<TicketRejection, Transition<Ticket>> waitOnCustomer(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    return move(TicketStatus.PENDING_CUSTOMER, null, stamp);
  }

  /**
   * Waits on a third party: moves the ticket to PENDING_THIRD_PARTY.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or a refusal as for
   *     {@link #moveTo}
   * @throws NullPointerException if stamp is null
   */
  public Either<TicketRejection, Transition<Ticket>> waitOnThirdParty(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    return move(TicketStatus.PENDING_THIRD_PARTY, null, stamp);
  }

  /**
   * Resolves the ticket: moves it to RESOLVED and records the time of resolution, from which the
   * reopen window and the time to closing count.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or a refusal as for
   *     {@link #moveTo}
   * @throws NullPointerException if stamp is null
   */
  public Either<TicketRejection, Transition<Ticket>> resolve(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    return move(TicketStatus.RESOLVED, null, stamp);
  }

  /**
   * Closes a resolved ticket for good; the time of resolution is kept.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or a refusal as for
   *     {@link #moveTo}
   * @throws NullPointerException if stamp is null
   */
  public Either<TicketRejection, Transition<Ticket>> close(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    return move(TicketStatus.CLOSED, null, stamp);
  }

  /**
   * Reopens a resolved ticket within the reopen window of its resolution (its end included): it
   * moves to OPEN and its time of resolution is cleared.
   *
   * @param rules the reopen window
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.not_resolved},
   *     {@code ticket.reopen_window_passed}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> reopen(TicketRules rules,
      EventStamp stamp) {
    requireNonNull(rules, "rules");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (status != TicketStatus.RESOLVED) {
      return refuse(Reason.NOT_RESOLVED, "Only a resolved ticket is reopened; " + id + " is "
          + status);
    }
    return move(TicketStatus.OPEN, rules, stamp);
  }

  /**
   * Marks a new or open ticket as spam.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or a refusal as for
   *     {@link #moveTo}
   * @throws NullPointerException if stamp is null
   */
  public Either<TicketRejection, Transition<Ticket>> markSpam(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    return move(TicketStatus.SPAM, null, stamp);
  }

  /**
   * Takes back a spam mark: the ticket is NEW again.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.StatusChanged}, or a refusal as for
   *     {@link #moveTo}
   * @throws NullPointerException if stamp is null
   */
  public Either<TicketRejection, Transition<Ticket>> notSpam(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    return move(TicketStatus.NEW, null, stamp);
  }

  /** Moves by the table; rules are needed only to reopen a resolved ticket. */
  private Either<TicketRejection, Transition<Ticket>> move(TicketStatus target,
      TicketRules rules, EventStamp stamp) {
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (target == status) {
      return refuse(Reason.NO_CHANGE, "The ticket " + id + " is already " + status);
    }
    if (!allowedMoves().contains(target)) {
      String how = target == TicketStatus.MERGED ? "; a ticket is merged only by TicketMerge"
          : "";
      return refuse(Reason.MOVE_NOT_ALLOWED, "A ticket does not move from " + status + " to "
          + target + how + ". Allowed moves from " + status + ": " + movesText());
    }
    if (status == TicketStatus.RESOLVED && target == TicketStatus.OPEN
        && !rules.allowsReopen(resolvedAt.get(), stamp.at())) {
      return refuse(Reason.REOPEN_WINDOW_PASSED, "The ticket " + id + " was resolved at "
          + resolvedAt.get() + " and could be reopened until "
          + rules.reopenableUntil(resolvedAt.get()));
    }
    Edit next = new Edit(this);
    next.status = target;
    return accept(next.build(stamp),
        new TicketEvent.StatusChanged(stamp, id, status, target));
  }

  // ---- the conversation ----

  /**
   * Adds a public reply of an agent (the stamp's actor). The first reply written on this ticket
   * sets {@code firstResponseAt}. The status does not change.
   *
   * @param body the text, stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.CommentAdded}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.spam},
   *     {@code ticket.comment.blank}, {@code ticket.comment.too_long}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> reply(String body, EventStamp stamp) {
    requireNonNull(body, "body");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (status == TicketStatus.SPAM) {
      return refuse(Reason.SPAM, "The ticket " + id + " is marked as spam: no reply is sent");
    }
    return write(CommentAuthor.AGENT, CommentVisibility.PUBLIC, body, status, stamp);
  }

  /**
   * Adds an internal note of an agent (the stamp's actor), seen only by the staff.
   *
   * @param body the text, stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.CommentAdded}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.comment.blank},
   *     {@code ticket.comment.too_long}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> addNote(String body, EventStamp stamp) {
    requireNonNull(body, "body");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    return write(CommentAuthor.AGENT, CommentVisibility.INTERNAL, body, status, stamp);
  }

  /**
   * Adds a message of the customer. A ticket waiting on the customer moves to OPEN; a resolved
   * ticket within the reopen window (its end included) is reopened to OPEN. A resolved ticket
   * after the window, or a closed one, refuses with {@code ticket.follow_up_needed}: the service
   * then opens a follow-up ticket.
   *
   * @param body the text, stripped of surrounding white space
   * @param rules the reopen window
   * @param stamp the event's id, time and actor (the customer, or the integration that received
   *     the message)
   * @return the new state with {@link TicketEvent.CommentAdded}, or {@code ticket.merged},
   *     {@code ticket.spam}, {@code ticket.follow_up_needed}, {@code ticket.out_of_order},
   *     {@code ticket.comment.blank}, {@code ticket.comment.too_long}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> customerWrote(String body, TicketRules rules,
      EventStamp stamp) {
    requireNonNull(body, "body");
    requireNonNull(rules, "rules");
    requireNonNull(stamp, "stamp");
    if (status == TicketStatus.SPAM) {
      return refuse(Reason.SPAM, "The ticket " + id + " is marked as spam");
    }
    if (status == TicketStatus.CLOSED) {
      return refuse(Reason.FOLLOW_UP_NEEDED, "The ticket " + id + " is closed: open a follow-up"
          + " ticket for the customer's message");
    }
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (status == TicketStatus.RESOLVED && !rules.allowsReopen(resolvedAt.get(), stamp.at())) {
      return refuse(Reason.FOLLOW_UP_NEEDED, "The ticket " + id + " was resolved at "
          + resolvedAt.get() + ", longer ago than the reopen window: open a follow-up ticket"
          + " for the customer's message");
    }
    TicketStatus after = status == TicketStatus.PENDING_CUSTOMER
        || status == TicketStatus.RESOLVED ? TicketStatus.OPEN : status;
    return write(CommentAuthor.CUSTOMER, CommentVisibility.PUBLIC, body, after, stamp);
  }

  private Either<TicketRejection, Transition<Ticket>> write(CommentAuthor author,
      CommentVisibility visibility, String body, TicketStatus after, EventStamp stamp) {
    String text = body.strip();
    if (text.isEmpty()) {
      return refuse(Reason.COMMENT_BLANK, "A comment must not be blank");
    }
    if (TicketChecks.length(text) > TicketComment.MAX_BODY) {
      return refuse(Reason.COMMENT_TOO_LONG, "A comment has at most " + TicketComment.MAX_BODY
          + " characters, but got " + TicketChecks.length(text));
    }
    Edit next = new Edit(this);
    next.status = after;
    int number = next.addComment(author, visibility, stamp.by(), stamp.at(), text,
        Option.none());
    return accept(next.build(stamp), new TicketEvent.CommentAdded(stamp, id, number, author,
        visibility, status, after));
  }

  // ---- assignment, priority, category, tags, subject ----

  /**
   * Assigns the ticket to an agent, or unassigns it; the team is kept.
   *
   * @param newAssignee the agent, or empty to unassign
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.Assigned}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change}
   * @throws NullPointerException if an argument or the agent is null
   */
  public Either<TicketRejection, Transition<Ticket>> assign(Option<EmployeeId> newAssignee,
      EventStamp stamp) {
    requireNonNull(newAssignee, "newAssignee");
    requireNonNull(stamp, "stamp");
    newAssignee.forEach(value -> requireNonNull(value, "newAssignee"));
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (newAssignee.equals(assignee)) {
      return refuse(Reason.NO_CHANGE, "The ticket already has that assignee");
    }
    Edit next = new Edit(this);
    next.assignee = newAssignee;
    return accept(next.build(stamp), new TicketEvent.Assigned(stamp, id, newAssignee,
        assignee));
  }

  /**
   * Hands the ticket to another team, or to none; the assignee is cleared.
   *
   * @param newTeam the team, or empty
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.TeamChanged}, or a refusal as for
   *     {@link #transferToTeam(Option, Option, EventStamp)}
   * @throws NullPointerException if an argument or the team is null
   */
  public Either<TicketRejection, Transition<Ticket>> transferToTeam(Option<TeamId> newTeam,
      EventStamp stamp) {
    return transferToTeam(newTeam, Option.none(), stamp);
  }

  /**
   * Hands the ticket to another team, or to none, and to an agent, or to none.
   *
   * @param newTeam the team, or empty
   * @param newAssignee the agent, or empty to leave it unassigned
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.TeamChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change} (that team
   *     and assignee already)
   * @throws NullPointerException if an argument, the team or the agent is null
   */
  public Either<TicketRejection, Transition<Ticket>> transferToTeam(Option<TeamId> newTeam,
      Option<EmployeeId> newAssignee, EventStamp stamp) {
    requireNonNull(newTeam, "newTeam");
    requireNonNull(newAssignee, "newAssignee");
    requireNonNull(stamp, "stamp");
    newTeam.forEach(value -> requireNonNull(value, "newTeam"));
    newAssignee.forEach(value -> requireNonNull(value, "newAssignee"));
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (newTeam.equals(team) && newAssignee.equals(assignee)) {
      return refuse(Reason.NO_CHANGE, "The ticket already has that team and assignee");
    }
    Edit next = new Edit(this);
    next.team = newTeam;
    next.assignee = newAssignee;
    return accept(next.build(stamp), new TicketEvent.TeamChanged(stamp, id, newTeam,
        newAssignee, team, assignee));
  }

  /**
   * Changes the priority.
   *
   * @param newPriority the priority
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.PriorityChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> changePriority(Priority newPriority,
      EventStamp stamp) {
    requireNonNull(newPriority, "newPriority");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (newPriority == priority) {
      return refuse(Reason.NO_CHANGE, "The ticket's priority is already " + priority);
    }
    Edit next = new Edit(this);
    next.priority = newPriority;
    return accept(next.build(stamp), new TicketEvent.PriorityChanged(stamp, id, newPriority,
        priority));
  }

  /**
   * Changes the category.
   *
   * @param newCategory the category
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.Recategorized}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> recategorize(TicketCategory newCategory,
      EventStamp stamp) {
    requireNonNull(newCategory, "newCategory");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (newCategory.equals(category)) {
      return refuse(Reason.NO_CHANGE, "The ticket's category is already " + category);
    }
    Edit next = new Edit(this);
    next.category = newCategory;
    return accept(next.build(stamp), new TicketEvent.Recategorized(stamp, id, newCategory,
        category));
  }

  /**
   * Replaces the tags. Each is stripped of surrounding white space; duplicates count once.
   *
   * @param newTags the tags, not blank, at most {@value #MAX_TAG} characters each, at most
   *     {@value #MAX_TAGS} of them
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.Retagged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.tag.blank},
   *     {@code ticket.tag.too_long}, {@code ticket.tags.too_many}, {@code ticket.no_change}
   * @throws NullPointerException if an argument or a tag is null
   */
  public Either<TicketRejection, Transition<Ticket>> retag(Set<String> newTags,
      EventStamp stamp) {
    requireNonNull(newTags, "newTags");
    requireNonNull(stamp, "stamp");
    newTags.forEach(value -> requireNonNull(value, "newTags"));
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    Either<List<Violation>, TreeSet<String>> checked = TicketChecks.tags(newTags);
    if (checked.isLeft()) {
      List<Violation> problems = checked.getLeft();
      String code = problems.head().code();
      Reason reason = code.equals(Reason.TAGS_TOO_MANY.code()) ? Reason.TAGS_TOO_MANY
          : code.equals(Reason.TAG_TOO_LONG.code()) ? Reason.TAG_TOO_LONG : Reason.TAG_BLANK;
      return refuse(reason, problems.map(Violation::message).distinct().mkString("; "));
    }
    TreeSet<String> stripped = checked.get();
    if (stripped.equals(tags)) {
      return refuse(Reason.NO_CHANGE, "The ticket already has those tags");
    }
    Edit next = new Edit(this);
    next.tags = stripped;
    return accept(next.build(stamp), new TicketEvent.Retagged(stamp, id, stripped.diff(tags),
        TreeSet.ofAll(tags).diff(stripped)));
  }

  /**
   * Changes the subject.
   *
   * @param newSubject the subject, stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.Renamed}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.subject.blank},
   *     {@code ticket.subject.too_long}, {@code ticket.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> rename(String newSubject, EventStamp stamp) {
    requireNonNull(newSubject, "newSubject");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    String text = newSubject.strip();
    if (text.isEmpty()) {
      return refuse(Reason.SUBJECT_BLANK, "A ticket's subject must not be blank");
    }
    if (TicketChecks.length(text) > MAX_SUBJECT) {
      return refuse(Reason.SUBJECT_TOO_LONG, "A ticket's subject has at most " + MAX_SUBJECT
          + " characters, but got " + TicketChecks.length(text));
    }
    if (text.equals(subject)) {
      return refuse(Reason.NO_CHANGE, "The ticket already has that subject");
    }
    Edit next = new Edit(this);
    next.subject = text;
    return accept(next.build(stamp), new TicketEvent.Renamed(stamp, id));
  }

  // ---- links: parent, related tickets, articles, customer ----

  /**
   * Makes this ticket a part of another.
   *
   * @param newParent the parent, not this ticket
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.ParentChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.parent.self},
   *     {@code ticket.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> setParent(TicketId newParent,
      EventStamp stamp) {
    requireNonNull(newParent, "newParent");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (newParent.equals(id)) {
      return refuse(Reason.PARENT_SELF, "A ticket cannot be its own parent");
    }
    return parentChange(Option.some(newParent), stamp);
  }

  /**
   * Clears the parent.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.ParentChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change}
   * @throws NullPointerException if stamp is null
   */
  public Either<TicketRejection, Transition<Ticket>> clearParent(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    return parentChange(Option.none(), stamp);
  }

  private Either<TicketRejection, Transition<Ticket>> parentChange(Option<TicketId> newParent,
      EventStamp stamp) {
    if (newParent.equals(parent)) {
      return refuse(Reason.NO_CHANGE, newParent.isEmpty() ? "The ticket has no parent"
          : "The ticket's parent is already " + parent.get());
    }
    Edit next = new Edit(this);
    next.parent = newParent;
    return accept(next.build(stamp), new TicketEvent.ParentChanged(stamp, id, newParent,
        parent));
  }

  /**
   * Relates this ticket to another, on this side only: the storage service relates both sides
   * in one transaction.
   *
   * @param other the other ticket, not this one
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.RelationsChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.related.self},
   *     {@code ticket.no_change} (already related)
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> relate(TicketId other, EventStamp stamp) {
    requireNonNull(other, "other");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (other.equals(id)) {
      return refuse(Reason.RELATED_SELF, "A ticket cannot be related to itself");
    }
    if (related.contains(other)) {
      return refuse(Reason.NO_CHANGE, "The ticket is already related to " + other);
    }
    Edit next = new Edit(this);
    next.related = related.add(other);
    return accept(next.build(stamp), new TicketEvent.RelationsChanged(stamp, id, other, true));
  }

  /**
   * Removes the relation to another ticket, on this side only.
   *
   * @param other the other ticket
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.RelationsChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change} (not
   *     related)
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> unrelate(TicketId other, EventStamp stamp) {
    requireNonNull(other, "other");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (!related.contains(other)) {
      return refuse(Reason.NO_CHANGE, "The ticket is not related to " + other);
    }
    Edit next = new Edit(this);
    next.related = related.remove(other);
    return accept(next.build(stamp), new TicketEvent.RelationsChanged(stamp, id, other, false));
  }

  /**
   * Links a knowledge article as one that solved the ticket.
   *
   * @param article the article
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.ArticlesChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change} (already
   *     linked)
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> linkArticle(ArticleId article,
      EventStamp stamp) {
    requireNonNull(article, "article");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (solvedBy.contains(article)) {
      return refuse(Reason.NO_CHANGE, "The article " + article + " is already linked");
    }
    Edit next = new Edit(this);
    next.solvedBy = vector(solvedBy).append(article);
    return accept(next.build(stamp), new TicketEvent.ArticlesChanged(stamp, id, article, true));
  }

  /**
   * Unlinks a knowledge article.
   *
   * @param article the article
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.ArticlesChanged}, or {@code ticket.merged},
   *     {@code ticket.closed}, {@code ticket.out_of_order}, {@code ticket.no_change} (not
   *     linked)
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> unlinkArticle(ArticleId article,
      EventStamp stamp) {
    requireNonNull(article, "article");
    requireNonNull(stamp, "stamp");
    TicketRejection refusal = refusal(stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (!solvedBy.contains(article)) {
      return refuse(Reason.NO_CHANGE, "The article " + article + " is not linked");
    }
    Edit next = new Edit(this);
    next.solvedBy = vector(solvedBy).remove(article);
    return accept(next.build(stamp), new TicketEvent.ArticlesChanged(stamp, id, article,
        false));
  }

  /**
   * Moves the ticket to another customer, keeping everything else: for the survivor when two
   * customers merge, and back when the merge is undone. Every ticket moves, whatever its status,
   * and whatever the stamp's time: the last change becomes the later of the two, so a transfer
   * never breaks the order of the history. The history is unchanged.
   *
   * @param newCustomer the customer the ticket is for from now on
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.Transferred}, or {@code ticket.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> transferTo(CustomerId newCustomer,
      EventStamp stamp) {
    requireNonNull(newCustomer, "newCustomer");
    requireNonNull(stamp, "stamp");
    if (newCustomer.equals(customer)) {
      return refuse(Reason.NO_CHANGE, "The ticket is already for " + customer);
    }
    Edit next = new Edit(this);
    next.customer = newCustomer;
    Instant at = stamp.at().isBefore(updatedAt) ? updatedAt : stamp.at();
    return accept(next.build(at, stamp.by()), new TicketEvent.Transferred(stamp, id,
        newCustomer, customer));
  }

  // ---- SLA ----

  /**
   * Applies what a review of the SLA found. The review's SLA record always replaces the ticket's.
   * When the review raised new alerts, its actions are applied in order: a
   * {@link EscalationAction.Reassign} sets the team and/or the assignee (a change of team without
   * an assignee clears the assignee), a {@link EscalationAction.RaisePriority} raises the priority
   * to at least its level, a {@link EscalationAction.NotifyRole} changes nothing here; a change of
   * priority, team or assignee appends a history entry at the stamp's time; and one
   * {@link TicketEvent.SlaEscalated} event names the alerts and actions. Without new alerts only
   * the record is replaced, without an event and without moving {@code updatedAt}.
   *
   * <p>Accepted in every status (the record of a closed ticket must stop showing due times too),
   * and never refused as no change. Replacing the record alone is accepted whatever the stamp's
   * time; a review that changes the priority, team or assignee is refused when dated before the
   * last change.
   *
   * @param review the review
   * @param stamp the event's id, time and actor
   * @return the new state, with {@link TicketEvent.SlaEscalated} when there are new alerts and no
   *     event otherwise, or {@code ticket.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<TicketRejection, Transition<Ticket>> applySla(SlaReview review,
      EventStamp stamp) {
    requireNonNull(review, "review");
    requireNonNull(stamp, "stamp");
    Edit next = new Edit(this);
    next.sla = Option.some(review.sla());
    if (review.alerts().isEmpty()) {
      return Either.right(new Transition<>(next.build(updatedAt, stamp.by()), List.empty()));
    }
    for (EscalationAction action : review.actions()) {
      if (action instanceof EscalationAction.Reassign reassign) {
        if (reassign.team().isDefined() && !reassign.team().equals(next.team)) {
          next.team = reassign.team();
          next.assignee = reassign.assignee();
        } else if (reassign.assignee().isDefined()) {
          next.assignee = reassign.assignee();
        }
      } else if (action instanceof EscalationAction.RaisePriority raise
          && raise.atLeast().compareTo(next.priority) > 0) {
        next.priority = raise.atLeast();
      }
    }
    boolean changes = next.priority != priority || !next.team.equals(team)
        || !next.assignee.equals(assignee);
    if (changes && stamp.at().isBefore(updatedAt)) {
      return refuse(Reason.OUT_OF_ORDER, outOfOrder());
    }
    Ticket state = changes ? next.build(stamp) : next.build(updatedAt, stamp.by());
    return accept(state, new TicketEvent.SlaEscalated(stamp, id, review.alerts(),
        review.actions()));
  }

  // ---- satisfaction ----

  /**
   * Records the customer's satisfaction rating of a resolved or closed ticket; a new rating
   * replaces the earlier one (the event says so). A blank comment counts as none.
   *
   * @param score the score, on the scale
   * @param comment what the customer wrote, or empty; stripped of surrounding white space
   * @param scale the scale the question was asked on
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TicketEvent.Rated}, or {@code ticket.csat.not_resolved},
   *     {@code ticket.out_of_order}, {@code ticket.csat.out_of_scale},
   *     {@code ticket.csat.comment_too_long}, {@code ticket.no_change} (the same rating again)
   * @throws NullPointerException if an argument or the comment is null
   */
  public Either<TicketRejection, Transition<Ticket>> rate(int score, Option<String> comment,
      CsatScale scale, EventStamp stamp) {
    requireNonNull(comment, "comment");
    requireNonNull(scale, "scale");
    requireNonNull(stamp, "stamp");
    comment.forEach(value -> requireNonNull(value, "comment"));
    if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
      return refuse(Reason.CSAT_NOT_RESOLVED, "Only a resolved or closed ticket is rated; " + id
          + " is " + status);
    }
    if (stamp.at().isBefore(updatedAt)) {
      return refuse(Reason.OUT_OF_ORDER, outOfOrder());
    }
    if (!scale.contains(score)) {
      return refuse(Reason.CSAT_OUT_OF_SCALE, "A score lies on the scale " + scale + ", but got "
          + score);
    }
    Option<String> text = comment.map(String::strip).filter(value -> !value.isEmpty());
    if (text.exists(value -> TicketChecks.length(value) > Satisfaction.MAX_COMMENT)) {
      return refuse(Reason.CSAT_COMMENT_TOO_LONG, "A rating's comment has at most "
          + Satisfaction.MAX_COMMENT + " characters, but got " + TicketChecks.length(text.get()));
    }
    if (satisfaction.exists(old -> old.score() == score && old.scale().equals(scale)
        && old.comment().equals(text))) {
      return refuse(Reason.NO_CHANGE, "The ticket already has that rating");
    }
    Edit next = new Edit(this);
    next.satisfaction = Option.some(new Satisfaction(score, scale, text, stamp.at()));
    return accept(next.build(stamp), new TicketEvent.Rated(stamp, id, score, scale,
        scale.isLow(score), satisfaction.map(Satisfaction::score)));
  }

  // ---- merge and split, for TicketMerge and TicketSplit ----

  /** Returns the refusal a merge or split shares for this ticket, or null when none applies. */
  TicketRejection mergeRefusal(EventStamp stamp) {
    if (status == TicketStatus.SPAM) {
      return TicketRejection.of(Reason.SPAM, this, "The ticket " + id + " is marked as spam");
    }
    return refusal(stamp, false);
  }

  /** Returns this ticket merged into a target: MERGED, with a system note naming the target. */
  Ticket mergedInto(TicketId target, EventStamp stamp) {
    Edit next = new Edit(this);
    next.status = TicketStatus.MERGED;
    next.mergedInto = Option.some(target);
    next.addComment(CommentAuthor.SYSTEM, CommentVisibility.INTERNAL, stamp.by(), stamp.at(),
        "Merged into ticket " + target + ", which carries on with the conversation.",
        Option.none());
    return next.build(stamp);
  }

  /**
   * Returns this ticket receiving a merged source: copies of its comments, then a system note
   * naming it, and the source among mergedFrom.
   */
  Ticket receiving(Ticket source, EventStamp stamp) {
    Edit next = new Edit(this);
    for (TicketComment original : source.comments) {
      next.copy(original, stamp.at(), source.id);
    }
    next.addComment(CommentAuthor.SYSTEM, CommentVisibility.INTERNAL, stamp.by(), stamp.at(),
        "Merged from ticket " + source.id + ": " + source.comments.size()
            + " comments copied.", Option.none());
    next.mergedFrom = vector(mergedFrom).append(source.id);
    return next.build(stamp);
  }

  /** Returns this ticket with a system note naming a ticket split off it. */
  Ticket splitInto(TicketId newId, Seq<Integer> numbers, EventStamp stamp) {
    Edit next = new Edit(this);
    next.addComment(CommentAuthor.SYSTEM, CommentVisibility.INTERNAL, stamp.by(), stamp.at(),
        "Split into ticket " + newId + " with comments " + numbers.mkString(", ") + ".",
        Option.none());
    return next.build(stamp);
  }

  /**
   * Returns a new OPEN ticket split off this one: same customer, origin, category, priority, team
   * and assignee, with copies of the chosen comments in the original's order.
   */
  Ticket splitOff(TicketId newId, String newSubject, Seq<Integer> numbers, EventStamp stamp) {
    Vector<TicketComment> copies = Vector.empty();
    for (int number : numbers.sorted()) {
      copies = copies.append(comments.get(number - 1).copiedAs(copies.size() + 1, stamp.at(), id));
    }
    return new Ticket(newId, newSubject, "Split from ticket " + id + ", comments "
        + numbers.sorted().mkString(", ") + ".", customer, origin, category, priority,
        TicketStatus.OPEN, assignee, team, TreeSet.empty(), copies, Option.none(), Option.none(),
        HashSet.empty(), Option.none(), Vector.empty(), Option.some(id), Vector.empty(),
        Option.none(), Option.none(), Option.none(), stamp.at(), stamp.by(), stamp.at(),
        Option.none(), Option.none(), Vector.of(new TicketHistoryEntry(stamp.at(), stamp.by(),
            TicketStatus.OPEN, priority, team, assignee)));
  }

  /** Returns the event that states this ticket's opening, as it stands now. */
  TicketEvent.Opened openedEvent(EventStamp stamp) {
    return new TicketEvent.Opened(stamp, id, customer, origin, category, priority, status, team,
        assignee, parent, splitFrom, cause);
  }

  // ---- helpers ----

  /** Returns the refusal most commands share, or null when none applies. */
  private TicketRejection refusal(EventStamp stamp, boolean closedAllowed) {
    if (status == TicketStatus.MERGED) {
      return TicketRejection.of(Reason.MERGED, this, "The ticket " + id + " was merged into "
          + mergedInto.get() + "; act on that ticket");
    }
    if (!closedAllowed && status == TicketStatus.CLOSED) {
      return TicketRejection.of(Reason.CLOSED, this, "The ticket " + id + " is closed; a new"
          + " request gets a follow-up ticket");
    }
    if (stamp.at().isBefore(updatedAt)) {
      return TicketRejection.of(Reason.OUT_OF_ORDER, this, outOfOrder());
    }
    return null;
  }

  private String outOfOrder() {
    return "A command on " + id + " cannot be dated before its last change, at " + updatedAt;
  }

  private String movesText() {
    return allowedMoves().isEmpty() ? "none" : allowedMoves().mkString(", ");
  }

  private Either<TicketRejection, Transition<Ticket>> refuse(Reason reason, String detail) {
    return Either.left(TicketRejection.of(reason, this, detail));
  }

  private static Either<TicketRejection, Transition<Ticket>> accept(Ticket next,
      DomainEvent event) {
    return Either.right(Transition.of(next, event));
  }

  @SuppressWarnings("unchecked")
  private static <T> Vector<T> vector(Seq<T> seq) {
    return seq instanceof Vector ? (Vector<T>) seq : Vector.ofAll(seq);
  }

  private static Map<TicketStatus, Set<TicketStatus>> moves() {
    Map<TicketStatus, Set<TicketStatus>> moves = new EnumMap<>(TicketStatus.class);
    moves.put(TicketStatus.NEW, TreeSet.of(TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER,
        TicketStatus.PENDING_THIRD_PARTY, TicketStatus.RESOLVED, TicketStatus.SPAM));
    moves.put(TicketStatus.OPEN, TreeSet.of(TicketStatus.PENDING_CUSTOMER,
        TicketStatus.PENDING_THIRD_PARTY, TicketStatus.RESOLVED, TicketStatus.SPAM));
    moves.put(TicketStatus.PENDING_CUSTOMER, TreeSet.of(TicketStatus.OPEN,
        TicketStatus.PENDING_THIRD_PARTY, TicketStatus.RESOLVED));
    moves.put(TicketStatus.PENDING_THIRD_PARTY, TreeSet.of(TicketStatus.OPEN,
        TicketStatus.PENDING_CUSTOMER, TicketStatus.RESOLVED));
    moves.put(TicketStatus.RESOLVED, TreeSet.of(TicketStatus.OPEN, TicketStatus.CLOSED));
    moves.put(TicketStatus.SPAM, TreeSet.of(TicketStatus.NEW));
    moves.put(TicketStatus.CLOSED, TreeSet.empty());
    moves.put(TicketStatus.MERGED, TreeSet.empty());
    return moves;
  }

  // ---- invariants ----

  private static List<Violation> commentProblems(Seq<TicketComment> comments,
      Option<Instant> firstResponseAt, Instant createdAt, Instant updatedAt) {
    List<Violation> problems = List.empty();
    Instant previous = null;
    Option<Instant> firstResponse = Option.none();
    int i = 0;
    for (TicketComment comment : comments) {
      String field = "comments[" + i + "]";
      if (comment.number() != i + 1) {
        problems = problems.append(Violation.of("ticket.comment.number_mismatch",
            field + ".number", "The comment at position " + i + " is numbered " + (i + 1)
                + ", but has " + comment.number()));
      }
      if (previous != null && comment.at().isBefore(previous)) {
        problems = problems.append(Violation.of("ticket.comment.out_of_order", field + ".at",
            "Comments are in time order"));
      }
      if (comment.at().isBefore(createdAt)) {
        problems = problems.append(Violation.of("ticket.comment.before_creation", field + ".at",
            "A comment cannot lie before the ticket's creation, at " + createdAt));
      }
      if (comment.at().isAfter(updatedAt)) {
        problems = problems.append(Violation.of("ticket.comment.after_update", field + ".at",
            "A comment cannot lie after the ticket's last change, at " + updatedAt));
      }
      if (firstResponse.isEmpty() && comment.isAgentResponse()) {
        firstResponse = Option.some(comment.at());
      }
      previous = comment.at();
      i++;
    }
    if (!firstResponse.equals(firstResponseAt)) {
      problems = problems.append(Violation.of("ticket.first_response.mismatch",
          "firstResponseAt", "The first response is the time of the first public agent reply"
              + " written on the ticket, " + firstResponse.map(Instant::toString)
                  .getOrElse("none") + ", but got " + firstResponseAt.map(Instant::toString)
                  .getOrElse("none")));
    }
    return problems;
  }

  private static List<Violation> linkProblems(TicketId id, TicketStatus status,
      Option<TicketId> parent, Set<TicketId> related, Option<TicketId> mergedInto,
      Seq<TicketId> mergedFrom, Option<TicketId> splitFrom, Seq<ArticleId> solvedBy) {
    List<Violation> problems = List.empty();
    if (parent.contains(id)) {
      problems = problems.append(Violation.of("ticket.parent.self", "parent",
          "A ticket cannot be its own parent"));
    }
    if (related.contains(id)) {
      problems = problems.append(Violation.of("ticket.related.self", "related",
          "A ticket cannot be related to itself"));
    }
    if (mergedInto.isDefined() != (status == TicketStatus.MERGED)) {
      problems = problems.append(Violation.of("ticket.merged_into.mismatch", "mergedInto",
          "The ticket merged into is present exactly when merged; the ticket is " + status));
    }
    if (mergedInto.contains(id)) {
      problems = problems.append(Violation.of("ticket.merged_into.self", "mergedInto",
          "A ticket cannot be merged into itself"));
    }
    if (mergedFrom.distinct().size() != mergedFrom.size()) {
      problems = problems.append(Violation.of("ticket.merged_from.duplicate", "mergedFrom",
          "A ticket is merged into another once"));
    }
    if (mergedFrom.contains(id)) {
      problems = problems.append(Violation.of("ticket.merged_from.self", "mergedFrom",
          "A ticket cannot be merged into itself"));
    }
    if (splitFrom.contains(id)) {
      problems = problems.append(Violation.of("ticket.split_from.self", "splitFrom",
          "A ticket cannot be split from itself"));
    }
    if (solvedBy.distinct().size() != solvedBy.size()) {
      problems = problems.append(Violation.of("ticket.solved_by.duplicate", "solvedBy",
          "An article is linked once"));
    }
    return problems;
  }

  private static List<Violation> lifeProblems(TicketStatus status,
      Option<Satisfaction> satisfaction, Instant createdAt, Instant updatedAt,
      Option<Instant> resolvedAt, Option<Instant> closedAt) {
    List<Violation> problems = List.empty();
    if (updatedAt.isBefore(createdAt)) {
      problems = problems.append(Violation.of("ticket.updated_at.before_creation", "updatedAt",
          "The last change at " + updatedAt + " lies before the creation at " + createdAt));
    }
    if (satisfaction.exists(rating -> rating.at().isBefore(createdAt)
        || rating.at().isAfter(updatedAt))) {
      problems = problems.append(Violation.of("ticket.satisfaction.out_of_range",
          "satisfaction.at", "A rating lies between the creation and the last change"));
    }
    boolean resolved = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    if (resolvedAt.isDefined() != resolved) {
      problems = problems.append(Violation.of("ticket.resolved_at.mismatch", "resolvedAt",
          "A resolution time is present exactly when resolved or closed; the ticket is "
              + status));
    }
    if (closedAt.isDefined() != (status == TicketStatus.CLOSED)) {
      problems = problems.append(Violation.of("ticket.closed_at.mismatch", "closedAt",
          "A close time is present exactly when closed; the ticket is " + status));
    }
    if (resolvedAt.exists(at -> at.isBefore(createdAt) || at.isAfter(updatedAt))) {
      problems = problems.append(Violation.of("ticket.resolved_at.out_of_range", "resolvedAt",
          "The resolution lies between the creation and the last change"));
    }
    Instant earliestClose = resolvedAt.getOrElse(createdAt);
    if (closedAt.exists(at -> at.isBefore(earliestClose) || at.isAfter(updatedAt))) {
      problems = problems.append(Violation.of("ticket.closed_at.out_of_range", "closedAt",
          "The close time lies between the resolution (or creation) and the last change"));
    }
    return problems;
  }

  /** Checks the history; current is an entry of the current values. */
  private static List<Violation> historyProblems(Seq<TicketHistoryEntry> history,
      Instant createdAt, Instant updatedAt, TicketHistoryEntry current) {
    if (history.isEmpty()) {
      return List.of(Violation.of("ticket.history.empty", "history",
          "The history starts with the creation"));
    }
    List<Violation> problems = List.empty();
    Instant previous = null;
    int i = 0;
    for (TicketHistoryEntry entry : history) {
      if (i == 0 && !entry.at().equals(createdAt)) {
        problems = problems.append(Violation.of("ticket.history.first_not_at_creation",
            "history[0].at", "The first history entry is at the creation, " + createdAt));
      }
      if (previous != null && entry.at().isBefore(previous)) {
        problems = problems.append(Violation.of("ticket.history.out_of_order",
            "history[" + i + "].at", "History entries are in time order"));
      }
      if (entry.at().isAfter(updatedAt)) {
        problems = problems.append(Violation.of("ticket.history.after_update",
            "history[" + i + "].at", "A history entry cannot lie after the last change, at "
                + updatedAt));
      }
      previous = entry.at();
      i++;
    }
    if (!history.last().sameValuesAs(current)) {
      problems = problems.append(Violation.of("ticket.history.last_mismatch",
          "history[" + (i - 1) + "]", "The last history entry records the current status,"
              + " priority, team and assignee"));
    }
    return problems;
  }

  /** Collects the changes of one command; builds the next state with its history entry. */
  private static final class Edit {
    private final Ticket from;
    String subject;
    CustomerId customer;
    TicketCategory category;
    Priority priority;
    TicketStatus status;
    Option<EmployeeId> assignee;
    Option<TeamId> team;
    Set<String> tags;
    Vector<TicketComment> comments;
    Option<TicketId> parent;
    Set<TicketId> related;
    Option<TicketId> mergedInto;
    Seq<TicketId> mergedFrom;
    Seq<ArticleId> solvedBy;
    Option<Satisfaction> satisfaction;
    Option<TicketSla> sla;

    Edit(Ticket from) {
      this.from = from;
      subject = from.subject;
      customer = from.customer;
      category = from.category;
      priority = from.priority;
      status = from.status;
      assignee = from.assignee;
      team = from.team;
      tags = from.tags;
      comments = vector(from.comments);
      parent = from.parent;
      related = from.related;
      mergedInto = from.mergedInto;
      mergedFrom = from.mergedFrom;
      solvedBy = from.solvedBy;
      satisfaction = from.satisfaction;
      sla = from.sla;
    }

    /** Appends a comment written now; returns its number. */
    int addComment(CommentAuthor author, CommentVisibility visibility, ActorId by, Instant at,
        String body, Option<TicketId> copiedFrom) {
      int number = comments.size() + 1;
      comments = comments.append(new TicketComment(number, author, visibility, by, at, body,
          copiedFrom));
      return number;
    }

    /** Appends a copy of another ticket's comment, dated at the copy. */
    void copy(TicketComment original, Instant at, TicketId source) {
      comments = comments.append(original.copiedAs(comments.size() + 1, at, source));
    }

    /** Builds the next state at the stamp's time. */
    Ticket build(EventStamp stamp) {
      return build(stamp.at(), stamp.by());
    }

    /**
     * Builds the next state changed at a time: a status change sets or clears the resolution
     * and close times, and a change of status, priority, team or assignee appends a history
     * entry.
     */
    Ticket build(Instant at, ActorId by) {
      Option<Instant> resolvedAt = from.resolvedAt;
      Option<Instant> closedAt = from.closedAt;
      if (status != from.status) {
        if (status == TicketStatus.RESOLVED) {
          resolvedAt = Option.some(at);
          closedAt = Option.none();
        } else if (status == TicketStatus.CLOSED) {
          closedAt = Option.some(at);
        } else {
          resolvedAt = Option.none();
          closedAt = Option.none();
        }
      }
      TicketHistoryEntry entry = new TicketHistoryEntry(at, by, status, priority, team,
          assignee);
      Seq<TicketHistoryEntry> history = from.history.last().sameValuesAs(entry) ? from.history
          : vector(from.history).append(entry);
      Option<Instant> firstResponseAt = from.firstResponseAt.isDefined() ? from.firstResponseAt
          : comments.find(TicketComment::isAgentResponse).map(TicketComment::at);
      Instant updatedAt = at.isBefore(from.updatedAt) ? from.updatedAt : at;
      return new Ticket(from.id, subject, from.description, customer, from.origin, category,
          priority, status, assignee, team, tags, comments, firstResponseAt, parent, related,
          mergedInto, mergedFrom, from.splitFrom, solvedBy, satisfaction, from.cause, sla,
          from.createdAt, from.createdBy, updatedAt, resolvedAt, closedAt, history);
    }
  }

  /**
   * Returns what the SLA clocks are replayed from, in time order: the status at creation, then
   * every status change, public agent reply and customer message written on this ticket. At the
   * same instant a status change comes before a comment.
   *
   * @return the signals, the first a {@link SlaSignal.StatusChanged} at the creation time
   */
  public Seq<SlaSignal> slaSignals() {
    Vector<SlaSignal> signals = Vector.empty();
    TicketStatus last = null;
    int next = 0;
    for (TicketHistoryEntry entry : history) {
      if (entry.status() == last) {
        continue;
      }
      while (next < comments.size() && comments.get(next).at().isBefore(entry.at())) {
        signals = appendComment(signals, comments.get(next));
        next++;
      }
      signals = signals.append(new SlaSignal.StatusChanged(entry.at(), entry.status()));
      last = entry.status();
    }
    for (; next < comments.size(); next++) {
      signals = appendComment(signals, comments.get(next));
    }
    return signals;
  }

  private static Vector<SlaSignal> appendComment(Vector<SlaSignal> signals, TicketComment comment) {
    if (comment.isAgentResponse()) {
      return signals.append(new SlaSignal.AgentReplied(comment.at()));
    }
    if (comment.isCustomerMessage()) {
      return signals.append(new SlaSignal.CustomerReplied(comment.at()));
    }
    return signals;
  }
}
