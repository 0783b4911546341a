package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records one survey answer: the score given (or none, for an invitation left unanswered), the
 * segment the respondent belongs to (or none) and when the answer came. Immutable and
 * thread-safe.
 *
 * <p>The score is not checked against a scale here: the same answers may be read as NPS (0 to
 * 10) or against a CSAT or CES scale, and each calculation checks every score against its own
 * scale, reporting all that fall outside at once.
 *
 * @param score the score, or empty for a non-answer
 * @param segment the respondent's segment, such as {@code "vip"}, or empty; when present not
 *     blank
 * @param at when the answer was given (or the invitation closed, for a non-answer)
 */
public record SurveyAnswer(Option<Integer> score, Option<String> segment, Instant at) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, the score or the segment inside is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the segment is blank
   *     ({@code value.survey.segment_blank}, field {@code segment})
   */
  public SurveyAnswer {
    requireNonNull(score, "score");
    requireNonNull(segment, "segment");
    requireNonNull(at, "at");
    score.forEach(value -> requireNonNull(value, "score"));
    segment.forEach(value -> requireNonNull(value, "segment"));
    if (segment.isDefined() && segment.get().isBlank()) {
      throw new io.rapport.crm.kernel.InvalidValueException(io.vavr.collection.List.of(
          io.rapport.crm.kernel.Violation.of("value.survey.segment_blank", "segment",
              "A segment, when given, is not blank")));
    }
  }

  /**
   * Returns an answer without a segment.
   *
   * @param score the score
   * @param at when it was given
   * @return the answer
   */
  public static SurveyAnswer of(int score, Instant at) {
    return new SurveyAnswer(Option.some(score), Option.none(), at);
  }

  /**
   * Returns an answer in a segment.
   *
   * @param score the score
   * @param segment the segment, not blank
   * @param at when it was given
   * @return the answer
   * @throws io.rapport.crm.kernel.InvalidValueException if the segment is blank
   */
  public static SurveyAnswer of(int score, String segment, Instant at) {
    return new SurveyAnswer(Option.some(score), Option.some(segment), at);
  }

  /**
   * Returns a non-answer: an invitation that was not answered.
   *
   * @param segment the segment, or empty
   * @param at when the invitation closed
   * @return the non-answer
   */
  public static SurveyAnswer skipped(Option<String> segment, Instant at) {
    return new SurveyAnswer(Option.none(), segment, at);
  }

  /**
   * Tells whether this is a non-answer.
   *
   * @return true if no score was given
   */
  public boolean isSkipped() {
    return score.isEmpty();
  }
}
