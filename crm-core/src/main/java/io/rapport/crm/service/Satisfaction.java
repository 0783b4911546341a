package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records the customer's answer to the satisfaction (CSAT) survey sent when a ticket was
 * resolved. Immutable and thread-safe.
 *
 * @param score the score, on the scale
 * @param scale the scale the question was asked on
 * @param comment what the customer wrote, or empty; when present not blank and at most
 *     {@value #MAX_COMMENT} characters
 * @param at when the customer answered
 */
public record Satisfaction(int score, CsatScale scale, Option<String> comment, Instant at) {

  /** The longest comment, in characters (code points). */
  public static final int MAX_COMMENT = 2000;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the comment is null
   * @throws InvalidValueException with every broken rule: {@code satisfaction.score.out_of_scale}
   *     (score), {@code satisfaction.comment.blank}, {@code satisfaction.comment.too_long}
   *     (comment)
   */
  public Satisfaction {
    requireNonNull(scale, "scale");
    requireNonNull(comment, "comment");
    requireNonNull(at, "at");
    comment.forEach(value -> requireNonNull(value, "comment"));
    List<Violation> problems = List.empty();
    if (!scale.contains(score)) {
      problems = problems.append(Violation.of("satisfaction.score.out_of_scale", "score",
          "A score lies on its scale, " + scale + ", but got " + score));
    }
    if (comment.isDefined()) {
      problems = problems.appendAll(TicketChecks.requiredText(comment.get(), MAX_COMMENT,
          "satisfaction.comment", "comment", "A satisfaction comment"));
    }
    TicketChecks.orThrow(problems);
  }

  /**
   * Tells whether the customer was unhappy: the score is at or below the scale's low mark.
   *
   * @return true for an unhappy answer
   */
  public boolean isLow() {
    return scale.isLow(score);
  }
}
