package io.rapport.crm.pricing;

import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.UnitPrice;
import java.math.BigDecimal;

/**
 * Compares unit prices and quantities across units exactly: a price per jin and a price per kg
 * are compared as prices per gram, by cross-multiplying, so no division ever rounds.
 */
final class PerUnit {

  private PerUnit() {}

  /**
   * Compares two unit prices of one currency whose units are convertible, as prices of the same
   * amount of goods: negative if {@code a} is cheaper.
   */
  static int compare(UnitPrice a, UnitPrice b) {
    if (a.unit() == b.unit()) {
      return a.amount().compareTo(b.amount());
    }
    // a per ua vs b per ub: a / size(ua) vs b / size(ub), cross-multiplied (sizes are positive)
    return a.amount().multiply(b.unit().sizeInBaseUnit())
        .compareTo(b.amount().multiply(a.unit().sizeInBaseUnit()));
  }

  /** Returns a quantity in its dimension's base unit (pieces or grams), exactly. */
  static BigDecimal inBase(Quantity quantity) {
    return quantity.amount().multiply(quantity.unit().sizeInBaseUnit());
  }

  /** Compares two quantities of convertible units by amount: negative if {@code a} is less. */
  static int compare(Quantity a, Quantity b) {
    if (a.unit() == b.unit()) {
      return a.amount().compareTo(b.amount());
    }
    return inBase(a).compareTo(inBase(b));
  }
}
