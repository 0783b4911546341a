package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * Computes the customer lifetime value over a horizon from a fitted purchase model and a fitted
 * Gamma-Gamma spend model: for a customer with summary {@code (x, t_x, T, zbar)},
 * {@code CLV = Σ_{i=1..H} (E[X(T, T+iΔ)] − E[X(T, T+(i−1)Δ)]) · E[spend | x, zbar] · margin /
 * (1 + d)^i}, where {@code E[X(T, T+t)]} is the model's conditional expected purchases in the
 * next {@code t} units. Immutable and thread-safe (stateless).
 *
 * <p>Purchases in a period are valued at the end of that period. The model is asked for all
 * {@code H} horizons of a customer at once ({@link PurchaseModel#expectedPurchases(int, double,
 * double, double[], double[])}), which the BG/NBD and MBG/NBD answer with one shared series. The
 * expected purchases depend only on {@code (x, t_x, T)}, so a table asks the model once per
 * distinct such row (a primitive hash table of up to 65 536 distinct rows), which makes real
 * data sets, whose summaries repeat a lot, cheap; once the table is full and fewer than half the
 * rows so far were hits, the table is dropped and every further row is computed directly.
 */
public final class ModelClv {

  private ModelClv() {}

  /**
   * Computes the CLV of every customer of a table.
   *
   * @param table the summaries, in the unit the models were fitted in
   * @param model the fitted purchase model
   * @param spend the fitted spend model
   * @param options horizon, period length, discount rate and margin
   * @return the CLVs, in the table's row order
   * @throws InvalidValueException when the spend model has no finite expectation for a row
   *     ({@code value.gamma_gamma.mean_undefined}), or the purchase model answers a negative or
   *     non-finite expectation ({@code value.clv.model_not_finite}, field {@code rows[i]})
   */
  public static ClvTable compute(SummaryTable table, PurchaseModel model, GammaGamma spend,
      ClvOptions options) {
    return compute(table, model, spend, options, false);
  }

  /**
   * Computes the same table as {@link #compute(SummaryTable, PurchaseModel, GammaGamma,
   * ClvOptions)}, splitting the rows into blocks computed at the same time on the common
   * fork-join pool. Each row's answer depends on that row alone, so the result is identical to
   * the sequential one, whatever the number of threads; the model must be thread-safe, as
   * {@link PurchaseModel} requires.
   *
   * @param table the customers
   * @param model the fitted purchase model, in the table's unit
   * @param spend the fitted spend model
   * @param options the horizon, period length, discount rate and margin
   * @return the CLV table, in the table's row order
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.kernel.InvalidValueException as the sequential computation does
   */
  public static ClvTable computeParallel(SummaryTable table, PurchaseModel model,
      GammaGamma spend, ClvOptions options) {
    return compute(table, model, spend, options, true);
  }

  private static ClvTable compute(SummaryTable table, PurchaseModel model, GammaGamma spend,
      ClvOptions options, boolean parallel) {
    requireNonNull(table, "table");
    requireNonNull(model, "model");
    requireNonNull(spend, "spend");
    requireNonNull(options, "options");
    int size = table.size();
    double[] purchases = new double[size];
    double[] spendColumn = new double[size];
    double[] clv = new double[size];
    Block block = new Block(table, model, spend, options, purchases, spendColumn, clv);
    int blocks = (size + BLOCK - 1) / BLOCK;
    if (parallel && blocks > 1) {
      java.util.stream.IntStream.range(0, blocks).parallel()
          .forEach(b -> block.compute(b * BLOCK, Math.min(size, (b + 1) * BLOCK)));
    } else {
      block.compute(0, size);
    }
    String[] customers = new String[size];
    for (int i = 0; i < size; i++) {
      customers[i] = table.customer(i);
    }
    return new ClvTable(customers, purchases, spendColumn, clv);
  }

