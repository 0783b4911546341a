package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.time.LocalDate;

/**
 * Splits a transaction log at a calibration end: the summaries of the calibration period (up to
 * the policy's observation end, inclusive) and, for the same customers, the purchases and spend
 * of the holdout period {@code (calibration end, holdout end]}, counted under the same same-day,
 * refund and zero-amount rules. Immutable and thread-safe.
 *
 * <p>Customers whose first purchase falls in the holdout are not in the result: the models are
 * fitted on the calibration cohort and judged on what that cohort did next.
 *
 * @param calibration the policy of the calibration period; its observation end is the
 *     calibration end
 * @param holdoutEnd the last day of the holdout, inclusive, after the calibration end
 */
public record CalibrationSplit(SummaryPolicy calibration, LocalDate holdoutEnd) {

  /**
   * Checks that the holdout follows the calibration.
   *
   * @throws NullPointerException when a part is null
   * @throws InvalidValueException {@code value.split.holdout_not_after_calibration} when the
   *     holdout end is not after the calibration end
   */
  public CalibrationSplit {
    requireNonNull(calibration, "calibration");
    requireNonNull(holdoutEnd, "holdoutEnd");
    if (!holdoutEnd.isAfter(calibration.observationEnd())) {
      throw new InvalidValueException(List.of(Violation.of(
          "value.split.holdout_not_after_calibration", "holdoutEnd", "the holdout end "
              + holdoutEnd + " must be after the calibration end "
              + calibration.observationEnd())));
    }
  }

  /**
   * Returns a split with the default policy ({@link SummaryPolicy#of}).
   *
   * @param unit the unit of recency, age and the holdout length
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @param holdoutEnd the last day of the holdout, inclusive
   * @return the split
   * @throws InvalidValueException {@code value.split.holdout_not_after_calibration} when the
   *     holdout end is not after the calibration end
   */
  public static CalibrationSplit of(PeriodUnit unit, LocalDate calibrationEnd,
      LocalDate holdoutEnd) {
    return new CalibrationSplit(SummaryPolicy.of(unit, calibrationEnd), holdoutEnd);
  }

  /**
   * Returns the length of the holdout in the policy's unit.
   *
   * @return the number of units from the calibration end to the holdout end
   */
  public double holdoutLength() {
    return calibration.unit().fromDays(
        holdoutEnd.toEpochDay() - calibration.observationEnd().toEpochDay());
  }

  /**
   * Splits a log.
   *
   * @param log the transactions
   * @return the calibration summaries with each customer's holdout purchases and spend
   */
  public HoldoutTable apply(TransactionLog log) {
    TransactionSummaries.Computed computed = TransactionSummaries.compute(
        requireNonNull(log, "log"), calibration, holdoutEnd);
    return new HoldoutTable(computed.calibration, computed.holdoutPurchases,
        computed.holdoutSpend, holdoutLength());
  }
}
