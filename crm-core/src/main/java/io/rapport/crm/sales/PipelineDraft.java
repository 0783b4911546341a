package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * Collects the definition of a pipeline as a configuration screen or file gives it: stage codes
 * as text, transitions between codes, lost reasons and reopen rules.
 * {@link Pipeline#configure} checks all of it at once and names each problem by its entry:
 * {@code stages[i]} in the order of {@link #stage} calls, {@code transitions[i]} in the order of
 * {@link #transition} and {@link #fromEachOpenStage} calls, {@code lostReasons[i]} and
 * {@code reopenRules[i]}. A builder: mutable and not thread-safe; use one per configuration.
 *
 * <pre>{@code
 * PipelineDraft draft = PipelineDraft.named("Retail store")
 *     .stage("new", "New enquiry", StageKind.OPEN, 5, ForecastCategory.PIPELINE)
 *     .stage("proposal", "Proposal", StageKind.OPEN, 50, ForecastCategory.BEST_CASE)
 *     .stage("won", "Won", StageKind.WON, 100, ForecastCategory.CLOSED)
 *     .stage("lost", "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED)
 *     .transition("new", "proposal", StageGuard.AMOUNT_REQUIRED, StageGuard.CLOSE_DATE_REQUIRED)
 *     .transition("proposal", "won", StageGuard.LINE_ITEMS_REQUIRED)
 *     .fromEachOpenStage("lost")
 *     .lostReason("price", "Price too high")
 *     .reopen(StageKind.LOST, Duration.ofDays(90), "new");
 * }</pre>
 */
public final class PipelineDraft {

  private final String name;
  private final java.util.List<StageEntry> stages = new ArrayList<>();
  private final java.util.List<TransitionEntry> transitions = new ArrayList<>();
  private final java.util.List<String[]> lostReasons = new ArrayList<>();
  private final java.util.List<ReopenEntry> reopenRules = new ArrayList<>();

  private PipelineDraft(String name) {
    this.name = name;
  }

  /**
   * Starts a draft.
   *
   * @param name the pipeline's name, possibly null (then reported as a violation)
   * @return the draft
   */
  public static PipelineDraft named(String name) {
    return new PipelineDraft(name);
  }

  /**
   * Adds a stage after the ones added so far.
   *
   * @param code the stage's code, possibly malformed (then reported)
   * @param stageName the name shown to people
   * @param kind open, won or lost
   * @param probabilityPercent the default chance of winning, in percent
   * @param category the default forecast category
   * @return this draft
   */
  public PipelineDraft stage(String code, String stageName, StageKind kind,
      int probabilityPercent, ForecastCategory category) {
    return stage(code, stageName, kind, Percentage.ofPercent(probabilityPercent), category);
  }

  /**
   * Adds a stage after the ones added so far, with an exact probability such as 12.5 %.
   *
   * @param code the stage's code, possibly malformed (then reported)
   * @param stageName the name shown to people
   * @param kind open, won or lost
   * @param probability the default chance of winning
   * @param category the default forecast category
   * @return this draft
   */
  public PipelineDraft stage(String code, String stageName, StageKind kind,
      Percentage probability, ForecastCategory category) {
    stages.add(new StageEntry(code, stageName, kind, probability, category));
    return this;
  }

  /**
   * Allows a move from one stage to another when every guard holds.
   *
   * @param from the code of the stage moved from
   * @param to the code of the stage moved to
   * @param guards the conditions to meet, possibly none
   * @return this draft
   * @throws NullPointerException if guards or a guard is null
   */
  public PipelineDraft transition(String from, String to, StageGuard... guards) {
    transitions.add(new TransitionEntry(from, to, guardList(guards), false));
    return this;
  }

  /**
   * Allows a move to a stage from every open stage of the pipeline (however the stages are
   * ordered in the draft) except the target itself and the stages that already have an explicit
   * {@link #transition} to it: typically "any open deal may be lost".
   *
   * @param to the code of the stage moved to
   * @param guards the conditions to meet, possibly none
   * @return this draft
   * @throws NullPointerException if guards or a guard is null
   */
  public PipelineDraft fromEachOpenStage(String to, StageGuard... guards) {
    transitions.add(new TransitionEntry(null, to, guardList(guards), true));
    return this;
  }

  /**
   * Adds a reason a deal may be lost.
   *
   * @param code the stable code, such as {@code no_budget}
   * @param label the text shown to people
   * @return this draft
   */
  public PipelineDraft lostReason(String code, String label) {
    lostReasons.add(new String[] {code, label});
    return this;
  }

  /**
   * Allows deals closed as won or lost to be reopened into an open stage.
   *
   * @param kind {@link StageKind#WON} or {@link StageKind#LOST}
   * @param within how long after closing, or null for any time
   * @param to the code of the open stage a reopened deal enters
   * @return this draft
   */
  public PipelineDraft reopen(StageKind kind, Duration within, String to) {
    reopenRules.add(new ReopenEntry(kind, within, to));
    return this;
  }

  /** Validates everything and builds the pipeline; every problem is reported at once. */
  Validation<Seq<Violation>, Pipeline> validate(PipelineId id, boolean active, Instant at) {
    List<Violation> problems = List.empty();
    PipelineChecks checks = new PipelineChecks();
    Vector<Stage> validStages = Vector.empty();
    for (int i = 0; i < stages.size(); i++) {
      StageEntry entry = stages.get(i);
      String path = "stages[" + i + "]";
      Validation<Seq<Violation>, StageCode> code = StageCode.validated(entry.code, path + ".code");
      String stageName = strip(entry.name);
      List<Violation> own = errors(code)
          .appendAll(Stage.problems(stageName, entry.kind, entry.probability, entry.category)
              .map(v -> v.under(path)));
      if (entry.kind == null) {
        own = own.append(Violation.of("stage.kind.missing", path + ".kind",
            "A stage is OPEN, WON or LOST"));
      }
      if (entry.category == null) {
        own = own.append(Violation.of("stage.category.missing", path + ".category",
            "A stage needs a forecast category"));
      }
      if (entry.probability == null) {
        own = own.append(Violation.of("stage.probability.missing", path + ".probability",
            "A stage needs a default probability"));
      }
      problems = problems.appendAll(own);
      checks.stage(code.getOrNull(), entry.kind, path);
      if (own.isEmpty()) {
        validStages = validStages.append(
            new Stage(code.get(), stageName, entry.kind, entry.probability, entry.category));
      }
    }
    Set<String> explicit = new HashSet<>();
    for (TransitionEntry entry : transitions) {
      if (!entry.fromEachOpen && entry.from != null && entry.to != null) {
        explicit.add(entry.from + " " + entry.to);
      }
    }
    Vector<StageTransition> validTransitions = Vector.empty();
    for (int i = 0; i < transitions.size(); i++) {
      TransitionEntry entry = transitions.get(i);
      String path = "transitions[" + i + "]";
      Validation<Seq<Violation>, StageCode> to = StageCode.validated(entry.to, path + ".to");
      problems = problems.appendAll(errors(to));
      if (entry.fromEachOpen) {
        boolean any = false;
        for (Stage stage : validStages) {
          if (stage.isOpen() && to.isValid() && !stage.code().equals(to.get())
              && !explicit.contains(stage.code() + " " + to.get())) {
            checks.transition(stage.code(), to.get(), path);
            validTransitions = validTransitions.append(
                new StageTransition(stage.code(), to.get(), entry.guards));
            any = true;
          }
        }
        if (!any) {
          checks.transition(null, to.getOrNull(), path);
        }
        continue;
      }
      Validation<Seq<Violation>, StageCode> from =
          StageCode.validated(entry.from, path + ".from");
      List<Violation> own = errors(from)
          .appendAll(StageTransition.problems(from.getOrNull(), to.getOrNull())
              .map(v -> v.under(path)));
      problems = problems.appendAll(own);
      checks.transition(from.getOrNull(), to.getOrNull(), path);
      if (own.isEmpty() && to.isValid()) {
        validTransitions = validTransitions.append(
            new StageTransition(from.get(), to.get(), entry.guards));
      }
    }
    Vector<LostReason> validReasons = Vector.empty();
    for (int i = 0; i < lostReasons.size(); i++) {
      String path = "lostReasons[" + i + "]";
      String code = lostReasons.get(i)[0];
      String label = strip(lostReasons.get(i)[1]);
      List<Violation> own = LostReason.problems(code, label).map(v -> v.under(path));
      problems = problems.appendAll(own);
      boolean codeValid = own.forAll(v -> !v.field().endsWith(".code"));
      checks.lostReason(codeValid ? code : null, path);
      if (own.isEmpty()) {
        validReasons = validReasons.append(new LostReason(code, label));
      }
    }
    Vector<ReopenRule> validRules = Vector.empty();
    for (int i = 0; i < reopenRules.size(); i++) {
      ReopenEntry entry = reopenRules.get(i);
      String path = "reopenRules[" + i + "]";
      Validation<Seq<Violation>, StageCode> to = StageCode.validated(entry.to, path + ".to");
      List<Violation> own = errors(to)
          .appendAll(ReopenRule.problems(entry.kind, entry.within).map(v -> v.under(path)));
      if (entry.kind == null) {
        own = own.append(Violation.of("reopen_rule.from.missing", path + ".from",
            "A reopen rule reopens WON or LOST deals"));
      }
      problems = problems.appendAll(own);
      checks.reopen(entry.kind == StageKind.OPEN ? null : entry.kind, to.getOrNull(), path);
      if (own.isEmpty()) {
        validRules = validRules.append(
            new ReopenRule(entry.kind, Option.of(entry.within), to.get()));
      }
    }
    String pipelineName = strip(name);
    problems = problems.appendAll(checks.problems(pipelineName)).distinct();
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    try {
      return Validation.valid(new Pipeline(id, pipelineName, validStages, validTransitions,
          validReasons, validRules, active, at));
    } catch (InvalidValueException invalid) {
      return Validation.invalid(invalid.violations());
    }
  }

  private static Seq<StageGuard> guardList(StageGuard... guards) {
    requireNonNull(guards, "guards");
    for (StageGuard guard : guards) {
      requireNonNull(guard, "guards element");
    }
    return List.of(guards);
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  private static List<Violation> errors(Validation<Seq<Violation>, ?> validation) {
    return validation.isInvalid() ? List.ofAll(validation.getError()) : List.empty();
  }

  private static final class StageEntry {
    final String code;
    final String name;
    final StageKind kind;
    final Percentage probability;
    final ForecastCategory category;

    StageEntry(String code, String name, StageKind kind, Percentage probability,
        ForecastCategory category) {
      this.code = code;
      this.name = name;
      this.kind = kind;
      this.probability = probability;
      this.category = category;
    }
  }

  private static final class TransitionEntry {
    final String from;
    final String to;
    final Seq<StageGuard> guards;
    final boolean fromEachOpen;

    TransitionEntry(String from, String to, Seq<StageGuard> guards, boolean fromEachOpen) {
      this.from = from;
      this.to = to;
      this.guards = guards;
      this.fromEachOpen = fromEachOpen;
    }
  }

  private static final class ReopenEntry {
    final StageKind kind;
    final Duration within;
    final String to;

    ReopenEntry(StageKind kind, Duration within, String to) {
      this.kind = kind;
      this.within = within;
      this.to = to;
    }
  }
}
