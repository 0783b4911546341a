package io.rapport.crm.loyalty;

/**
 * Says over which period qualifying activity counts towards a tier, and so when tiers are
 * evaluated: at the end of each calendar year, at each membership anniversary, or on the first day
 * of each month over the last N months. Dates are in the program's time zone. Immutable and
 * thread-safe.
 */
public sealed interface TierWindow permits TierWindow.CalendarYear, TierWindow.Anniversary,
    TierWindow.Rolling {

  /**
   * Counts activity from 1 January to 31 December; tiers are evaluated at the start of each
   * year. Immutable and thread-safe.
   */
  record CalendarYear() implements TierWindow {}

  /**
   * Counts activity over each membership year, starting at the day the member joined; tiers are
   * evaluated at each anniversary (29 February joins are evaluated on 28 February in other years).
   * Immutable and thread-safe.
   */
  record Anniversary() implements TierWindow {}

  /**
   * Counts activity over the last {@code months} months; tiers are evaluated at the start of each
   * month. Immutable and thread-safe.
   *
   * @param months the window's length, 1 to 120 (checked with the program)
   */
  record Rolling(int months) implements TierWindow {}
}