  /** Rows per block of a parallel computation. */
  private static final int BLOCK = 1 << 16;

  /** The computation of a range of rows into shared output columns (disjoint per range). */
  private static final class Block {
    private final SummaryTable table;
    private final PurchaseModel model;
    private final GammaGamma spend;
    private final ClvOptions options;
    private final double[] purchases;
    private final double[] spendColumn;
    private final double[] clv;

    Block(SummaryTable table, PurchaseModel model, GammaGamma spend, ClvOptions options,
        double[] purchases, double[] spendColumn, double[] clv) {
      this.table = table;
      this.model = model;
      this.spend = spend;
      this.options = options;
      this.purchases = purchases;
      this.spendColumn = spendColumn;
      this.clv = clv;
    }

    void compute(int from, int to) {
      int[] x = table.frequencies();
      double[] tx = table.recencies();
      double[] age = table.ages();
      double[] zbar = table.averageRepeatSpends();
      double[] factors = discountFactors(options);
      double[] horizons = horizons(options);
      double[] cumulative = new double[horizons.length];
      RowCache cache = new RowCache(to - from);
      double[] answer = new double[2];
      int hits = 0;
      for (int i = from; i < to; i++) {
        if (cache == null) {
          expectations(model, x[i], tx[i], age[i], horizons, factors, cumulative, answer, i);
        } else {
          int slot = cache.find(x[i], tx[i], age[i]);
          if (cache.filled(slot)) {
            cache.read(slot, answer);
            hits++;
          } else {
            expectations(model, x[i], tx[i], age[i], horizons, factors, cumulative, answer, i);
            if (!cache.write(slot, x[i], tx[i], age[i], answer) && hits < (i - from) / 2) {
              cache = null;
            }
          }
        }
        double perPurchase = spend.expectedAverageSpend(x[i], zbar[i]);
        purchases[i] = answer[1];
        spendColumn[i] = perPurchase;
        clv[i] = answer[0] * perPurchase * options.margin();
      }
    }
  }

  /**
   * Returns one customer's discounted expected purchases over the horizon,
   * {@code Σ_{i=1..H} (E[X(T, T+iΔ)] − E[X(T, T+(i−1)Δ)]) / (1 + d)^i}; the CLV is this times
   * the expected spend and the margin.
   *
   * @param model the fitted purchase model
   * @param x repeat purchases
   * @param tx recency
   * @param age age {@code T}
   * @param options horizon, period length and discount rate (the margin is not used)
   * @return the discounted expected purchases, ≥ 0
   * @throws InvalidValueException when the model answers a negative or non-finite expectation
   *     ({@code value.clv.model_not_finite})
   */
  public static double discountedPurchases(PurchaseModel model, int x, double tx, double age,
      ClvOptions options) {
    requireNonNull(model, "model");
    requireNonNull(options, "options");
    double[] answer = new double[2];
    double[] horizons = horizons(options);
    expectations(model, x, tx, age, horizons, discountFactors(options),
        new double[horizons.length], answer, 0);
    return answer[0];
  }

  /**
   * Returns one customer's CLV.
   *
   * @param model the fitted purchase model
   * @param spend the fitted spend model
   * @param customer the customer's summary
   * @param options horizon, period length, discount rate and margin
   * @return the CLV, ≥ 0
   * @throws InvalidValueException when the spend expectation is undefined
   *     ({@code value.gamma_gamma.mean_undefined}) or the model answers a negative or non-finite
   *     expectation ({@code value.clv.model_not_finite})
   */
  public static double clv(PurchaseModel model, GammaGamma spend, CustomerSummary customer,
      ClvOptions options) {
    requireNonNull(spend, "spend");
    requireNonNull(customer, "customer");
    return discountedPurchases(model, customer.frequency(), customer.recency(), customer.age(),
        options) * spend.expectedAverageSpend(customer.frequency(),
        customer.averageRepeatSpend()) * options.margin();
  }

