package io.rapport.crm.persistence.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.TicketId;
import io.vavr.collection.Seq;
import java.time.Instant;

/**
 * Reports what {@link ServiceDesk#closeResolved} did. Immutable and thread-safe.
 *
 * @param asOf the time of the run
 * @param closed the tickets closed
 * @param skipped the tickets that changed concurrently or were refused, left for the next run
 */
public record ClosingSweep(Instant asOf, Seq<TicketId> closed, Seq<TicketId> skipped) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public ClosingSweep {
    requireNonNull(asOf, "asOf");
    requireNonNull(closed, "closed");
    requireNonNull(skipped, "skipped");
    closed.forEach(value -> requireNonNull(value, "closed"));
    skipped.forEach(value -> requireNonNull(value, "skipped"));
  }
}
