package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.vavr.control.Option;

/**
 * States that the forecast category of an opportunity was set by hand, or given back to its stage.
 * Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param override the category set by hand, or empty when the override was cleared
 * @param category the category now
 */
public record OpportunityCategoryOverridden(EventStamp stamp, OpportunityId opportunityId,
    Option<ForecastCategory> override, ForecastCategory category)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityCategoryOverridden {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(override, "override");
    requireNonNull(category, "category");
    override.forEach(value -> requireNonNull(value, "override"));
  }
}
