package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Arrays;

/**
 * Scores every customer of a population on recency, frequency and monetary value, from 1 to a
 * number of bins (5 by default: quintiles), with cut-offs taken from the population itself.
 * Immutable and thread-safe.
 *
 * <p>Inputs, read from a {@link SummaryTable}: recency is the time since the last purchase,
 * {@code T − t_x} (a more recent purchase scores higher); frequency is the number of purchases,
 * {@code x + 1}; monetary is the <em>total</em> spend of all purchases, including the first
 * (a customer's whole value to date, rather than the average of the repeat purchases).
 *
 * <p>Rule: a value {@code v} in a population of {@code n} scores
 * {@code 1 + floor(bins × below(v) / n)}, where {@code below(v)} counts the customers with a
 * strictly worse value (for recency: a strictly longer time since the last purchase). Equal
 * values therefore always get the same score — the lowest score of their block, so a population
 * where most customers bought once does not lift one-time buyers to a high frequency score — and
 * the scores do not depend on the order of the rows. With distinct values, each score holds
 * {@code n / bins} customers (give or take one).
 */
public final class RfmScores {

  /** The number of bins unless stated: quintiles. */
  public static final int DEFAULT_BINS = 5;

  /** The largest number of bins accepted. */
  public static final int MAX_BINS = 100;

  private final int bins;
  private final String[] customers;
  private final byte[] recency;
  private final byte[] frequency;
  private final byte[] monetary;

  private RfmScores(int bins, String[] customers, byte[] recency, byte[] frequency,
      byte[] monetary) {
    this.bins = bins;
    this.customers = customers;
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
  }

  /**
   * Scores a population in quintiles.
   *
   * @param table the customers' summaries
   * @return the scores, row by row as in the table
   */
  public static RfmScores of(SummaryTable table) {
    return of(table, DEFAULT_BINS);
  }

  /**
   * Scores a population in a number of bins.
   *
   * @param table the customers' summaries
   * @param bins the number of bins, {@code 2 ≤ bins ≤ 100}
   * @return the scores, row by row as in the table
   * @throws InvalidValueException when {@code bins} is outside 2..100
   *     ({@code value.rfm.bins_invalid})
   */
  public static RfmScores of(SummaryTable table, int bins) {
    requireNonNull(table, "table");
    checkBins(bins);
    int n = table.size();
    double[] since = new double[n];
    double[] recencies = table.recencies();
    double[] ages = table.ages();
    double[] purchases = new double[n];
    int[] frequencies = table.frequencies();
    for (int i = 0; i < n; i++) {
      // larger is better for every column: negate the time since the last purchase
      since[i] = recencies[i] - ages[i];
      purchases[i] = frequencies[i];
    }
    String[] customers = new String[n];
    for (int i = 0; i < n; i++) {
      customers[i] = table.customer(i);
    }
    return new RfmScores(bins, customers, scores(since, bins), scores(purchases, bins),
        scores(table.totalSpends(), bins));
  }

  static void checkBins(int bins) {
    if (bins < 2 || bins > MAX_BINS) {
      throw new InvalidValueException(List.of(Violation.of("value.rfm.bins_invalid", "bins",
          "the number of bins must lie in 2.." + MAX_BINS + ", was " + bins)));
    }
  }

  /**
   * Scores values where larger is better; ties share the lowest score of their block. With
   * {@code k(s) = ceil((s − 1) n / bins)}, a value has {@code below(v) ≥ k(s)} exactly when it is
   * strictly greater than the {@code k(s)}-th smallest value, so score {@code s} needs only that
   * order statistic: {@code bins − 1} selections in expected linear time instead of a sort, then
   * at most {@code bins − 1} comparisons per row.
   */
  private static byte[] scores(double[] values, int bins) {
    int n = values.length;
    byte[] out = new byte[n];
    if (n == 0) {
      return out;
    }
    double[] work = Arrays.copyOf(values, n);
    double[] cutOffs = new double[bins - 1];
    int from = 0;
    for (int s = 2; s <= bins; s++) {
      int k = (int) (((long) (s - 1) * n + bins - 1) / bins); // 1-based rank
      select(work, from, n - 1, k - 1);
      cutOffs[s - 2] = work[k - 1];
      from = k - 1;
    }
    for (int i = 0; i < n; i++) {
      double v = values[i];
      int score = 1;
      while (score < bins && v > cutOffs[score - 1]) {
        score++;
      }
      out[i] = (byte) score;
    }
    return out;
  }

  /**
   * Moves the value of rank {@code k} (0-based) of {@code a[low..high]} to index {@code k}, with
   * no larger value before it and no smaller after it (Hoare's selection, median-of-three pivot).
   */
  static void select(double[] a, int low, int high, int k) {
    while (high > low) {
      int mid = (low + high) >>> 1;
      double x = a[low];
      double y = a[mid];
      double z = a[high];
      double pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
      int i = low;
      int j = high;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (pivot < a[j]) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        high = j;
      } else if (k >= i) {
        low = i;
      } else {
        return;
      }
    }
  }

  /**
   * Returns the number of bins, the highest possible score.
   *
   * @return the number of bins
   */
  public int bins() {
    return bins;
  }

  /**
   * Returns the number of customers scored.
   *
   * @return the number of rows
   */
  public int size() {
    return customers.length;
  }

  /**
   * Returns the customer key of row {@code i}.
   *
   * @param i the row, as in the table
   * @return the key
   */
  public String customer(int i) {
    return customers[i];
  }

  /**
   * Returns the recency score of row {@code i}.
   *
   * @param i the row
   * @return the score in 1..bins
   */
  public int recency(int i) {
    return recency[i];
  }

  /**
   * Returns the frequency score of row {@code i}.
   *
   * @param i the row
   * @return the score in 1..bins
   */
  public int frequency(int i) {
    return frequency[i];
  }

  /**
   * Returns the monetary score of row {@code i}.
   *
   * @param i the row
   * @return the score in 1..bins
   */
  public int monetary(int i) {
    return monetary[i];
  }

  /**
   * Returns row {@code i} as a record.
   *
   * @param i the row
   * @return the customer's scores
   */
  public RfmScore row(int i) {
    return new RfmScore(customers[i], recency[i], frequency[i], monetary[i]);
  }

  /**
   * Returns every row as a record, in the table's order.
   *
   * @return the scores
   */
  public Seq<RfmScore> rows() {
    return Vector.range(0, size()).map(this::row);
  }
}
