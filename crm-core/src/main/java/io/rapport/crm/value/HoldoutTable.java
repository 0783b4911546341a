package io.rapport.crm.value;

/**
 * Holds the result of a {@link CalibrationSplit}: the calibration summaries and, row by row, what
 * each customer did in the holdout. Immutable and thread-safe.
 */
public final class HoldoutTable {

  private final SummaryTable calibration;
  private final int[] holdoutPurchases;
  private final double[] holdoutSpend;
  private final double holdoutLength;

  HoldoutTable(SummaryTable calibration, int[] holdoutPurchases, double[] holdoutSpend,
      double holdoutLength) {
    this.calibration = calibration;
    this.holdoutPurchases = holdoutPurchases;
    this.holdoutSpend = holdoutSpend;
    this.holdoutLength = holdoutLength;
  }

  /**
   * Returns the summaries of the calibration period.
   *
   * @return the calibration table; its row {@code i} is this table's row {@code i}
   */
  public SummaryTable calibration() {
    return calibration;
  }

  /**
   * Returns the number of customers.
   *
   * @return the number of rows
   */
  public int size() {
    return holdoutPurchases.length;
  }

  /**
   * Returns the length of the holdout, in the calibration table's unit.
   *
   * @return the holdout length
   */
  public double holdoutLength() {
    return holdoutLength;
  }

  /**
   * Returns the purchases of row {@code i} in the holdout, counted under the split's policy.
   *
   * @param i the row, {@code 0 ≤ i < size()}
   * @return the number of purchases in the holdout
   */
  public int holdoutPurchases(int i) {
    return holdoutPurchases[i];
  }

  /**
   * Returns the spend of row {@code i} in the holdout.
   *
   * @param i the row
   * @return the spend, in the log's currency as a statistic
   */
  public double holdoutSpend(int i) {
    return holdoutSpend[i];
  }

  /**
   * Returns the purchases of every customer in the holdout.
   *
   * @return the sum of the holdout purchases
   */
  public long totalHoldoutPurchases() {
    long sum = 0;
    for (int count : holdoutPurchases) {
      sum += count;
    }
    return sum;
  }

  int[] holdoutPurchaseColumn() {
    return holdoutPurchases;
  }

  double[] holdoutSpendColumn() {
    return holdoutSpend;
  }
}
