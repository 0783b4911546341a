package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.vavr.control.Option;
import java.time.LocalDate;

/**
 * States that the expected close date of an opportunity changed. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param previous the date before, or empty
 * @param next the date now, or empty
 */
public record OpportunityCloseDateChanged(EventStamp stamp, OpportunityId opportunityId,
    Option<LocalDate> previous, Option<LocalDate> next)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityCloseDateChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(previous, "previous");
    requireNonNull(next, "next");
    previous.forEach(value -> requireNonNull(value, "previous"));
    next.forEach(value -> requireNonNull(value, "next"));
  }
}
