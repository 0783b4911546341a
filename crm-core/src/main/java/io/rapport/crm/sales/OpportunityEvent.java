package io.rapport.crm.sales;

import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TypedId;

/**
 * States a fact about an {@link Opportunity}: one event per accepted command. Events carry ids,
 * codes and amounts, never free text about people (names and next steps stay on the opportunity).
 */
public sealed interface OpportunityEvent extends StampedEvent
    permits OpportunityOpened, OpportunityStageChanged, OpportunityWon, OpportunityLost,
    OpportunityReopened, OpportunityAmountChanged, OpportunityLineItemsChanged,
    OpportunityCloseDateChanged, OpportunityProbabilityOverridden, OpportunityCategoryOverridden,
    OpportunityCompetitorsChanged, OpportunityNextStepChanged, OpportunityQuoteAttached,
    OpportunityReassigned, OpportunityRenamed, OpportunityTransferred {

  /** Returns the id of the opportunity the event happened to. */
  OpportunityId opportunityId();

  /** Returns the opportunity's id. */
  @Override
  default TypedId aggregateId() {
    return opportunityId();
  }
}
