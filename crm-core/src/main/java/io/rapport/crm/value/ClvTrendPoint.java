package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.control.Option;
import java.time.LocalDate;

/**
 * Gives one period of a CLV trend with its change from the period before. Immutable and
 * thread-safe.
 *
 * @param periodStart the first day of the period
 * @param total the period's CLV total
 * @param change {@code total − previous total}, exact; empty for the first period
 * @param relativeChange {@code change / previous total}; empty for the first period and when the
 *     previous total is zero
 */
public record ClvTrendPoint(LocalDate periodStart, Money total, Option<Money> change,
    Option<Double> relativeChange) {

  /**
   * Checks that the parts are present.
   *
   * @throws NullPointerException if a part is null
   */
  public ClvTrendPoint {
    requireNonNull(periodStart, "periodStart");
    requireNonNull(total, "total");
    requireNonNull(change, "change");
    requireNonNull(relativeChange, "relativeChange");
  }
}