  private static double[] discountFactors(ClvOptions options) {
    double[] factors = new double[options.periods() + 1];
    factors[0] = 1;
    double step = 1 / (1 + options.discountRate());
    for (int i = 1; i < factors.length; i++) {
      factors[i] = factors[i - 1] * step;
    }
    return factors;
  }

  private static double[] horizons(ClvOptions options) {
    double[] horizons = new double[options.periods()];
    for (int i = 1; i <= horizons.length; i++) {
      horizons[i - 1] = i * options.periodLength();
    }
    return horizons;
  }

  /**
   * Writes {discounted purchases, total purchases} into {@code answer}, asking the model for all
   * horizons at once ({@code cumulative} is scratch space as long as {@code horizons}).
   */
  private static void expectations(PurchaseModel model, int x, double tx, double age,
      double[] horizons, double[] factors, double[] cumulative, double[] answer, int row) {
    model.expectedPurchases(x, tx, age, horizons, cumulative);
    double previous = 0;
    double discounted = 0;
    for (int i = 1; i <= horizons.length; i++) {
      double value = cumulative[i - 1];
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new InvalidValueException(List.of(Violation.of("value.clv.model_not_finite",
            "rows[" + row + "]", model.name() + " answered " + value
                + " expected purchases for x = " + x + ", t_x = " + tx + ", T = " + age)));
      }
      discounted += Math.max(0, value - previous) * factors[i];
      previous = Math.max(previous, value);
    }
    answer[0] = discounted;
    answer[1] = previous;
  }

  /**
   * Open-addressing table from (x, t_x, T) to {discounted, total}, packed five longs a slot (one
   * or two cache lines per probe). It holds at most 2^16 rows, so it stays in cache; once full,
   * new rows are computed without being stored.
   */
  private static final class RowCache {
    private static final int STRIDE = 5;
    private static final int MAX_CAPACITY = 1 << 17;
    private final long[] slots;
    private final int mask;
    private final int limit;
    private int size;

    RowCache(int rows) {
      int capacity = Math.min(MAX_CAPACITY,
          Integer.highestOneBit(Math.max(16, rows) * 2 - 1) << 1);
      slots = new long[capacity * STRIDE];
      mask = capacity - 1;
      limit = capacity / 2;
    }

    /** Returns the slot holding the row, or the empty slot where it would go. */
    int find(int x, double tx, double age) {
      long a = Double.doubleToLongBits(tx);
      long b = Double.doubleToLongBits(age);
      long h = x * 0x9E3779B97F4A7C15L ^ a * 0xC2B2AE3D27D4EB4FL ^ b * 0x165667B19E3779F9L;
      int slot = (int) (h ^ (h >>> 31)) & mask;
      long key = x + 1L;
      while (true) {
        int at = slot * STRIDE;
        long stored = slots[at];
        if (stored == 0 || stored == key && slots[at + 1] == a && slots[at + 2] == b) {
          return slot;
        }
        slot = (slot + 1) & mask;
      }
    }

    boolean filled(int slot) {
      return slots[slot * STRIDE] != 0;
    }

    void read(int slot, double[] answer) {
      int at = slot * STRIDE;
      answer[0] = Double.longBitsToDouble(slots[at + 3]);
      answer[1] = Double.longBitsToDouble(slots[at + 4]);
    }

    /** Stores the row, or answers false when the table is full. */
    boolean write(int slot, int x, double tx, double age, double[] answer) {
      if (size >= limit) {
        return false;
      }
      int at = slot * STRIDE;
      slots[at] = x + 1L;
      slots[at + 1] = Double.doubleToLongBits(tx);
      slots[at + 2] = Double.doubleToLongBits(age);
      slots[at + 3] = Double.doubleToLongBits(answer[0]);
      slots[at + 4] = Double.doubleToLongBits(answer[1]);
      size++;
      return true;
    }
  }
}
