package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.PipelineId;

/**
 * States that a pipeline was deactivated: no new opportunity may be opened in it. Immutable and
 * thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param pipelineId the pipeline
 */
public record PipelineDeactivated(EventStamp stamp, PipelineId pipelineId)
    implements PipelineEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PipelineDeactivated {
    requireNonNull(stamp, "stamp");
    requireNonNull(pipelineId, "pipelineId");
  }
}
