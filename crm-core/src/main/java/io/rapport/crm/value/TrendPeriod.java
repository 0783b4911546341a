package io.rapport.crm.value;

import java.time.LocalDate;

/**
 * Names the calendar period by which a survey trend groups answers, read in a time zone.
 * Immutable and thread-safe.
 */
public enum TrendPeriod {
  /** A calendar month. */
  MONTH,
  /** A calendar quarter: January to March, April to June, July to September, October to December. */
  QUARTER;

  /**
   * Returns the first day of the period holding a date.
   *
   * @param date a date
   * @return the first day of its month or quarter
   */
  public LocalDate startOf(LocalDate date) {
    if (this == MONTH) {
      return date.withDayOfMonth(1);
    }
    int firstMonth = (date.getMonthValue() - 1) / 3 * 3 + 1;
    return LocalDate.of(date.getYear(), firstMonth, 1);
  }
}
