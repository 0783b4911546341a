package io.rapport.crm.value;

/**
 * Answers the questions a fitted buy-till-you-die model answers about a customer with summary
 * {@code (x, t_x, T)}: is the customer still alive, and how many purchases will they make.
 * Implementations are immutable and thread-safe; all times are in the unit of the summary the
 * model was fitted on.
 *
 * <p>Implemented by the fitted BG/NBD, MBG/NBD and Pareto/NBD models; churn warnings and
 * model-based CLV read a model only through this interface.
 */
public interface PurchaseModel {

  /**
   * Returns the model's name as the literature writes it, such as {@code "BG/NBD"}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the probability that a customer with this history is still alive at {@code T}.
   *
   * @param frequency repeat purchases {@code x ≥ 0}
   * @param recency time of the last purchase {@code t_x}, {@code 0 ≤ t_x ≤ T}
   * @param age time since the first purchase {@code T}
   * @return a probability in [0, 1]
   */
  double probabilityAlive(int frequency, double recency, double age);

  /**
   * Returns the expected number of purchases in {@code (T, T + horizon]} of a customer with this
   * history (the conditional expectation).
   *
   * @param frequency repeat purchases {@code x ≥ 0}
   * @param recency time of the last purchase {@code t_x}
   * @param age time since the first purchase {@code T}
   * @param horizon the length of the forecast window, ≥ 0
   * @return the expected number of purchases, ≥ 0
   */
  double expectedPurchases(int frequency, double recency, double age, double horizon);

  /**
   * Returns the expected number of repeat purchases in {@code (0, t]} of a customer just acquired
   * (the unconditional expectation).
   *
   * @param t the length of the window, ≥ 0
   * @return the expected number of purchases, ≥ 0
   */
  double expectedPurchases(double t);

  /**
   * Writes the expected numbers of purchases in {@code (T, T + horizons[j]]} of a customer with
   * this history into {@code into[j]}, for every {@code j}: the conditional expectation at several
   * horizons at once, as model-based CLV needs it. The default asks
   * {@link #expectedPurchases(int, double, double, double)} once per horizon; models whose
   * formula shares work between horizons override it with a faster path giving the same numbers.
   *
   * @param frequency repeat purchases {@code x ≥ 0}
   * @param recency time of the last purchase {@code t_x}
   * @param age time since the first purchase {@code T}
   * @param horizons the lengths of the forecast windows, each ≥ 0
   * @param into receives the expectations; at least as long as {@code horizons}
   * @throws io.rapport.crm.kernel.InvalidValueException when {@code into} is shorter than
   *     {@code horizons} ({@code value.model.output_too_short}), or for the reasons the
   *     single-horizon method gives
   */
  default void expectedPurchases(int frequency, double recency, double age, double[] horizons,
      double[] into) {
    ModelChecks.output(horizons, into);
    for (int j = 0; j < horizons.length; j++) {
      into[j] = expectedPurchases(frequency, recency, age, horizons[j]);
    }
  }
}
