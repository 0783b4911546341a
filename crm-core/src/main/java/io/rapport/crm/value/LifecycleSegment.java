package io.rapport.crm.value;

/**
 * Names a customer's lifecycle segment on a given day. Immutable and thread-safe.
 *
 * <p>The constants are listed in the order of precedence {@link LifecycleSegments} applies when a
 * customer meets several definitions.
 */
public enum LifecycleSegment {
  /** No purchase on or before the day. */
  PROSPECT,
  /** No purchase within the "inactive" window (6 months by default). */
  INACTIVE,
  /** First purchase within the "new" window (6 months). */
  NEW,
  /** At least the minimum purchases (2) within the "active" window (12 months). */
  ACTIVE,
  /** None of the above: bought recently, but not often enough to be active, nor for the first time. */
  OCCASIONAL
}
