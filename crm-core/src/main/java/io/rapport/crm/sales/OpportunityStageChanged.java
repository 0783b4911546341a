package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;

/**
 * States that an opportunity moved from one open stage to another. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param from the stage it left
 * @param to the stage it entered
 */
public record OpportunityStageChanged(EventStamp stamp, OpportunityId opportunityId, StageCode from,
    StageCode to)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityStageChanged {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
