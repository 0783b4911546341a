package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * Describes one stage of a pipeline: its code and name, whether it is open, won or lost, and the
 * probability and forecast category an opportunity takes on entering it unless overridden.
 * Immutable and thread-safe.
 *
 * @param code the stage's code, unique within its pipeline
 * @param name the name shown to people, not blank, at most {@value #MAX_NAME} characters
 * @param kind open, won or lost
 * @param probability the default chance of winning, 0 to 100 %; 100 % for won and 0 % for lost
 * @param category the default forecast category; {@link ForecastCategory#CLOSED} for won,
 *     {@link ForecastCategory#OMITTED} for lost, anything but {@code CLOSED} for open
 */
public record Stage(StageCode code, String name, StageKind kind, Percentage probability,
    ForecastCategory category) {

  /** The longest stage name, in characters. */
  public static final int MAX_NAME = 100;

  /**
   * Checks the components and the invariants between them.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every broken rule: {@code stage.name.blank},
   *     {@code stage.name.too_long}, {@code stage.probability.out_of_range},
   *     {@code stage.won.probability_not_100}, {@code stage.won.category_not_closed},
   *     {@code stage.lost.probability_not_zero}, {@code stage.lost.category_not_omitted},
   *     {@code stage.open.category_closed}
   */
  public Stage {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(probability, "probability");
    requireNonNull(category, "category");
    PipelineChecks.orThrow(problems(name, kind, probability, category));
  }

  /**
   * Returns a stage with a whole-number probability.
   *
   * @param code the stage's code
   * @param name the name shown to people
   * @param kind open, won or lost
   * @param probabilityPercent the default chance of winning, in percent
   * @param category the default forecast category
   * @return the stage
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if a rule of the canonical constructor is broken
   */
  public static Stage of(StageCode code, String name, StageKind kind, int probabilityPercent,
      ForecastCategory category) {
    return new Stage(code, name, kind, Percentage.ofPercent(probabilityPercent), category);
  }

  /** Tells whether deals in this stage are still open. */
  public boolean isOpen() {
    return kind == StageKind.OPEN;
  }

  /** Returns the problems of a stage's parts, with fields relative to the stage. */
  static List<Violation> problems(String name, StageKind kind, Percentage probability,
      ForecastCategory category) {
    List<Violation> problems = PipelineChecks.requiredText(name, MAX_NAME, "stage.name", "name",
        "A stage's name");
    if (probability != null && !PipelineChecks.isProbability(probability)) {
      problems = problems.append(Violation.of("stage.probability.out_of_range", "probability",
          "A probability lies between 0 and 100 %, but got " + probability));
    }
    if (kind == StageKind.WON && probability != null
        && !probability.equals(Percentage.ONE_HUNDRED)) {
      problems = problems.append(Violation.of("stage.won.probability_not_100", "probability",
          "A won stage has a probability of 100 %, not " + probability));
    }
    if (kind == StageKind.WON && category != null && category != ForecastCategory.CLOSED) {
      problems = problems.append(Violation.of("stage.won.category_not_closed", "category",
          "A won stage has the forecast category CLOSED, not " + category));
    }
    if (kind == StageKind.LOST && probability != null && !probability.isZero()) {
      problems = problems.append(Violation.of("stage.lost.probability_not_zero", "probability",
          "A lost stage has a probability of 0 %, not " + probability));
    }
    if (kind == StageKind.LOST && category != null && category != ForecastCategory.OMITTED) {
      problems = problems.append(Violation.of("stage.lost.category_not_omitted", "category",
          "A lost stage has the forecast category OMITTED, not " + category));
    }
    if (kind == StageKind.OPEN && category == ForecastCategory.CLOSED) {
      problems = problems.append(Violation.of("stage.open.category_closed", "category",
          "An open stage cannot have the forecast category CLOSED"));
    }
    return problems;
  }
}
