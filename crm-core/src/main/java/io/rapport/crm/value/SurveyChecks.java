package io.rapport.crm.value;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/** The count checks and the proportion interval CSAT and CES share. */
final class SurveyChecks {

  private SurveyChecks() {}

  static List<Violation> counts(int first, int answered, int nonAnswers) {
    List<Violation> problems = List.empty();
    int[] values = {first, answered, nonAnswers};
    String[] names = {"satisfied", "answered", "nonAnswers"};
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        problems = problems.append(Violation.of("value.survey.count_negative", names[i],
            "A count is at least 0, but got " + values[i]));
      }
    }
    return problems;
  }

  static List<Violation> topBoxes(int topBoxes, SurveyScale scale) {
    if (topBoxes < 1 || topBoxes >= scale.points()) {
      return List.of(Violation.of("value.survey.top_boxes_out_of_range", "topBoxes",
          "Top boxes run from 1 to below the " + scale.points() + " points of the scale "
              + scale + ", but got " + topBoxes));
    }
    return List.empty();
  }

  static int base(int answered, int nonAnswers, NonAnswerPolicy policy) {
    return answered + (policy == NonAnswerPolicy.COUNT_AS_PASSIVE ? nonAnswers : 0);
  }

  static Violation noAnswers(String what) {
    return Violation.of("value.survey.no_answers", "answers",
        what + " needs at least one counted answer, but there is none");
  }

  /** Adjusted-Wald (Agresti–Coull) interval of {@code hits / base}, in percent. */
  static ScoreInterval proportionInterval(int hits, int base, double confidence) {
    double z = SurveyStats.zFor(confidence);
    double z2 = z * z;
    double n = base + z2;
    double p = (hits + z2 / 2) / n;
    double margin = z * Math.sqrt(p * (1 - p) / n);
    return ScoreInterval.of(100.0 * hits / base, 100.0 * p, 100.0 * margin, confidence, 0, 100);
  }
}
