package io.rapport.crm.service;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Gives the range of a customer satisfaction (CSAT) score, 1 to 5 by default, and the score at
 * or below which an answer counts as unhappy. Immutable and thread-safe.
 *
 * @param min the lowest score, at least 0
 * @param max the highest score, above min, at most 100
 * @param lowAtOrBelow the highest score that counts as unhappy, from min to below max
 */
public record CsatScale(int min, int max, int lowAtOrBelow) {

  /** The common scale: 1 to 5, where 1 and 2 are unhappy. */
  public static final CsatScale ONE_TO_FIVE = new CsatScale(1, 5, 2);

  /** The highest score any scale may reach. */
  public static final int MAX_SCORE = 100;

  /**
   * Checks the components.
   *
   * @throws InvalidValueException with every broken rule: {@code csat.scale.min_negative} (min),
   *     {@code csat.scale.max_not_above_min}, {@code csat.scale.max_too_high} (max),
   *     {@code csat.scale.low_out_of_range} (lowAtOrBelow)
   */
  public CsatScale {
    TicketChecks.orThrow(problems(min, max, lowAtOrBelow));
  }

  /**
   * Returns a scale.
   *
   * @param min the lowest score
   * @param max the highest score
   * @param lowAtOrBelow the highest unhappy score
   * @return the scale
   * @throws InvalidValueException with every broken rule, as the constructor
   */
  public static CsatScale of(int min, int max, int lowAtOrBelow) {
    return new CsatScale(min, max, lowAtOrBelow);
  }

  /**
   * Validates outside input into a scale.
   *
   * @param min the lowest score
   * @param max the highest score
   * @param lowAtOrBelow the highest unhappy score
   * @return the scale, or every violation the constructor names
   */
  public static Validation<Seq<Violation>, CsatScale> validated(int min, int max,
      int lowAtOrBelow) {
    Seq<Violation> problems = problems(min, max, lowAtOrBelow);
    return problems.isEmpty() ? Validation.valid(new CsatScale(min, max, lowAtOrBelow))
        : Validation.invalid(problems);
  }

  /**
   * Tells whether a score lies on this scale.
   *
   * @param score the score
   * @return true if min ≤ score ≤ max
   */
  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  /**
   * Tells whether a score counts as unhappy.
   *
   * @param score a score on this scale
   * @return true if score ≤ lowAtOrBelow
   */
  public boolean isLow(int score) {
    return score <= lowAtOrBelow;
  }

  /** Returns {@code min to max}, such as {@code 1 to 5}. */
  @Override
  public String toString() {
    return min + " to " + max;
  }

  private static Seq<Violation> problems(int min, int max, int lowAtOrBelow) {
    List<Violation> problems = List.empty();
    if (min < 0) {
      problems = problems.append(Violation.of("csat.scale.min_negative", "min",
          "A scale's lowest score is at least 0, but got " + min));
    }
    if (max <= min) {
      problems = problems.append(Violation.of("csat.scale.max_not_above_min", "max",
          "A scale's highest score lies above its lowest, " + min + ", but got " + max));
    }
    if (max > MAX_SCORE) {
      problems = problems.append(Violation.of("csat.scale.max_too_high", "max",
          "A scale's highest score is at most " + MAX_SCORE + ", but got " + max));
    }
    if (lowAtOrBelow < min || lowAtOrBelow >= max) {
      problems = problems.append(Violation.of("csat.scale.low_out_of_range", "lowAtOrBelow",
          "The highest unhappy score lies from the lowest score " + min
              + " to below the highest " + max + ", but got " + lowAtOrBelow));
    }
    return problems;
  }
}
