package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

/**
 * Tells how long deals stay in one stage: the finished stays (the deal moved on) and, apart, the
 * ongoing ones (the deal is still there, measured up to the report's instant). Immutable and
 * thread-safe.
 *
 * @param stage the stage
 * @param completed the stays that ended with a move to another stage
 * @param ongoing the stays still running at the report's instant
 */
public record DwellTime(StageCode stage, DwellStatistics completed, DwellStatistics ongoing) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public DwellTime {
    requireNonNull(stage, "stage");
    requireNonNull(completed, "completed");
    requireNonNull(ongoing, "ongoing");
  }
}
