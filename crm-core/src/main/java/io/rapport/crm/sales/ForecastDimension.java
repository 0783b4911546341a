package io.rapport.crm.sales;

/** Names what a forecast may group its rows by; any combination may be chosen. */
public enum ForecastDimension {
  /** The forecast category of the deal. */
  CATEGORY,
  /** The employee who owns the deal. */
  OWNER,
  /** The team the deal belongs to; deals without a team form their own group. */
  TEAM,
  /**
   * The report period of the deal's date: the expected close date of an open deal, the closing
   * date of a closed one; open deals without an expected close date form their own group.
   */
  PERIOD
}
