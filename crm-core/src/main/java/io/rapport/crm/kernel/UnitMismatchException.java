package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when quantities or prices of different dimensions meet, such as converting pieces into
 * grams or pricing a weight with a per-piece price. Carries both units.
 */
public final class UnitMismatchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final QuantityUnit expected;
  private final QuantityUnit actual;

  /**
   * Creates the exception.
   *
   * @param expected the unit the operation needed a match for
   * @param actual the unit it was given
   */
  public UnitMismatchException(QuantityUnit expected, QuantityUnit actual) {
    super("Units of different dimensions: " + requireNonNull(expected, "expected").symbol()
        + " (" + expected.dimension() + ") and " + requireNonNull(actual, "actual").symbol()
        + " (" + actual.dimension() + ")");
    this.expected = expected;
    this.actual = actual;
  }

  /** Returns the unit the operation needed a match for. */
  public QuantityUnit expected() {
    return expected;
  }

  /** Returns the unit it was given. */
  public QuantityUnit actual() {
    return actual;
  }
}
