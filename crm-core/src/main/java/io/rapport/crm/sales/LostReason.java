package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * Names why deals are lost, as a pipeline configures it: {@code price}, {@code competitor},
 * {@code no_budget}. Immutable and thread-safe.
 *
 * @param code a stable code: lower-case letters, digits, {@code -}, {@code _} and {@code .}, 1 to
 *     64 characters, starting with a letter or digit
 * @param label the text shown to people, not blank, at most {@value #MAX_LABEL} characters
 */
public record LostReason(String code, String label) {

  /** The longest label, in characters. */
  public static final int MAX_LABEL = 200;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every broken rule: {@code lost_reason.code.malformed},
   *     {@code lost_reason.label.blank}, {@code lost_reason.label.too_long}
   */
  public LostReason {
    requireNonNull(code, "code");
    requireNonNull(label, "label");
    PipelineChecks.orThrow(problems(code, label));
  }

  /**
   * Returns a lost reason.
   *
   * @param code the stable code
   * @param label the text shown to people
   * @return the lost reason
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the code is malformed or the label blank or too long
   */
  public static LostReason of(String code, String label) {
    return new LostReason(code, label);
  }

  /** Returns the problems of a lost reason's parts, with fields relative to it. */
  static List<Violation> problems(String code, String label) {
    return PipelineChecks.code(code, "lost_reason.code", "code", "A lost reason's code")
        .appendAll(PipelineChecks.requiredText(label, MAX_LABEL, "lost_reason.label", "label",
            "A lost reason's label"));
  }
}
