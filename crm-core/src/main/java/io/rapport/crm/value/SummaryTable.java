package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Arrays;

/**
 * Holds the summaries of many customers in columns, the form the value models fit on: one array
 * per field, so a million customers cost a few tens of megabytes and a scan touches only the
 * columns it reads. Immutable and thread-safe.
 *
 * <p>Every row satisfies the invariants of {@link CustomerSummary}; the builder refuses a row
 * that does not. Rows keep the order in which they were added.
 */
public final class SummaryTable {

  private final PeriodUnit unit;
  private final String[] customers;
  private final int[] frequency;
  private final double[] recency;
  private final double[] age;
  private final double[] averageRepeatSpend;
  private final double[] totalSpend;

  private SummaryTable(PeriodUnit unit, String[] customers, int[] frequency, double[] recency,
      double[] age, double[] averageRepeatSpend, double[] totalSpend) {
    this.unit = unit;
    this.customers = customers;
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.averageRepeatSpend = averageRepeatSpend;
    this.totalSpend = totalSpend;
  }

  /**
   * Builds a table from summaries, in their order.
   *
   * @param unit the unit of recency and age
   * @param rows the summaries
   * @return the table
   */
  public static SummaryTable of(PeriodUnit unit, Iterable<CustomerSummary> rows) {
    requireNonNull(rows, "rows");
    Builder builder = builder(unit);
    for (CustomerSummary row : rows) {
      builder.add(row);
    }
    return builder.build();
  }

  /**
   * Starts an empty table in the given unit.
   *
   * @param unit the unit of recency and age
   * @return a builder
   */
  public static Builder builder(PeriodUnit unit) {
    return new Builder(requireNonNull(unit, "unit"));
  }

  /**
   * Returns the unit of recency and age.
   *
   * @return the unit
   */
  public PeriodUnit unit() {
    return unit;
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
   * @return the customer key
   */
  public String customer(int i) {
    return customers[i];
  }

  /**
   * Returns the repeat purchases {@code x} of row {@code i}.
   *
   * @param i the row
   * @return the frequency
   */
  public int frequency(int i) {
    return frequency[i];
  }

  /**
   * Returns the recency {@code t_x} of row {@code i}.
   *
   * @param i the row
   * @return the recency, in {@link #unit()}
   */
  public double recency(int i) {
    return recency[i];
  }

  /**
   * Returns the age {@code T} of row {@code i}.
   *
   * @param i the row
   * @return the age, in {@link #unit()}
   */
  public double age(int i) {
    return age[i];
  }

  /**
   * Returns the mean repeat spend of row {@code i}.
   *
   * @param i the row
   * @return the mean repeat spend
   */
  public double averageRepeatSpend(int i) {
    return averageRepeatSpend[i];
  }

  /**
   * Returns the total spend of row {@code i}.
   *
   * @param i the row
   * @return the total spend
   */
  public double totalSpend(int i) {
    return totalSpend[i];
  }

  /**
   * Returns row {@code i} as a summary record.
   *
   * @param i the row
   * @return the summary
   */
  public CustomerSummary row(int i) {
    return new CustomerSummary(customers[i], frequency[i], recency[i], age[i],
        averageRepeatSpend[i], totalSpend[i]);
  }

  /**
   * Returns every row as a summary record, in order.
   *
   * @return the summaries
   */
  public Seq<CustomerSummary> rows() {
    return Vector.range(0, size()).map(this::row);
  }

  /**
   * Wraps columns computed by this package, which satisfy every row invariant by construction,
   * without copying or checking them again.
   */
  static SummaryTable ofTrustedColumns(PeriodUnit unit, String[] customers, int[] frequency,
      double[] recency, double[] age, double[] averageRepeatSpend, double[] totalSpend) {
    return new SummaryTable(unit, customers, frequency, recency, age, averageRepeatSpend,
        totalSpend);
  }

  /** Gives the models of this package the columns without copying. */
  int[] frequencies() {
    return frequency;
  }

  double[] recencies() {
    return recency;
  }

  double[] ages() {
    return age;
  }

  double[] averageRepeatSpends() {
    return averageRepeatSpend;
  }

  double[] totalSpends() {
    return totalSpend;
  }

  /**
   * Collects rows into a table; checks each row as it comes. Not thread-safe.
   */
  public static final class Builder {
    private final PeriodUnit unit;
    private String[] customers = new String[16];
    private int[] frequency = new int[16];
    private double[] recency = new double[16];
    private double[] age = new double[16];
    private double[] averageRepeatSpend = new double[16];
    private double[] totalSpend = new double[16];
    private int size;

    private Builder(PeriodUnit unit) {
      this.unit = unit;
    }

    /**
     * Adds a summary as the next row.
     *
     * @param row the summary
     * @return this builder
     */
    public Builder add(CustomerSummary row) {
      requireNonNull(row, "row");
      return add(row.customer(), row.frequency(), row.recency(), row.age(),
          row.averageRepeatSpend(), row.totalSpend());
    }

    /**
     * Adds a row from its fields, without creating a record.
     *
     * @param customer the customer key
     * @param x repeat purchases
     * @param tx recency
     * @param t age
     * @param averageRepeat mean repeat spend
     * @param total total spend
     * @return this builder
     * @throws InvalidValueException when the row breaks an invariant of {@link CustomerSummary};
     *     fields are named {@code rows[i].field}
     */
    public Builder add(String customer, int x, double tx, double t, double averageRepeat,
        double total) {
      Seq<Violation> problems = CustomerSummary.problems(customer, x, tx, t, averageRepeat, total,
          "rows[" + size + "].");
      if (!problems.isEmpty()) {
        throw new InvalidValueException(problems);
      }
      if (size == customers.length) {
        int capacity = size * 2;
        customers = Arrays.copyOf(customers, capacity);
        frequency = Arrays.copyOf(frequency, capacity);
        recency = Arrays.copyOf(recency, capacity);
        age = Arrays.copyOf(age, capacity);
        averageRepeatSpend = Arrays.copyOf(averageRepeatSpend, capacity);
        totalSpend = Arrays.copyOf(totalSpend, capacity);
      }
      customers[size] = customer;
      frequency[size] = x;
      recency[size] = tx;
      age[size] = t;
      averageRepeatSpend[size] = averageRepeat;
      totalSpend[size] = total;
      size++;
      return this;
    }

    /**
     * Returns the table of the rows added so far.
     *
     * @return the table
     */
    public SummaryTable build() {
      return new SummaryTable(unit, Arrays.copyOf(customers, size),
          Arrays.copyOf(frequency, size), Arrays.copyOf(recency, size), Arrays.copyOf(age, size),
          Arrays.copyOf(averageRepeatSpend, size), Arrays.copyOf(totalSpend, size));
    }
  }
}
