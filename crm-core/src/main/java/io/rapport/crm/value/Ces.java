package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Computes the customer effort score (CES): the mean answer on an agreement scale such as 1 to 7
 * ("the company made it easy to handle my issue", higher is easier) and the top-box percentage,
 * the share of answers at the scale's highest score. Immutable and thread-safe.
 *
 * <p>The mean's interval is the t interval (mean ± t × s / √n, n − 1 degrees of freedom); with a
 * single answer it is the whole scale. The top-box interval is the adjusted-Wald interval, as for
 * {@link Csat}. Non-answers never enter the mean; under
 * {@link NonAnswerPolicy#COUNT_AS_PASSIVE} they enter the top-box base as answers below the top.
 *
 * @param mean the mean of the scored answers, on the scale
 * @param standardDeviation the sample standard deviation of the scored answers (0 for one answer)
 * @param answered the scored answers, ≥ 1
 * @param topBox the answers at the scale's highest score, from 0 to answered
 * @param nonAnswers the invitations left unanswered, ≥ 0
 * @param policy how non-answers count in the top-box base
 * @param scale the scale asked on
 */
public record Ces(double mean, double standardDeviation, int answered, int topBox,
    int nonAnswers, NonAnswerPolicy policy, SurveyScale scale) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if the policy or scale is null
   * @throws InvalidValueException with every broken rule: {@code value.survey.count_negative},
   *     {@code value.survey.no_answers}, {@code value.survey.satisfied_above_answered} (topBox),
   *     {@code value.survey.mean_off_scale} (mean), {@code value.survey.deviation_invalid}
   */
  public Ces {
    requireNonNull(policy, "policy");
    requireNonNull(scale, "scale");
    List<Violation> problems = SurveyChecks.counts(topBox, answered, nonAnswers);
    if (answered == 0) {
      problems = problems.append(SurveyChecks.noAnswers("A CES"));
    }
    if (topBox > answered) {
      problems = problems.append(Violation.of("value.survey.satisfied_above_answered", "topBox",
          "Top-box answers are at most the answers, " + answered + ", but got " + topBox));
    }
    if (!(mean >= scale.min() && mean <= scale.max())) {
      problems = problems.append(Violation.of("value.survey.mean_off_scale", "mean",
          "A mean lies on the scale " + scale + ", but got " + mean));
    }
    if (!(standardDeviation >= 0) || Double.isInfinite(standardDeviation)) {
      problems = problems.append(Violation.of("value.survey.deviation_invalid",
          "standardDeviation", "A standard deviation is finite and ≥ 0, but got "
              + standardDeviation));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the CES of answers, leaving non-answers out.
   *
   * @param answers the answers
   * @param scale the scale asked on
   * @return the CES
   * @throws InvalidValueException if a score lies off the scale (every such answer, code
   *     {@code value.survey.score_out_of_scale}, field {@code answers[i].score}) or there is no
   *     scored answer ({@code value.survey.no_answers})
   */
  public static Ces of(SurveyAnswers answers, SurveyScale scale) {
    return of(answers, scale, NonAnswerPolicy.EXCLUDE);
  }

  /**
   * Returns the CES of answers, counting non-answers in the top-box base by a policy.
   *
   * @param answers the answers
   * @param scale the scale asked on
   * @param policy how non-answers count
   * @return the CES
   * @throws InvalidValueException if a score lies off the scale (every such answer) or there is
   *     no scored answer ({@code value.survey.no_answers})
   */
  public static Ces of(SurveyAnswers answers, SurveyScale scale, NonAnswerPolicy policy) {
    requireNonNull(answers, "answers");
    requireNonNull(scale, "scale");
    requireNonNull(policy, "policy");
    answers.requireOnScale(scale.min(), scale.max(), scale.toString());
    int answered = 0;
    int skipped = 0;
    int top = 0;
    double mean = 0;
    double squares = 0;
    for (int score : answers.scores()) {
      if (score == SurveyAnswers.NO_SCORE) {
        skipped++;
        continue;
      }
      answered++;
      if (score == scale.max()) {
        top++;
      }
      double delta = score - mean;
      mean += delta / answered;
      squares += delta * (score - mean);
    }
    if (answered == 0) {
      throw new InvalidValueException(List.of(SurveyChecks.noAnswers("A CES")));
    }
    double deviation = answered > 1 ? Math.sqrt(squares / (answered - 1)) : 0;
    mean = Math.max(scale.min(), Math.min(scale.max(), mean));
    return new Ces(mean, deviation, answered, top, skipped, policy, scale);
  }

  /**
   * Returns the t interval of the mean, on the scale.
   *
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the interval, in scale points, within the scale
   * @throws InvalidValueException if the confidence is not strictly between 0 and 1
   *     ({@code value.survey.confidence_out_of_range})
   */
  public ScoreInterval meanInterval(double confidence) {
    SurveyStats.requireConfidence(confidence);
    double margin;
    if (answered < 2) {
      margin = scale.max() - scale.min();
    } else {
      double t = new TDistribution(answered - 1.0)
          .inverseCumulativeProbability(1 - (1 - confidence) / 2);
      margin = t * standardDeviation / Math.sqrt(answered);
    }
    return ScoreInterval.of(mean, mean, margin, confidence, scale.min(), scale.max());
  }

  /**
   * Returns the percentage of answers at the top of the scale.
   *
   * @return the top-box percentage, in [0, 100]
   */
  public double topBoxPercent() {
    return 100.0 * topBox / SurveyChecks.base(answered, nonAnswers, policy);
  }

  /**
   * Returns the adjusted-Wald interval of the top-box percentage.
   *
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the interval, in percent
   * @throws InvalidValueException if the confidence is not strictly between 0 and 1
   *     ({@code value.survey.confidence_out_of_range})
   */
  public ScoreInterval topBoxInterval(double confidence) {
    return SurveyChecks.proportionInterval(topBox,
        SurveyChecks.base(answered, nonAnswers, policy), confidence);
  }
}
