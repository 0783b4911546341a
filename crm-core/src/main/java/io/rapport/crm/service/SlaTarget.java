package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import java.time.Duration;

/**
 * Sets one target of an SLA policy: how long the service team may take to give a first response,
 * a next response or a resolution, counted in the team calendar's working time or around the
 * clock. Immutable and thread-safe.
 *
 * @param kind what is measured
 * @param within the time allowed, positive
 * @param businessHours true to count only the working time of the team's calendar, false to count
 *     every hour
 */
public record SlaTarget(SlaTargetKind kind, Duration within, boolean businessHours) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if within is not positive
   *     ({@code sla.target.within.not_positive}) or above 365 days
   *     ({@code sla.target.within.too_long}); field {@code within}
   */
  public SlaTarget {
    requireNonNull(kind, "kind");
    requireNonNull(within, "within");
    SlaChecks.orThrow(SlaChecks.within(within, "within"));
  }
}
