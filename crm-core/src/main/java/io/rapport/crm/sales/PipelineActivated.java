package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.PipelineId;

/**
 * States that a pipeline was activated again. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param pipelineId the pipeline
 */
public record PipelineActivated(EventStamp stamp, PipelineId pipelineId) implements PipelineEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PipelineActivated {
    requireNonNull(stamp, "stamp");
    requireNonNull(pipelineId, "pipelineId");
  }
}
