package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * States the customer equity of a customer base, the sum of its customers' CLVs, with how many
 * customers it covers. Immutable and thread-safe.
 *
 * <p>The sum is compensated (Neumaier), so it does not depend on more than rounding noise on the
 * order of the customers.
 *
 * @param value the sum of the CLVs, finite
 * @param customers the number of customers summed, ≥ 0
 */
public record CustomerEquity(double value, int customers) {

  /**
   * Checks the parts.
   *
   * @throws InvalidValueException when the value is not finite or the count negative
   *     ({@code value.equity.invalid})
   */
  public CustomerEquity {
    if (!Double.isFinite(value) || customers < 0) {
      throw new InvalidValueException(List.of(Violation.of("value.equity.invalid", "value",
          "equity must be finite over ≥ 0 customers, was " + value + " over " + customers)));
    }
  }

  /**
   * Sums the CLVs of a table.
   *
   * @param table the CLVs
   * @return the equity
   */
  public static CustomerEquity of(ClvTable table) {
    requireNonNull(table, "table");
    return new CustomerEquity(sum(table.clvColumn()), table.size());
  }

  /**
   * Returns the mean CLV per customer, 0 for an empty base.
   *
   * @return the mean CLV
   */
  public double average() {
    return customers == 0 ? 0 : value / customers;
  }

  /**
   * Converts the equity to money at the currency's minor unit.
   *
   * @param currency the currency of the CLVs
   * @param rounding how to round to the minor unit
   * @return the equity as money
   * @throws InvalidValueException when the currency has no minor unit
   */
  public Money toMoney(Currency currency, RoundingMode rounding) {
    return ClvTable.toMoney(value, currency, rounding);
  }

  static double sum(double[] values) {
    double sum = 0;
    double compensation = 0;
    for (double v : values) {
      double t = sum + v;
      if (Math.abs(sum) >= Math.abs(v)) {
        compensation += (sum - t) + v;
      } else {
        compensation += (v - t) + sum;
      }
      sum = t;
    }
    return sum + compensation;
  }
}
