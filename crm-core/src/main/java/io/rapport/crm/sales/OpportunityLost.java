package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;

/**
 * States that an opportunity was lost. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param from the stage it left
 * @param to the lost stage it entered
 * @param reason the code of the lost reason, such as {@code price}
 */
public record OpportunityLost(EventStamp stamp, OpportunityId opportunityId, StageCode from,
    StageCode to, String reason)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityLost {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(reason, "reason");
  }
}
