package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Validation;

/**
 * Holds the input of the discrete-time BG/BB model: how many customers share each pattern
 * {@code (x, t_x, n)} of repeat transactions {@code x}, the last transaction opportunity used
 * {@code t_x} and the number of opportunities {@code n}. Immutable and thread-safe.
 *
 * <p>Patterns are kept in the order given; the same pattern may appear twice (its counts add up
 * in the likelihood).
 */
public final class PatternCounts {

  /**
   * States how many customers share one pattern. Immutable and thread-safe.
   *
   * @param frequency repeat transactions {@code x}, {@code 0 ≤ x ≤ t_x}
   * @param recency the opportunity of the last repeat transaction {@code t_x}, 0 when {@code x = 0}
   * @param periods the number of transaction opportunities {@code n ≥ 1}, {@code t_x ≤ n}
   * @param count the number of customers with this pattern, ≥ 1
   */
  public record Pattern(int frequency, int recency, int periods, long count) {

    /**
     * Checks the pattern's invariants.
     *
     * @throws InvalidValueException with every violation ({@code value.pattern.*})
     */
    public Pattern {
      Seq<Violation> problems = problems(frequency, recency, periods, count, "");
      if (!problems.isEmpty()) {
        throw new InvalidValueException(problems);
      }
    }
  }

  private final int[] frequency;
  private final int[] recency;
  private final int[] periods;
  private final long[] count;
  private final long customers;

  private PatternCounts(int[] frequency, int[] recency, int[] periods, long[] count) {
    this.frequency = frequency;
    this.recency = recency;
    this.periods = periods;
    this.count = count;
    long total = 0;
    for (long c : count) {
      total += c;
    }
    this.customers = total;
  }

  /**
   * Builds the counts from patterns, in their order.
   *
   * @param patterns the patterns, at least one
   * @return the counts
   * @throws InvalidValueException when there is no pattern ({@code value.pattern.empty})
   */
  public static PatternCounts of(Iterable<Pattern> patterns) {
    requireNonNull(patterns, "patterns");
    Vector<Pattern> all = Vector.ofAll(patterns);
    if (all.isEmpty()) {
      throw new InvalidValueException(List.of(Violation.of("value.pattern.empty", "patterns",
          "at least one pattern is needed")));
    }
    int size = all.size();
    int[] x = new int[size];
    int[] tx = new int[size];
    int[] n = new int[size];
    long[] c = new long[size];
    for (int i = 0; i < size; i++) {
      Pattern p = requireNonNull(all.get(i), "pattern");
      x[i] = p.frequency();
      tx[i] = p.recency();
      n[i] = p.periods();
      c[i] = p.count();
    }
    return new PatternCounts(x, tx, n, c);
  }

  /**
   * Checks raw rows {@code {x, t_x, n, count}} and builds the counts, reporting every broken row.
   *
   * @param rows the rows, each of four numbers
   * @return the counts, or every violation, fields named {@code rows[i].field}
   */
  public static Validation<Seq<Violation>, PatternCounts> validated(Iterable<long[]> rows) {
    requireNonNull(rows, "rows");
    Vector<long[]> all = Vector.ofAll(rows);
    List<Violation> problems = List.empty();
    if (all.isEmpty()) {
      problems = problems.append(Violation.of("value.pattern.empty", "rows",
          "at least one pattern is needed"));
    }
    List<Pattern> patterns = List.empty();
    for (int i = 0; i < all.size(); i++) {
      long[] row = all.get(i);
      String prefix = "rows[" + i + "].";
      if (row == null || row.length != 4) {
        problems = problems.append(Violation.of("value.pattern.shape", prefix + "row",
            "a row holds exactly x, t_x, n and count"));
        continue;
      }
      if (row[0] < 0 || row[0] > Integer.MAX_VALUE || row[1] < 0 || row[1] > Integer.MAX_VALUE
          || row[2] < 0 || row[2] > Integer.MAX_VALUE) {
        problems = problems.append(Violation.of("value.pattern.out_of_range", prefix + "row",
            "x, t_x and n must be non-negative ints"));
        continue;
      }
      Seq<Violation> rowProblems = problems((int) row[0], (int) row[1], (int) row[2], row[3],
          prefix);
      if (rowProblems.isEmpty()) {
        patterns = patterns.append(new Pattern((int) row[0], (int) row[1], (int) row[2],
            row[3]));
      } else {
        problems = problems.appendAll(rowProblems);
      }
    }
    return problems.isEmpty() ? Validation.valid(of(patterns)) : Validation.invalid(problems);
  }

  static Seq<Violation> problems(int x, int tx, int n, long count, String prefix) {
    List<Violation> problems = List.empty();
    if (n < 1) {
      problems = problems.append(Violation.of("value.pattern.periods_invalid", prefix + "periods",
          "the number of opportunities must be ≥ 1, was " + n));
    }
    if (x < 0) {
      problems = problems.append(Violation.of("value.pattern.frequency_invalid",
          prefix + "frequency", "x must be ≥ 0, was " + x));
    }
    if (tx < 0 || tx > n) {
      problems = problems.append(Violation.of("value.pattern.recency_invalid", prefix + "recency",
          "t_x must lie in [0, n], was " + tx + " with n " + n));
    }
    if (x > tx) {
      problems = problems.append(Violation.of("value.pattern.frequency_above_recency",
          prefix + "frequency", "x must not exceed t_x, was " + x + " > " + tx));
    }
    if ((x == 0) != (tx == 0)) {
      problems = problems.append(Violation.of("value.pattern.recency_mismatch",
          prefix + "recency", "t_x is 0 exactly when x is 0"));
    }
    if (count < 1) {
      problems = problems.append(Violation.of("value.pattern.count_invalid", prefix + "count",
          "the count must be ≥ 1, was " + count));
    }
    return problems;
  }

  /**
   * Returns the number of patterns (rows).
   *
   * @return the number of rows
   */
  public int size() {
    return count.length;
  }

  /**
   * Returns the number of customers, the sum of the counts.
   *
   * @return the number of customers
   */
  public long customers() {
    return customers;
  }

  /**
   * Returns row {@code i} as a pattern.
   *
   * @param i the row, {@code 0 ≤ i < size()}
   * @return the pattern
   */
  public Pattern pattern(int i) {
    return new Pattern(frequency[i], recency[i], periods[i], count[i]);
  }

  /**
   * Returns every row, in order.
   *
   * @return the patterns
   */
  public Seq<Pattern> patterns() {
    return Vector.range(0, size()).map(this::pattern);
  }

  int[] frequencies() {
    return frequency;
  }

  int[] recencies() {
    return recency;
  }

  int[] periodCounts() {
    return periods;
  }

  long[] counts() {
    return count;
  }
}
