package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PipelineId;
import io.vavr.control.Option;

/**
 * States that an opportunity was opened. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param customer the customer the deal is with
 * @param pipeline the pipeline it moves through
 * @param stage the stage it starts in
 * @param owner the employee who owns it
 * @param lead the lead it was converted from, or empty
 */
public record OpportunityOpened(EventStamp stamp, OpportunityId opportunityId, CustomerId customer,
    PipelineId pipeline, StageCode stage, EmployeeId owner, Option<LeadId> lead)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityOpened {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(customer, "customer");
    requireNonNull(pipeline, "pipeline");
    requireNonNull(stage, "stage");
    requireNonNull(owner, "owner");
    requireNonNull(lead, "lead");
    lead.forEach(value -> requireNonNull(value, "lead"));
  }
}
