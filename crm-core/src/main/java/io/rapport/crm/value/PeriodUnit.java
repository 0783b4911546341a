package io.rapport.crm.value;

/**
 * Names the time unit in which a summary states frequency windows, recency and age, and in which
 * a model's horizons are counted. Immutable and thread-safe.
 *
 * <p>The literature on the CDNOW data works in weeks; daily data works in days. A model fitted on
 * a summary in one unit answers in that unit.
 */
public enum PeriodUnit {
  /** One calendar day. */
  DAYS(1),
  /** Seven calendar days. */
  WEEKS(7);

  private final int days;

  PeriodUnit(int days) {
    this.days = days;
  }

  /**
   * Returns the number of days in one unit.
   *
   * @return 1 for days, 7 for weeks
   */
  public int days() {
    return days;
  }

  /**
   * Converts a number of days into this unit, exactly as a double.
   *
   * @param days a number of days
   * @return {@code days} divided by the length of this unit
   */
  public double fromDays(long days) {
    return (double) days / this.days;
  }
}
