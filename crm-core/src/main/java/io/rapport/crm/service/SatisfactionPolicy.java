package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import java.time.Instant;

/**
 * Decides what follows a customer's satisfaction (CSAT) rating of a ticket: a content customer
 * needs nothing; an unhappy one gets the ticket reopened, when it is still resolved within its
 * reopen window and the policy allows it, or else a follow-up ticket. Pure. Immutable and
 * thread-safe.
 *
 * <p>Whether a score is unhappy is read on the scale the rating was given on
 * ({@link Satisfaction#isLow()}); {@code scale} is the scale the host asks the question on
 * (pass it to {@link Ticket#rate}).
 *
 * @param scale the scale the question is asked on
 * @param onLowScore what an unhappy rating leads to
 * @param followUpPriority the priority of a follow-up ticket
 * @param followUpCategory the category of a follow-up ticket
 */
public record SatisfactionPolicy(CsatScale scale, LowScoreAction onLowScore,
    Priority followUpPriority, TicketCategory followUpCategory) {

  /** Names what an unhappy rating leads to. */
  public enum LowScoreAction {
    /**
     * Reopen the ticket when it is resolved and within its reopen window; otherwise open a
     * follow-up ticket.
     */
    REOPEN_OR_FOLLOW_UP,
    /** Always open a follow-up ticket. */
    FOLLOW_UP
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SatisfactionPolicy {
    requireNonNull(scale, "scale");
    requireNonNull(onLowScore, "onLowScore");
    requireNonNull(followUpPriority, "followUpPriority");
    requireNonNull(followUpCategory, "followUpCategory");
  }

  /**
   * Returns the common policy: a 1 to 5 scale where 1 and 2 are unhappy; reopen or else follow up
   * with a HIGH priority complaint.
   *
   * @return the standard policy
   */
  public static SatisfactionPolicy standard() {
    return new SatisfactionPolicy(CsatScale.ONE_TO_FIVE, LowScoreAction.REOPEN_OR_FOLLOW_UP,
        Priority.HIGH, TicketCategory.COMPLAINT);
  }

  /**
   * Decides what follows the rating of a ticket. An unhappy rating reopens the ticket when the
   * policy is {@link LowScoreAction#REOPEN_OR_FOLLOW_UP} and the ticket is resolved and within
   * its reopen window at the time (its end included); otherwise it leads to a follow-up ticket:
   * a draft for the same customer, origin and team, with the rated ticket as parent and cause,
   * the policy's priority and category, and a subject and description naming the rated ticket
   * and the score (never the customer's comment).
   *
   * @param rated the rated ticket
   * @param rules the reopen window
   * @param at when the decision is made
   * @return the outcome
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the ticket is not rated ({@code satisfaction.not_rated},
   *     field {@code rated})
   */
  public SatisfactionOutcome decide(Ticket rated, TicketRules rules, Instant at) {
    requireNonNull(rated, "rated");
    requireNonNull(rules, "rules");
    requireNonNull(at, "at");
    if (rated.satisfaction().isEmpty()) {
      throw new InvalidValueException(List.of(Violation.of("satisfaction.not_rated", "rated",
          "The ticket " + rated.id() + " has no rating to decide on")));
    }
    Satisfaction rating = rated.satisfaction().get();
    if (!rating.isLow()) {
      return new SatisfactionOutcome.Content(rated.id());
    }
    if (onLowScore == LowScoreAction.REOPEN_OR_FOLLOW_UP && rated.isReopenable(rules, at)) {
      return new SatisfactionOutcome.Reopen(rated.id());
    }
    String score = rating.score() + " (" + rating.scale() + ")";
    String subject = TicketChecks.clipped("Follow-up: low satisfaction " + score + " on ticket "
        + rated.id() + ": " + rated.subject(), Ticket.MAX_SUBJECT);
    String description = "The customer rated ticket " + rated.id() + " " + score + " at "
        + rating.at() + (rating.comment().isDefined() ? ", with a comment on that ticket" : "")
        + ". Contact them about it.";
    TicketDraft draft = TicketDraft.of(subject, description, rated.customer(), rated.origin())
        .withPriority(followUpPriority)
        .withCategory(followUpCategory)
        .withParent(rated.id())
        .withCause(RecordRef.to(rated.id()));
    return new SatisfactionOutcome.FollowUp(rated.team().isDefined()
        ? draft.withTeam(rated.team().get()) : draft);
  }
}
