package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.PipelineId;
import io.vavr.collection.Seq;
import java.time.Instant;

/**
 * Configures one sales process, such as retail store sales or corporate gift orders: its ordered
 * stages, the transitions allowed between them with their guards, the reasons a deal may be lost,
 * and the rules for reopening closed deals. Immutable and thread-safe.
 *
 * @param id the pipeline's id
 * @param name the name shown to people
 * @param stages the stages in order; the first open stage is where new opportunities start
 * @param transitions the allowed moves between stages, with their guards
 * @param lostReasons the reasons a deal may be lost
 * @param reopenRules how closed deals may be reopened
 * @param active whether new opportunities may be opened in it
 * @param updatedAt when the configuration last changed
 */
public record Pipeline(PipelineId id, String name, Seq<Stage> stages,
    Seq<StageTransition> transitions, Seq<LostReason> lostReasons, Seq<ReopenRule> reopenRules,
    boolean active, Instant updatedAt) implements Aggregate<PipelineId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public Pipeline {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(stages, "stages");
    requireNonNull(transitions, "transitions");
    requireNonNull(lostReasons, "lostReasons");
    requireNonNull(reopenRules, "reopenRules");
    requireNonNull(updatedAt, "updatedAt");
    stages.forEach(value -> requireNonNull(value, "stages element"));
    transitions.forEach(value -> requireNonNull(value, "transitions element"));
    lostReasons.forEach(value -> requireNonNull(value, "lostReasons element"));
    reopenRules.forEach(value -> requireNonNull(value, "reopenRules element"));
  }
}
