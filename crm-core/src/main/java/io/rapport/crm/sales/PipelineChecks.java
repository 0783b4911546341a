package io.rapport.crm.sales;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of the pipeline and opportunity shapes: text rules shared by their constructors, and the
 * structure of a pipeline (unique stages, one won stage, transitions between known stages ...),
 * collected one stage, transition, lost reason and reopen rule at a time so that a draft can name
 * the entry it got each from. Mutable; one instance per check.
 */
final class PipelineChecks {

  /** A stable code: lower-case letters, digits, {@code - _ .}, starting with a letter or digit. */
  static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final java.util.List<StageCode> stageCodes = new ArrayList<>();
  private final java.util.List<StageKind> stageKinds = new ArrayList<>();
  private final java.util.List<String> stagePaths = new ArrayList<>();
  private final java.util.List<StageCode[]> transitions = new ArrayList<>();
  private final java.util.List<String> transitionPaths = new ArrayList<>();
  private final java.util.List<String> reasonCodes = new ArrayList<>();
  private final java.util.List<String> reasonPaths = new ArrayList<>();
  private final java.util.List<StageKind> reopenKinds = new ArrayList<>();
  private final java.util.List<StageCode> reopenTargets = new ArrayList<>();
  private final java.util.List<String> reopenPaths = new ArrayList<>();

  // ---- text and range rules ----

  /** Throws every violation found, if any. */
  static void orThrow(Seq<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }

  /**
   * Checks a required text: not blank once stripped ({@code prefix.blank}), at most {@code max}
   * characters ({@code prefix.too_long}).
   */
  static List<Violation> requiredText(String text, int max, String prefix, String field,
      String what) {
    if (text == null || text.isBlank()) {
      return List.of(Violation.of(prefix + ".blank", field, what + " must not be blank"));
    }
    if (text.length() > max) {
      return List.of(Violation.of(prefix + ".too_long", field,
          what + " has at most " + max + " characters, but got " + text.length()));
    }
    return List.empty();
  }

  /** Checks a stable code against {@link #CODE} ({@code prefix.malformed}). */
  static List<Violation> code(String code, String prefix, String field, String what) {
    if (code == null || !CODE.matcher(code).matches()) {
      return List.of(Violation.of(prefix + ".malformed", field, what + " is 1 to 64 lower-case"
          + " letters, digits, '-', '_' or '.', starting with a letter or digit; got "
          + (code == null ? "nothing" : quote(code))));
    }
    return List.empty();
  }

  /** Tells whether a percentage lies between 0 and 100 %, both included. */
  static boolean isProbability(Percentage percentage) {
    return !percentage.isNegative() && percentage.compareTo(Percentage.ONE_HUNDRED) <= 0;
  }

