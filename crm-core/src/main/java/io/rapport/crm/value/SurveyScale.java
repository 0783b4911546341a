package io.rapport.crm.value;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.service.CsatScale;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Gives the range of a rating scale for CSAT or CES, such as 1 to 5 or 1 to 7, with the higher
 * scores the better ones. Immutable and thread-safe.
 *
 * @param min the lowest score, at least 0
 * @param max the highest score, above min, at most {@value #MAX_SCORE}
 */
public record SurveyScale(int min, int max) {

  /** The highest score any scale may reach, as for {@link CsatScale}. */
  public static final int MAX_SCORE = CsatScale.MAX_SCORE;

  /** The common CSAT scale, 1 to 5. */
  public static final SurveyScale ONE_TO_FIVE = new SurveyScale(1, 5);

  /** The common CES scale, 1 to 7 ("the company made it easy": 7 strongly agree). */
  public static final SurveyScale ONE_TO_SEVEN = new SurveyScale(1, 7);

  /**
   * Checks the components.
   *
   * @throws InvalidValueException with every broken rule: {@code value.survey.scale.min_negative}
   *     (min), {@code value.survey.scale.max_not_above_min}, {@code value.survey.scale.max_too_high}
   *     (max)
   */
  public SurveyScale {
    InvalidValueException.valueOrThrow(check(min, max));
  }

  /**
   * Validates outside input into a scale.
   *
   * @param min the lowest score
   * @param max the highest score
   * @return the scale, or every violation the constructor names
   */
  public static Validation<Seq<Violation>, SurveyScale> validated(int min, int max) {
    Validation<Seq<Violation>, Boolean> result = check(min, max);
    return result.isValid() ? Validation.valid(new SurveyScale(min, max))
        : Validation.invalid(result.getError());
  }

  /**
   * Returns the range of a service CSAT scale (issue 6), so answers collected there read the
   * same here.
   *
   * @param scale the service scale
   * @return the same range
   */
  public static SurveyScale from(CsatScale scale) {
    return new SurveyScale(scale.min(), scale.max());
  }

  /**
   * Returns the number of steps on the scale, {@code max − min + 1}.
   *
   * @return the number of points
   */
  public int points() {
    return max - min + 1;
  }

  /** Returns {@code min to max}, such as {@code 1 to 5}. */
  @Override
  public String toString() {
    return min + " to " + max;
  }

  private static Validation<Seq<Violation>, Boolean> check(int min, int max) {
    List<Violation> problems = List.empty();
    if (min < 0) {
      problems = problems.append(Violation.of("value.survey.scale.min_negative", "min",
          "A scale's lowest score is at least 0, but got " + min));
    }
    if (max <= min) {
      problems = problems.append(Violation.of("value.survey.scale.max_not_above_min", "max",
          "A scale's highest score lies above its lowest, " + min + ", but got " + max));
    }
    if (max > MAX_SCORE) {
      problems = problems.append(Violation.of("value.survey.scale.max_too_high", "max",
          "A scale's highest score is at most " + MAX_SCORE + ", but got " + max));
    }
    return problems.isEmpty() ? Validation.valid(Boolean.TRUE) : Validation.invalid(problems);
  }
}
