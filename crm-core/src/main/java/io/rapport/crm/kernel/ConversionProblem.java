package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Currency;

/**
 * Reports that an amount could not be converted because no rate between its currency and the
 * target currency (in either direction) applies on the day asked for. Immutable and thread-safe.
 *
 * @param from the currency of the amount
 * @param to the currency asked for
 * @param on the day a rate was needed
 */
public record ConversionProblem(Currency from, Currency to, LocalDate on) implements Problem {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ConversionProblem {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(on, "on");
  }

  /** Returns {@code rates.missing}. */
  @Override
  public String code() {
    return "rates.missing";
  }

  /** Names the pair and the day, such as "No EUR/CNY rate (nor CNY/EUR) applies on 2026-03-01". */
  @Override
  public String message() {
    return "No " + from.getCurrencyCode() + "/" + to.getCurrencyCode() + " rate (nor "
        + to.getCurrencyCode() + "/" + from.getCurrencyCode() + ") applies on " + on;
  }
}
