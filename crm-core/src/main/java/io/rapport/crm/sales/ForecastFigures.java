package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CurrencyMismatchException;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.util.Currency;

/**
 * Counts deals and adds up their amounts, plain and weighted by probability, in the report
 * currency. Each amount is the exact sum rounded once, half-even, to the minor unit. Immutable and
 * thread-safe.
 *
 * @param count how many deals
 * @param amount the sum of their amounts (a deal without an amount counts as zero)
 * @param weighted the sum of each amount times its deal's probability
 */
public record ForecastFigures(int count, Money amount, Money weighted) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the count is negative ({@code forecast.count.negative})
   * @throws CurrencyMismatchException if the amounts have different currencies
   */
  public ForecastFigures {
    requireNonNull(amount, "amount");
    requireNonNull(weighted, "weighted");
    if (count < 0) {
      throw new InvalidValueException(List.of(Violation.of("forecast.count.negative", "count",
          "A count is not negative, but got " + count)));
    }
    if (!amount.currency().equals(weighted.currency())) {
      throw new CurrencyMismatchException(amount.currency(), weighted.currency());
    }
  }

  /**
   * Returns no deals, in a currency.
   *
   * @param currency the report currency
   * @return zero deals and zero amounts
   * @throws NullPointerException if currency is null
   * @throws InvalidValueException if the currency has no minor unit
   */
  public static ForecastFigures zero(Currency currency) {
    Money zero = Money.zero(currency);
    return new ForecastFigures(0, zero, zero);
  }
}
