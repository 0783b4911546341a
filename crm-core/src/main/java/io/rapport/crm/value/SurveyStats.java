package io.rapport.crm.value;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** The normal quantiles and checks the survey calculations share. */
final class SurveyStats {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private SurveyStats() {}

  /** Returns the two-sided critical value z for a confidence level, after checking it. */
  static double zFor(double confidence) {
    requireConfidence(confidence);
    return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /** Returns the two-sided p-value of a z statistic. */
  static double twoSidedP(double z) {
    return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  static void requireConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new InvalidValueException(List.of(Violation.of("value.survey.confidence_out_of_range",
          "confidence", "A confidence level lies strictly between 0 and 1, but got "
              + confidence)));
    }
  }

  static InvalidValueException noAnswersException(String what) {
    return new InvalidValueException(List.of(Violation.of("value.survey.no_answers", "answers",
        what + " needs at least one counted answer, but there is none")));
  }
}
