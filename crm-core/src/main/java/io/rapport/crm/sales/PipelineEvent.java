package io.rapport.crm.sales;

import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TypedId;

/** States a fact about a {@link Pipeline}: one event per accepted command. */
public sealed interface PipelineEvent extends StampedEvent
    permits PipelineConfigured, PipelineReconfigured, PipelineDeactivated, PipelineActivated {

  /** Returns the id of the pipeline the event happened to. */
  PipelineId pipelineId();

  /** Returns the pipeline's id. */
  @Override
  default TypedId aggregateId() {
    return pipelineId();
  }
}
