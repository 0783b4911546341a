package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;

/**
 * Configures one sales process, such as retail store sales or corporate gift orders: its ordered
 * stages, the transitions allowed between them with their guards, the reasons a deal may be lost,
 * and the rules for reopening closed deals. Immutable and thread-safe.
 *
 * <p>{@link #configure(PipelineId, PipelineDraft, EventStamp) configure} checks a
 * {@link PipelineDraft} and reports every problem at once, each with its field
 * ({@code stages[2].code}, {@code transitions[0].to}, {@code lostReasons[1].code} ...). The order
 * of {@link #stages()} is the order of the process: analytics (funnels, velocity) read it.
 *
 * @param id the pipeline's id
 * @param name the name shown to people, not blank, at most {@value #MAX_NAME} characters
 * @param stages the stages in order, codes unique: at least one open, exactly one won and at least
 *     one lost stage; the first open stage is where new opportunities start
 * @param transitions the allowed moves between stages, with their guards: between stages of the
 *     pipeline, never from a closed stage, each (from, to) pair once
 * @param lostReasons the reasons a deal may be lost, at least one, codes unique
 * @param reopenRules how closed deals may be reopened: at most one rule per closed kind, each into
 *     an open stage
 * @param active whether new opportunities may be opened in it
 * @param updatedAt when the configuration last changed
 */
