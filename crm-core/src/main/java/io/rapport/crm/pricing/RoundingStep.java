package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Records one rounding of a quote to the currency's minor unit: what was rounded (a line, or
 * the order), the exact amount, the rounded amount and the mode. Immutable and thread-safe.
 *
 * @param scope what was rounded: {@code line <lineId>} or {@code order}
 * @param exact the exact amount before rounding
 * @param rounded the amount rounded to the minor unit
 * @param mode the rounding mode used
 */
public record RoundingStep(String scope, BigDecimal exact, Money rounded, RoundingMode mode) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public RoundingStep {
    requireNonNull(scope, "scope");
    requireNonNull(exact, "exact");
    requireNonNull(rounded, "rounded");
    requireNonNull(mode, "mode");
  }

  /** Returns what rounding added: the rounded amount minus the exact one. */
  public BigDecimal error() {
    return rounded.amount().subtract(exact);
  }
}
