package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import java.util.Currency;

/**
 * Thrown when an operation combines amounts of two different currencies, such as adding euros to
 * yuan. Rapport never converts currencies implicitly. Carries both currencies.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final Currency expected;
  private final Currency actual;

  /**
   * Creates the exception.
   *
   * @param expected the currency of the receiving amount
   * @param actual the currency of the other amount
   */
  public CurrencyMismatchException(Currency expected, Currency actual) {
    super("Currencies differ: " + requireNonNull(expected, "expected").getCurrencyCode()
        + " and " + requireNonNull(actual, "actual").getCurrencyCode());
    this.expected = expected;
    this.actual = actual;
  }

  /** Returns the currency of the amount the operation was called on. */
  public Currency expected() {
    return expected;
  }

  /** Returns the currency of the other amount. */
  public Currency actual() {
    return actual;
  }
}
