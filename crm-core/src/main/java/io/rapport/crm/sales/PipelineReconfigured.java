package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.PipelineId;

/**
 * States that a pipeline's definition (stages, transitions, lost reasons, reopen rules) was
 * replaced. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param pipelineId the pipeline
 */
public record PipelineReconfigured(EventStamp stamp, PipelineId pipelineId)
    implements PipelineEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PipelineReconfigured {
    requireNonNull(stamp, "stamp");
    requireNonNull(pipelineId, "pipelineId");
  }
}
