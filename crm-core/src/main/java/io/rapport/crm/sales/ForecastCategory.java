package io.rapport.crm.sales;

/**
 * Names how a deal counts in a forecast, from least to most certain, as the sales team commits to
 * it: a stage gives a default, and an opportunity may override it.
 */
public enum ForecastCategory {
  /** Not counted in the forecast at all. */
  OMITTED,
  /** Open, early, counted only in the total pipeline. */
  PIPELINE,
  /** Open and likely: the best case if things go well. */
  BEST_CASE,
  /** Open and committed: the owner expects to close it in the period. */
  COMMIT,
  /** Closed and won. */
  CLOSED
}
