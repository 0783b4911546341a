package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Percentage;

/**
 * Describes one stage of a pipeline: its code and name, whether it is open, won or lost, and the
 * probability and forecast category an opportunity takes on entering it unless overridden.
 * Immutable and thread-safe.
 *
 * @param code the stage's code, unique within its pipeline
 * @param name the name shown to people, not blank, at most 100 characters
 * @param kind open, won or lost
 * @param probability the default chance of winning, 0 to 100 %; 100 % for won and 0 % for lost
 * @param category the default forecast category; {@link ForecastCategory#CLOSED} for won and
 *     {@link ForecastCategory#OMITTED} for lost
 */
public record Stage(StageCode code, String name, StageKind kind, Percentage probability,
    ForecastCategory category) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Stage {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(probability, "probability");
    requireNonNull(category, "category");
  }
}
