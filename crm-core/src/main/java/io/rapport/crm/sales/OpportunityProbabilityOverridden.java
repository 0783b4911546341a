package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.vavr.control.Option;

/**
 * States that the probability of an opportunity was set by hand, or given back to its stage.
 * Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param override the probability set by hand, or empty when the override was cleared
 * @param probability the probability now
 */
public record OpportunityProbabilityOverridden(EventStamp stamp, OpportunityId opportunityId,
    Option<Percentage> override, Percentage probability)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityProbabilityOverridden {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(override, "override");
    requireNonNull(probability, "probability");
    override.forEach(value -> requireNonNull(value, "override"));
  }
}
