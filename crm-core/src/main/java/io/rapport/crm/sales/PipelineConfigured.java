package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.PipelineId;

/**
 * States that a pipeline was configured. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param pipelineId the pipeline
 */
public record PipelineConfigured(EventStamp stamp, PipelineId pipelineId) implements PipelineEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PipelineConfigured {
    requireNonNull(stamp, "stamp");
    requireNonNull(pipelineId, "pipelineId");
  }
}
