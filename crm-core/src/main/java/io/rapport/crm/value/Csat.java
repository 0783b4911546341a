package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * Computes customer satisfaction (CSAT) as the top-two-box percentage: the share of answers in
 * the scale's highest {@code topBoxes} scores (4 and 5 on a 1 to 5 scale), from 0 to 100.
 * Immutable and thread-safe.
 *
 * <p>The interval is the adjusted-Wald (Agresti–Coull) interval for a proportion, which Sauro and
 * Lewis recommend for small samples: add {@code z²/2} successes and {@code z²} trials, then use
 * the Wald formula.
 *
 * @param satisfied the answers in the top boxes, ≥ 0
 * @param answered the scored answers, ≥ satisfied
 * @param nonAnswers the invitations left unanswered, ≥ 0
 * @param policy how non-answers count: under {@link NonAnswerPolicy#COUNT_AS_PASSIVE} they are
 *     in the base and not satisfied
 * @param scale the scale asked on
 * @param topBoxes how many of the highest scores count as satisfied, from 1 to below the number
 *     of points on the scale
 */
public record Csat(int satisfied, int answered, int nonAnswers, NonAnswerPolicy policy,
    SurveyScale scale, int topBoxes) {

  /** The usual number of top boxes. */
  public static final int TOP_TWO = 2;

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if the policy or scale is null
   * @throws InvalidValueException with every broken rule: {@code value.survey.count_negative},
   *     {@code value.survey.satisfied_above_answered}, {@code value.survey.top_boxes_out_of_range},
   *     {@code value.survey.no_answers}
   */
  public Csat {
    requireNonNull(policy, "policy");
    requireNonNull(scale, "scale");
    List<Violation> problems = SurveyChecks.counts(satisfied, answered, nonAnswers);
    if (satisfied > answered) {
      problems = problems.append(Violation.of("value.survey.satisfied_above_answered",
          "satisfied", "Satisfied answers are at most the answers, " + answered + ", but got "
              + satisfied));
    }
    problems = problems.appendAll(SurveyChecks.topBoxes(topBoxes, scale));
    if (problems.isEmpty() && SurveyChecks.base(answered, nonAnswers, policy) == 0) {
      problems = problems.append(SurveyChecks.noAnswers("A CSAT"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the top-two-box CSAT of answers, leaving non-answers out.
   *
   * @param answers the answers
   * @param scale the scale asked on
   * @return the CSAT
   * @throws InvalidValueException if a score lies off the scale (every such answer, code
   *     {@code value.survey.score_out_of_scale}, field {@code answers[i].score}) or no answer
   *     counts ({@code value.survey.no_answers})
   */
  public static Csat of(SurveyAnswers answers, SurveyScale scale) {
    return of(answers, scale, TOP_TWO, NonAnswerPolicy.EXCLUDE);
  }

  /**
   * Returns the CSAT of answers with a chosen number of top boxes and non-answer policy.
   *
   * @param answers the answers
   * @param scale the scale asked on
   * @param topBoxes how many of the highest scores count as satisfied
   * @param policy how non-answers count
   * @return the CSAT
   * @throws InvalidValueException if a score lies off the scale (every such answer), the top
   *     boxes are out of range or no answer counts, as the constructor
   */
  public static Csat of(SurveyAnswers answers, SurveyScale scale, int topBoxes,
      NonAnswerPolicy policy) {
    requireNonNull(answers, "answers");
    requireNonNull(scale, "scale");
    requireNonNull(policy, "policy");
    answers.requireOnScale(scale.min(), scale.max(), scale.toString());
    int from = scale.max() - topBoxes + 1;
    int satisfied = 0;
    int answered = 0;
    int skipped = 0;
    for (int score : answers.scores()) {
      if (score == SurveyAnswers.NO_SCORE) {
        skipped++;
      } else {
        answered++;
        if (score >= from) {
          satisfied++;
        }
      }
    }
    return new Csat(satisfied, answered, skipped, policy, scale, topBoxes);
  }

  /**
   * Returns the number of answers the percentage is taken of.
   *
   * @return the scored answers, plus the non-answers under
   *     {@link NonAnswerPolicy#COUNT_AS_PASSIVE}
   */
  public int base() {
    return SurveyChecks.base(answered, nonAnswers, policy);
  }

  /**
   * Returns the percentage of satisfied answers.
   *
   * @return the CSAT, in [0, 100]
   */
  public double percent() {
    return 100.0 * satisfied / base();
  }

  /**
   * Returns the adjusted-Wald interval of the percentage.
   *
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the interval, in percent
   * @throws InvalidValueException if the confidence is not strictly between 0 and 1
   *     ({@code value.survey.confidence_out_of_range})
   */
  public ScoreInterval interval(double confidence) {
    return SurveyChecks.proportionInterval(satisfied, base(), confidence);
  }
}
