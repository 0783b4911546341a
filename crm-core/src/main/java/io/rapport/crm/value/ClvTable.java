package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Holds the model-based CLV of many customers in columns, in the order of the summary table it
 * was computed from: expected purchases over the horizon, expected spend per purchase and the
 * discounted CLV. Immutable and thread-safe.
 *
 * <p>Values are doubles (statistics); {@link #clvMoney(int, Currency, RoundingMode)} converts one
 * to {@link Money} at the currency's minor unit with the caller's rounding.
 */
public final class ClvTable {

  private final String[] customers;
  private final double[] expectedPurchases;
  private final double[] expectedSpend;
  private final double[] clv;

  ClvTable(String[] customers, double[] expectedPurchases, double[] expectedSpend,
      double[] clv) {
    this.customers = customers;
    this.expectedPurchases = expectedPurchases;
    this.expectedSpend = expectedSpend;
    this.clv = clv;
  }

  /**
   * Returns the number of customers.
   *
   * @return the number of rows
   */
  public int size() {
    return customers.length;
  }

  /**
   * Returns the customer key of row {@code i}.
   *
   * @param i the row, {@code 0 ≤ i < size()}
   * @return the key
   */
  public String customer(int i) {
    return customers[i];
  }

  /**
   * Returns the expected number of purchases of row {@code i} over the whole horizon
   * (undiscounted).
   *
   * @param i the row
   * @return the expected purchases, ≥ 0
   */
  public double expectedPurchases(int i) {
    return expectedPurchases[i];
  }

  /**
   * Returns the expected spend per purchase of row {@code i}, from the Gamma-Gamma model.
   *
   * @param i the row
   * @return the expected spend, ≥ 0
   */
  public double expectedSpend(int i) {
    return expectedSpend[i];
  }

  /**
   * Returns the discounted CLV of row {@code i}.
   *
   * @param i the row
   * @return the CLV, ≥ 0
   */
  public double clv(int i) {
    return clv[i];
  }

  /**
   * Returns every CLV, in row order.
   *
   * @return the CLVs
   */
  public Seq<Double> clvs() {
    return Vector.ofAll(clv);
  }

  /**
   * Converts the CLV of row {@code i} to money at the currency's minor unit.
   *
   * @param i the row
   * @param currency the currency of the spend the model was fitted on
   * @param rounding how to round to the minor unit
   * @return the CLV as money
   * @throws io.rapport.crm.kernel.InvalidValueException when the currency has no minor unit
   */
  public Money clvMoney(int i, Currency currency, RoundingMode rounding) {
    return toMoney(clv[i], currency, rounding);
  }

  static Money toMoney(double value, Currency currency, RoundingMode rounding) {
    requireNonNull(currency, "currency");
    requireNonNull(rounding, "rounding");
    int scale = Math.max(0, currency.getDefaultFractionDigits());
    return Money.of(BigDecimal.valueOf(value).setScale(scale, rounding), currency);
  }

  double[] clvColumn() {
    return clv;
  }

  String[] customerColumn() {
    return customers;
  }
}