  /** Quotes an outside value for a message, shortening very long input. */
  static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }

  // ---- the structure of a pipeline ----

  /** Adds a stage; a null code or kind was malformed and is already reported. */
  PipelineChecks stage(StageCode code, StageKind kind, String path) {
    stageCodes.add(code);
    stageKinds.add(kind);
    stagePaths.add(path);
    return this;
  }

  /** Adds a transition; a null end was malformed and is already reported. */
  PipelineChecks transition(StageCode from, StageCode to, String path) {
    transitions.add(new StageCode[] {from, to});
    transitionPaths.add(path);
    return this;
  }

  /** Adds a lost reason; a null code was malformed and is already reported. */
  PipelineChecks lostReason(String code, String path) {
    reasonCodes.add(code);
    reasonPaths.add(path);
    return this;
  }

  /** Adds a reopen rule; a null part was malformed and is already reported. */
  PipelineChecks reopen(StageKind from, StageCode to, String path) {
    reopenKinds.add(from);
    reopenTargets.add(to);
    reopenPaths.add(path);
    return this;
  }

  /** Returns every structural problem of what was added, with a name. */
  List<Violation> problems(String name) {
    List<Violation> problems = requiredText(name, Pipeline.MAX_NAME, "pipeline.name", "name",
        "A pipeline's name");
    Map<StageCode, StageKind> kinds = new HashMap<>();
    int open = 0;
    int won = 0;
    int lost = 0;
    for (int i = 0; i < stageCodes.size(); i++) {
      StageCode code = stageCodes.get(i);
      StageKind kind = stageKinds.get(i);
      if (code != null && kinds.containsKey(code)) {
        problems = problems.append(Violation.of("pipeline.stage.duplicate",
            stagePaths.get(i) + ".code", "The stage code " + quote(code) + " is used twice"));
      } else if (code != null) {
        kinds.put(code, kind);
      }
      if (kind == StageKind.OPEN) {
        open++;
      } else if (kind == StageKind.WON && ++won == 2) {
        problems = problems.append(Violation.of("pipeline.stages.won_twice",
            stagePaths.get(i) + ".kind", "A pipeline has exactly one won stage"));
      } else if (kind == StageKind.LOST) {
        lost++;
      }
    }
    if (open == 0) {
      problems = problems.append(Violation.of("pipeline.stages.open_missing", "stages",
          "A pipeline needs at least one open stage"));
    }
    if (won == 0) {
      problems = problems.append(Violation.of("pipeline.stages.won_missing", "stages",
          "A pipeline needs exactly one won stage"));
    }
    if (lost == 0) {
      problems = problems.append(Violation.of("pipeline.stages.lost_missing", "stages",
          "A pipeline needs at least one lost stage"));
    }
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < transitions.size(); i++) {
      StageCode from = transitions.get(i)[0];
      StageCode to = transitions.get(i)[1];
      String path = transitionPaths.get(i);
      problems = problems.appendAll(known(kinds, from, path + ".from"))
          .appendAll(known(kinds, to, path + ".to"));
      StageKind fromKind = from == null ? null : kinds.get(from);
      if (fromKind != null && fromKind.isClosed()) {
        problems = problems.append(Violation.of("pipeline.transition.from_closed", path + ".from",
            "No transition starts at the " + fromKind.name().toLowerCase(java.util.Locale.ROOT)
                + " stage " + quote(from) + "; closed deals are reopened by a reopen rule"));
      }
      if (from != null && to != null && !pairs.add(from.value() + " " + to.value())) {
        problems = problems.append(Violation.of("pipeline.transition.duplicate", path,
            "The transition from " + quote(from) + " to " + quote(to) + " is declared twice"));
      }
    }
    if (reasonCodes.isEmpty()) {
      problems = problems.append(Violation.of("pipeline.lost_reasons.empty", "lostReasons",
          "A pipeline needs at least one lost reason"));
    }
    Set<String> reasons = new HashSet<>();
    for (int i = 0; i < reasonCodes.size(); i++) {
      String code = reasonCodes.get(i);
      if (code != null && !reasons.add(code)) {
        problems = problems.append(Violation.of("pipeline.lost_reason.duplicate",
            reasonPaths.get(i) + ".code", "The lost reason " + quote(code) + " is used twice"));
      }
    }
    Set<StageKind> reopened = new HashSet<>();
    for (int i = 0; i < reopenKinds.size(); i++) {
      StageCode to = reopenTargets.get(i);
      String path = reopenPaths.get(i);
      List<Violation> unknown = known(kinds, to, path + ".to");
      problems = problems.appendAll(unknown);
      if (unknown.isEmpty() && to != null && kinds.get(to) != StageKind.OPEN) {
        problems = problems.append(Violation.of("pipeline.reopen.to_not_open", path + ".to",
            "A reopened deal enters an open stage, not " + quote(to)));
      }
      StageKind from = reopenKinds.get(i);
      if (from != null && !reopened.add(from)) {
        problems = problems.append(Violation.of("pipeline.reopen.duplicate", path + ".from",
            "A pipeline has at most one reopen rule for " + from + " deals"));
      }
    }
    return problems;
  }

  private static List<Violation> known(Map<StageCode, StageKind> kinds, StageCode code,
      String field) {
    if (code == null || kinds.containsKey(code)) {
      return List.empty();
    }
    return List.of(Violation.of("pipeline.stage.unknown", field,
        "The pipeline has no stage " + quote(code)));
  }
}
