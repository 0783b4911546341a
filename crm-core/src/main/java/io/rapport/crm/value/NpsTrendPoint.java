package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Gives the NPS of one period of a trend. Immutable and thread-safe.
 *
 * @param periodStart the first day of the period (month or quarter) in the trend's zone
 * @param nps the NPS of the answers given in that period
 */
public record NpsTrendPoint(LocalDate periodStart, Nps nps) {

  /**
   * Checks that the parts are present.
   *
   * @throws NullPointerException if a part is null
   */
  public NpsTrendPoint {
    requireNonNull(periodStart, "periodStart");
    requireNonNull(nps, "nps");
  }
}
