package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * Tells what an SLA policy may know of a ticket's customer: the loyalty tier and the segments the
 * host puts them in (from loyalty, from value segments or from customer tags). Immutable and
 * thread-safe.
 *
 * @param tier the tier's code, such as {@code gold}, or empty
 * @param segments the segments' codes, such as {@code vip}
 */
public record CustomerStanding(Option<String> tier, Set<String> segments) {

  /** A customer with no tier and no segment. */
  public static final CustomerStanding NONE = new CustomerStanding(Option.none(), HashSet.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or the tier is null
   * @throws InvalidValueException with every broken rule:
   *     {@code sla.standing.tier.blank} (field {@code tier}), {@code sla.standing.segment.blank}
   *     (field {@code segments})
   */
  public CustomerStanding {
    requireNonNull(tier, "tier");
    requireNonNull(segments, "segments");
    tier.forEach(value -> requireNonNull(value, "tier"));
    segments.forEach(value -> requireNonNull(value, "segments"));
    SlaChecks.orThrow(SlaChecks.noBlank(tier, "sla.standing.tier.blank", "tier", "A tier")
        .appendAll(SlaChecks.noBlank(segments, "sla.standing.segment.blank", "segments",
            "A segment")));
  }
}
