package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

/**
 * Names why deals are lost, as a pipeline configures it: {@code price}, {@code competitor},
 * {@code no_budget}. Immutable and thread-safe.
 *
 * @param code a stable code: lower-case letters, digits, {@code -}, {@code _} and {@code .}, 1 to 64
 *     characters
 * @param label the text shown to people, not blank
 */
public record LostReason(String code, String label) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public LostReason {
    requireNonNull(code, "code");
    requireNonNull(label, "label");
  }
}
