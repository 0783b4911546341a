package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Records an opportunity as it stood after one change of its stage, amount, probability,
 * forecast category or expected close date: the history that velocity, slipped deals and
 * forecast snapshots are computed from. Immutable and thread-safe.
 *
 * @param at when the change happened
 * @param by who made it
 * @param stage the stage after the change
 * @param amount the amount after the change, or empty when none was known
 * @param probability the probability after the change, 0 to 100 %
 * @param probabilityOverridden whether the probability was set by hand rather than by the stage
 * @param category the forecast category after the change
 * @param categoryOverridden whether the category was set by hand rather than by the stage
 * @param expectedClose the expected close date after the change, or empty
 */
public record StageHistoryEntry(Instant at, ActorId by, StageCode stage, Option<Money> amount,
    Percentage probability, boolean probabilityOverridden, ForecastCategory category,
    boolean categoryOverridden, Option<LocalDate> expectedClose) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the probability is outside 0 to 100 %
   *     ({@code stage_history.probability.out_of_range})
   */
  public StageHistoryEntry {
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(stage, "stage");
    requireNonNull(amount, "amount");
    requireNonNull(probability, "probability");
    requireNonNull(category, "category");
    requireNonNull(expectedClose, "expectedClose");
    amount.forEach(value -> requireNonNull(value, "amount"));
    expectedClose.forEach(value -> requireNonNull(value, "expectedClose"));
    if (!PipelineChecks.isProbability(probability)) {
      throw new InvalidValueException(List.of(Violation.of("stage_history.probability.out_of_range",
          "probability", "A probability lies between 0 and 100 %, but got " + probability)));
    }
  }

  /**
   * Tells whether this entry records the same values as another, whenever and by whomever: the
   * stage, amount, probability and category with their override flags, and the close date.
   *
   * @param other the other entry
   * @return true if the values are the same
   * @throws NullPointerException if other is null
   */
  public boolean sameValuesAs(StageHistoryEntry other) {
    return stage.equals(other.stage) && amount.equals(other.amount)
        && probability.equals(other.probability)
        && probabilityOverridden == other.probabilityOverridden && category == other.category
        && categoryOverridden == other.categoryOverridden
        && expectedClose.equals(other.expectedClose);
  }
}
