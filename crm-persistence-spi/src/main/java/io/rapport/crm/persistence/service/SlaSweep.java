package io.rapport.crm.persistence.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.TicketId;
import io.vavr.collection.Seq;
import java.time.Instant;

/**
 * Reports what a review of many tickets' SLAs did ({@link ServiceDesk#reviewDue},
 * {@link ServiceDesk#reviewAll}). Immutable and thread-safe.
 *
 * @param asOf the time of the review
 * @param reviewed how many tickets were reviewed
 * @param changed how many of them changed (new due times, new alerts, escalations)
 * @param alerts how many warnings and breaches were raised for the first time
 * @param skipped the tickets that changed concurrently or were refused, left for the next run
 */
public record SlaSweep(Instant asOf, int reviewed, int changed, int alerts,
    Seq<TicketId> skipped) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SlaSweep {
    requireNonNull(asOf, "asOf");
    requireNonNull(skipped, "skipped");
  }
}
