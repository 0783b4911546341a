package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import java.time.LocalDate;

/**
 * Gives the total customer lifetime value measured for one period, the input of a CLV trend.
 * Immutable and thread-safe.
 *
 * @param periodStart the first day of the period
 * @param total the sum of the customers' CLV measured in that period
 */
public record ClvPeriod(LocalDate periodStart, Money total) {

  /**
   * Checks that the parts are present.
   *
   * @throws NullPointerException if a part is null
   */
  public ClvPeriod {
    requireNonNull(periodStart, "periodStart");
    requireNonNull(total, "total");
  }
}
