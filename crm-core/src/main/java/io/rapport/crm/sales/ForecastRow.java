package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;

/**
 * Holds one row of a forecast: per forecast category, how many deals and their amounts, and the
 * usual roll-ups. Every figure is rounded once from its exact sum, so a roll-up may differ by a
 * minor unit from the sum of its rounded parts. Immutable and thread-safe.
 *
 * <p>Roll-ups: <b>closed</b> = {@link ForecastCategory#CLOSED}; <b>commit</b> = closed +
 * {@link ForecastCategory#COMMIT}; <b>best case</b> = commit + {@link ForecastCategory#BEST_CASE};
 * <b>pipeline</b> = the open categories {@link ForecastCategory#PIPELINE} +
 * {@link ForecastCategory#BEST_CASE} + {@link ForecastCategory#COMMIT}. {@link
 * ForecastCategory#OMITTED} (lost deals, and deals taken out of the forecast) is reported on its
 * own and never counted in a roll-up.
 *
 * @param key the dimension values of the row
 * @param byCategory the figures of each category; every category is present
 * @param withoutAmount how many of the row's deals had no amount (counted with zero)
 * @param closed the closed roll-up
 * @param commit the commit roll-up
 * @param bestCase the best-case roll-up
 * @param pipeline the open-pipeline roll-up
 */
public record ForecastRow(ForecastKey key, SortedMap<ForecastCategory, ForecastFigures> byCategory,
    int withoutAmount, ForecastFigures closed, ForecastFigures commit, ForecastFigures bestCase,
    ForecastFigures pipeline) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a figure is null
   * @throws InvalidValueException if a category is missing ({@code forecast.category.missing}) or
   *     the count without amount is negative ({@code forecast.count.negative})
   */
  public ForecastRow {
    requireNonNull(key, "key");
    requireNonNull(byCategory, "byCategory");
    requireNonNull(closed, "closed");
    requireNonNull(commit, "commit");
    requireNonNull(bestCase, "bestCase");
    requireNonNull(pipeline, "pipeline");
    byCategory.forEach((category, figures) -> requireNonNull(figures, "byCategory value"));
    for (ForecastCategory category : ForecastCategory.values()) {
      if (!byCategory.containsKey(category)) {
        throw new InvalidValueException(List.of(Violation.of("forecast.category.missing",
            "byCategory", "A forecast row has figures for every category, but " + category
                + " is missing")));
      }
    }
    if (withoutAmount < 0) {
      throw new InvalidValueException(List.of(Violation.of("forecast.count.negative",
          "withoutAmount", "A count is not negative, but got " + withoutAmount)));
    }
  }

  /**
   * Returns the figures of one category.
   *
   * @param category the category
   * @return its figures
   * @throws NullPointerException if category is null
   */
  public ForecastFigures of(ForecastCategory category) {
    return byCategory.get(requireNonNull(category, "category")).get();
  }

  /** Returns how many deals the row counts, in every category including omitted. */
  public int count() {
    return byCategory.values().map(ForecastFigures::count).sum().intValue();
  }
}
