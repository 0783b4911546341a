package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.Rejection;
import java.time.Instant;

/**
 * Refuses a command on a {@link Pipeline}. A refused command changes nothing. Immutable and
 * thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param pipeline the pipeline's id
 * @param lastChangedAt when the pipeline last changed; no command may be dated before it
 */
public record PipelineRejection(Reason reason, PipelineId pipeline, Instant lastChangedAt)
    implements Rejection {

  /** Names why a command on a pipeline was refused, each with its stable code. */
  public enum Reason {
    /** Activate on an active pipeline. */
    ALREADY_ACTIVE("pipeline.already_active"),
    /** Deactivate on an inactive pipeline. */
    ALREADY_INACTIVE("pipeline.already_inactive"),
    /** A command dated before the pipeline's last change. */
    OUT_OF_ORDER("pipeline.out_of_order");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code pipeline.already_active}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PipelineRejection {
    requireNonNull(reason, "reason");
    requireNonNull(pipeline, "pipeline");
    requireNonNull(lastChangedAt, "lastChangedAt");
  }

  /** Returns the reason's code, such as {@code pipeline.already_inactive}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Describes the refusal. */
  @Override
  public String message() {
    switch (reason) {
      case ALREADY_ACTIVE:
        return "The pipeline " + pipeline + " is already active";
      case ALREADY_INACTIVE:
        return "The pipeline " + pipeline + " is already inactive";
      default:
        return "A command on the pipeline " + pipeline
            + " cannot be dated before its last change, at " + lastChangedAt;
    }
  }
}