public record Pipeline(PipelineId id, String name, Seq<Stage> stages,
    Seq<StageTransition> transitions, Seq<LostReason> lostReasons, Seq<ReopenRule> reopenRules,
    boolean active, Instant updatedAt) implements Aggregate<PipelineId> {

  /** The longest pipeline name, in characters. */
  public static final int MAX_NAME = 100;

  /**
   * Checks the components and the invariants between them.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws InvalidValueException with every broken rule: {@code pipeline.name.blank},
   *     {@code pipeline.name.too_long}, {@code pipeline.stage.duplicate},
   *     {@code pipeline.stages.open_missing}, {@code pipeline.stages.won_missing},
   *     {@code pipeline.stages.won_twice}, {@code pipeline.stages.lost_missing},
   *     {@code pipeline.stage.unknown} (a transition or reopen rule names a stage the pipeline
   *     lacks), {@code pipeline.transition.from_closed}, {@code pipeline.transition.duplicate},
   *     {@code pipeline.lost_reasons.empty}, {@code pipeline.lost_reason.duplicate},
   *     {@code pipeline.reopen.to_not_open}, {@code pipeline.reopen.duplicate}
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
    PipelineChecks checks = new PipelineChecks();
    int i = 0;
    for (Stage stage : stages) {
      checks.stage(stage.code(), stage.kind(), "stages[" + i++ + "]");
    }
    i = 0;
    for (StageTransition transition : transitions) {
      checks.transition(transition.from(), transition.to(), "transitions[" + i++ + "]");
    }
    i = 0;
    for (LostReason reason : lostReasons) {
      checks.lostReason(reason.code(), "lostReasons[" + i++ + "]");
    }
    i = 0;
    for (ReopenRule rule : reopenRules) {
      checks.reopen(rule.from(), rule.to(), "reopenRules[" + i++ + "]");
    }
    PipelineChecks.orThrow(checks.problems(name));
  }

  /**
   * Configures a new, active pipeline from a draft, reporting every problem at once: each stage,
   * transition, lost reason and reopen rule with its field, and the structure (see the canonical
   * constructor for the codes; a draft adds {@code stage.code.malformed},
   * {@code stage.kind.missing}, {@code stage.category.missing}, {@code lost_reason.code.malformed},
   * {@code reopen_rule.from.missing} and the rules of each part).
   *
   * @param id the new pipeline's id
   * @param draft what the caller asks for
   * @param stamp the event's id, time and actor
   * @return the pipeline with a {@link PipelineConfigured} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Pipeline>> configure(PipelineId id,
      PipelineDraft draft, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    return draft.validate(id, true, stamp.at())
        .map(pipeline -> Transition.of(pipeline, new PipelineConfigured(stamp, id)));
  }

  /**
   * Replaces the definition (name, stages, transitions, lost reasons, reopen rules) by a draft's,
   * with the same checks as {@link #configure}; the pipeline stays active or inactive. Existing
   * opportunities keep their stage codes: an opportunity whose stage was removed may move to any
   * open stage (see {@link Opportunity#moveTo}).
   *
   * @param draft the new definition
   * @param stamp the event's id, time and actor
   * @return the pipeline with a {@link PipelineReconfigured} event, or every violation, including
   *     {@code pipeline.out_of_order} (field {@code stamp}) when dated before the last change
   * @throws NullPointerException if an argument is null
   */
  public Validation<Seq<Violation>, Transition<Pipeline>> reconfigure(PipelineDraft draft,
      EventStamp stamp) {
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    Validation<Seq<Violation>, Pipeline> next = draft.validate(id, active, stamp.at());
    if (stamp.at().isBefore(updatedAt)) {
      Violation late = Violation.of("pipeline.out_of_order", "stamp",
          "A change cannot be dated before the pipeline's last change, at " + updatedAt);
      return Validation.invalid(next.isInvalid() ? next.getError().prepend(late) : List.of(late));
    }
    return next.map(pipeline -> Transition.of(pipeline, new PipelineReconfigured(stamp, id)));
  }

  /**
   * Deactivates the pipeline: no new opportunity may be opened in it; existing ones go on.
   *
   * @param stamp the event's id, time and actor
   * @return the pipeline with a {@link PipelineDeactivated} event, or
   *     {@code pipeline.already_inactive}, {@code pipeline.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<PipelineRejection, Transition<Pipeline>> deactivate(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    PipelineRejection.Reason refusal = !active ? PipelineRejection.Reason.ALREADY_INACTIVE
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : Either.right(Transition.of(
        new Pipeline(id, name, stages, transitions, lostReasons, reopenRules, false, stamp.at()),
        new PipelineDeactivated(stamp, id)));
  }

  /**
   * Activates the pipeline again.
   *
   * @param stamp the event's id, time and actor
   * @return the pipeline with a {@link PipelineActivated} event, or
   *     {@code pipeline.already_active}, {@code pipeline.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<PipelineRejection, Transition<Pipeline>> activate(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    PipelineRejection.Reason refusal = active ? PipelineRejection.Reason.ALREADY_ACTIVE
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : Either.right(Transition.of(
        new Pipeline(id, name, stages, transitions, lostReasons, reopenRules, true, stamp.at()),
        new PipelineActivated(stamp, id)));
  }

  // ---- queries ----

  /**
   * Finds a stage by its code.
   *
   * @param code the code
   * @return the stage, or empty if the pipeline has none with that code
   * @throws NullPointerException if code is null
   */
  public Option<Stage> stage(StageCode code) {
    requireNonNull(code, "code");
    for (Stage stage : stages) {
      if (stage.code().equals(code)) {
        return Option.some(stage);
      }
    }
    return Option.none();
  }

  /**
   * Returns the position of a stage in the process, 0 for the first.
   *
   * @param code the stage's code
   * @return the position, or empty if the pipeline has no such stage
   * @throws NullPointerException if code is null
   */
  public Option<Integer> position(StageCode code) {
    requireNonNull(code, "code");
    int i = 0;
    for (Stage stage : stages) {
      if (stage.code().equals(code)) {
        return Option.some(i);
      }
      i++;
    }
    return Option.none();
  }

  /** Returns the first open stage: where new opportunities start. */
  public Stage firstOpenStage() {
    return stages.find(Stage::isOpen).get();
  }

  /** Returns the one won stage. */
  public Stage wonStage() {
    return stages.find(stage -> stage.kind() == StageKind.WON).get();
  }

  /** Returns the lost stages, in order; at least one. */
  public Seq<Stage> lostStages() {
    return stages.filter(stage -> stage.kind() == StageKind.LOST);
  }

  /** Returns the open stages, in order; at least one. */
  public Seq<Stage> openStages() {
    return stages.filter(Stage::isOpen);
  }

  /**
   * Returns the transitions that start at a stage, in declaration order.
   *
   * @param from the stage
   * @return the transitions, none for an unknown or closed stage
   * @throws NullPointerException if from is null
   */
  public Seq<StageTransition> transitionsFrom(StageCode from) {
    requireNonNull(from, "from");
    return transitions.filter(transition -> transition.from().equals(from));
  }

  /**
   * Finds the transition between two stages.
   *
   * @param from the stage moved from
   * @param to the stage moved to
   * @return the transition, or empty if the move is not allowed
   * @throws NullPointerException if an argument is null
   */
  public Option<StageTransition> transition(StageCode from, StageCode to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    for (StageTransition transition : transitions) {
      if (transition.from().equals(from) && transition.to().equals(to)) {
        return Option.some(transition);
      }
    }
    return Option.none();
  }

  /**
   * Returns the stages a deal may move to from a stage, in declaration order of the transitions.
   *
   * @param from the stage
   * @return the next stages
   * @throws NullPointerException if from is null
   */
  public Seq<StageCode> nextStages(StageCode from) {
    return transitionsFrom(from).map(StageTransition::to);
  }

  /**
   * Returns every guard of every transition into a stage, without repeats: what a deal opened
   * directly in that stage must meet.
   *
   * @param to the stage
   * @return the guards, possibly none
   * @throws NullPointerException if to is null
   */
  public Seq<StageGuard> guardsInto(StageCode to) {
    requireNonNull(to, "to");
    return transitions.filter(transition -> transition.to().equals(to))
        .flatMap(StageTransition::guards).distinct();
  }

  /**
   * Finds a lost reason by its code.
   *
   * @param code the code, such as {@code price}
   * @return the lost reason, or empty
   * @throws NullPointerException if code is null
   */
  public Option<LostReason> lostReason(String code) {
    requireNonNull(code, "code");
    return lostReasons.find(reason -> reason.code().equals(code));
  }

  /**
   * Finds the reopen rule for deals closed as won or lost.
   *
   * @param kind {@link StageKind#WON} or {@link StageKind#LOST}
   * @return the rule, or empty when such deals cannot be reopened
   * @throws NullPointerException if kind is null
   */
  public Option<ReopenRule> reopenRule(StageKind kind) {
    requireNonNull(kind, "kind");
    return reopenRules.find(rule -> rule.from() == kind);
  }

  private PipelineRejection.Reason outOfOrder(EventStamp stamp) {
    return stamp.at().isBefore(updatedAt) ? PipelineRejection.Reason.OUT_OF_ORDER : null;
  }

  private Either<PipelineRejection, Transition<Pipeline>> refuse(PipelineRejection.Reason reason) {
    return Either.left(new PipelineRejection(reason, id, updatedAt));
  }
}
