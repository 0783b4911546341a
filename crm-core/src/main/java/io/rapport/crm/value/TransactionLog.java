package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;

/**
 * Holds purchase transactions in columns, compact enough for ten million rows: the customer key
 * dictionary-encoded to an int, the day as an int epoch day in the log's zone, the amount exact in
 * minor units of the log's one currency, and the quantity. Immutable and thread-safe.
 *
 * <p>A negative amount is a refund; how summaries treat refunds and zero amounts is a
 * {@link SummaryPolicy} decision, not the log's. Rows keep the order in which they were added;
 * customers are numbered in the order of their first row.
 */
public final class TransactionLog {

  private final Currency currency;
  private final ZoneId zone;
  private final String[] customerKeys;
  private final int[] customer;
  private final int[] day;
  private final long[] amount;
  private final long[] quantity;

  private TransactionLog(Currency currency, ZoneId zone, String[] customerKeys, int[] customer,
      int[] day, long[] amount, long[] quantity) {
    this.currency = currency;
    this.zone = zone;
    this.customerKeys = customerKeys;
    this.customer = customer;
    this.day = day;
    this.amount = amount;
    this.quantity = quantity;
  }

  /**
   * Starts an empty log in one currency, turning instants into days in the given zone.
   *
   * @param currency the currency of every amount
   * @param zone the zone in which an instant's day is taken
   * @return a builder
   */
  public static Builder builder(Currency currency, ZoneId zone) {
    return new Builder(requireNonNull(currency, "currency"), requireNonNull(zone, "zone"));
  }

  /**
   * Returns the currency of every amount.
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  /**
   * Returns the zone in which instants were turned into days.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the number of rows.
   *
   * @return the number of transactions
   */
  public int size() {
    return customer.length;
  }

  /**
   * Returns the number of distinct customers.
   *
   * @return the size of the customer dictionary
   */
  public int customerCount() {
    return customerKeys.length;
  }

  /**
   * Returns the key of the customer numbered {@code index} (in order of first appearance).
   *
   * @param index the customer's number, {@code 0 ≤ index < customerCount()}
   * @return the customer key
   */
  public String customerKey(int index) {
    return customerKeys[index];
  }

  /**
   * Returns the customer number of row {@code row}.
   *
   * @param row the row, {@code 0 ≤ row < size()}
   * @return the customer's number in the dictionary
   */
  public int customerIndex(int row) {
    return customer[row];
  }

  /**
   * Returns the customer key of row {@code row}.
   *
   * @param row the row
   * @return the customer key
   */
  public String customer(int row) {
    return customerKeys[customer[row]];
  }

  /**
   * Returns the day of row {@code row} as an epoch day.
   *
   * @param row the row
   * @return the epoch day, in the log's zone
   */
  public int epochDay(int row) {
    return day[row];
  }

  /**
   * Returns the day of row {@code row}.
   *
   * @param row the row
   * @return the date, in the log's zone
   */
  public LocalDate day(int row) {
    return LocalDate.ofEpochDay(day[row]);
  }

  /**
   * Returns the amount of row {@code row} in minor units of the log's currency.
   *
   * @param row the row
   * @return the amount in minor units; negative for a refund
   */
  public long amountMinor(int row) {
    return amount[row];
  }

  /**
   * Returns the amount of row {@code row}.
   *
   * @param row the row
   * @return the amount; negative for a refund
   */
  public Money amount(int row) {
    return Money.ofMinor(amount[row], currency);
  }

  /**
   * Returns the quantity of row {@code row}.
   *
   * @param row the row
   * @return the quantity, ≥ 0
   */
  public long quantity(int row) {
    return quantity[row];
  }

  /**
   * Returns each customer's purchase history, for lifecycle segments: one purchase per day on
   * which the customer has a row with an amount of zero or more (same-day purchases merged, as
   * in the summaries' default; a refund row is not a purchase). Customers come in the order of
   * their first row; a customer with refund rows only has an empty history.
   *
   * @return one history per customer
   */
  public io.vavr.collection.Seq<PurchaseHistory> histories() {
    int customers = customerKeys.length;
    int[] counts = new int[customers + 1];
    for (int row = 0; row < customer.length; row++) {
      if (amount[row] >= 0) {
        counts[customer[row] + 1]++;
      }
    }
    for (int c = 0; c < customers; c++) {
      counts[c + 1] += counts[c];
    }
    int[] days = new int[counts[customers]];
    int[] next = Arrays.copyOf(counts, customers);
    for (int row = 0; row < customer.length; row++) {
      if (amount[row] >= 0) {
        days[next[customer[row]]++] = day[row];
      }
    }
    PurchaseHistory[] histories = new PurchaseHistory[customers];
    for (int c = 0; c < customers; c++) {
      int from = counts[c];
      int to = counts[c + 1];
      Arrays.sort(days, from, to);
      List<LocalDate> distinct = List.empty();
      for (int k = to - 1; k >= from; k--) {
        if (k == to - 1 || days[k] != days[k + 1]) {
          distinct = distinct.prepend(LocalDate.ofEpochDay(days[k]));
        }
      }
      histories[c] = new PurchaseHistory(customerKeys[c], distinct);
    }
    return io.vavr.collection.Vector.of(histories);
  }

  int[] customerColumn() {
    return customer;
  }

  int[] dayColumn() {
    return day;
  }

  long[] amountColumn() {
    return amount;
  }

  String[] customerKeyColumn() {
    return customerKeys;
  }

  /**
   * Collects rows into a log; checks each row as it comes and refuses a bad one whole. Not
   * thread-safe.
   */
  public static final class Builder {
    private final Currency currency;
    private final ZoneId zone;
    private final HashMap<String, Integer> dictionary = new HashMap<>();
    private String[] keys = new String[16];
    private int[] customer = new int[16];
    private int[] day = new int[16];
    private long[] amount = new long[16];
    private long[] quantity = new long[16];
    private int size;

    private Builder(Currency currency, ZoneId zone) {
      this.currency = currency;
      this.zone = zone;
    }

    /**
     * Adds a transaction that happened at an instant; its day is taken in the log's zone.
     *
     * @param customerKey the customer's key, not blank
     * @param at when the transaction happened
     * @param amount the amount in the log's currency; negative for a refund
     * @param quantity the number of items, ≥ 0
     * @return this builder
     * @throws InvalidValueException with every violation of the row: {@code
     *     value.log.customer_blank}, {@code value.log.currency_mismatch}, {@code
     *     value.log.quantity_negative}, {@code value.log.missing} (a null part), {@code
     *     value.log.day_out_of_range}, {@code value.log.amount_out_of_range}
     */
    public Builder add(String customerKey, Instant at, Money amount, long quantity) {
      List<Violation> problems = List.empty();
      if (at == null) {
        problems = problems.append(missing("at"));
      }
      long minor = 0;
      if (amount == null) {
        problems = problems.append(missing("amount"));
      } else if (!amount.currency().equals(currency)) {
        problems = problems.append(Violation.of("value.log.currency_mismatch", field("amount"),
            "the amount is in " + amount.currency() + " but the log is in " + currency));
      } else {
        try {
          minor = amount.toMinorUnits();
        } catch (ArithmeticException tooLarge) {
          problems = problems.append(Violation.of("value.log.amount_out_of_range",
              field("amount"), "the amount " + amount + " does not fit in minor units"));
        }
      }
      long epochDay = at == null ? 0 : at.atZone(zone).toLocalDate().toEpochDay();
      return check(customerKey, epochDay, quantity, problems).append(customerKey, (int) epochDay,
          minor, quantity);
    }

    /**
     * Adds a transaction on a day with its amount already in minor units of the log's currency,
     * the fast path for importing files.
     *
     * @param customerKey the customer's key, not blank
     * @param date the day of the transaction
     * @param amountMinor the amount in minor units; negative for a refund
     * @param quantity the number of items, ≥ 0
     * @return this builder
     * @throws InvalidValueException with every violation of the row: {@code
     *     value.log.customer_blank}, {@code value.log.quantity_negative}, {@code value.log.missing},
     *     {@code value.log.day_out_of_range}
     */
    public Builder add(String customerKey, LocalDate date, long amountMinor, long quantity) {
      List<Violation> problems = date == null ? List.of(missing("date")) : List.empty();
      long epochDay = date == null ? 0 : date.toEpochDay();
      return check(customerKey, epochDay, quantity, problems).append(customerKey, (int) epochDay,
          amountMinor, quantity);
    }

    /**
     * Returns the number of a customer key in this log, adding the key if it is new: importers
     * look each key up once and then add rows with {@link #addRow(int, int, long, long)}.
     *
     * @param customerKey the customer's key, not blank
     * @return the customer's number, {@code 0 ≤ number < customers so far}
     * @throws InvalidValueException {@code value.log.customer_blank} when the key is blank
     */
    public int customerIndex(String customerKey) {
      if (customerKey == null || customerKey.isBlank()) {
        throw new InvalidValueException(List.of(Violation.of("value.log.customer_blank",
            "customer", "the customer key must not be blank")));
      }
      return index(customerKey);
    }

    /**
     * Adds a transaction of a customer numbered by {@link #customerIndex(String)}, on an epoch
     * day, with its amount in minor units: the fast path for importing large files.
     *
     * @param customerIndex the customer's number from {@link #customerIndex(String)}
     * @param epochDay the day of the transaction, as {@link LocalDate#toEpochDay()}
     * @param amountMinor the amount in minor units; negative for a refund
     * @param quantity the number of items, ≥ 0
     * @return this builder
     * @throws InvalidValueException with every violation of the row: {@code
     *     value.log.customer_unknown} (a number this builder did not give out), {@code
     *     value.log.quantity_negative}
     */
    public Builder addRow(int customerIndex, int epochDay, long amountMinor, long quantity) {
      if (customerIndex < 0 || customerIndex >= dictionary.size() || quantity < 0) {
        List<Violation> problems = List.empty();
        if (customerIndex < 0 || customerIndex >= dictionary.size()) {
          problems = problems.append(Violation.of("value.log.customer_unknown",
              field("customer"), "no customer has the number " + customerIndex));
        }
        if (quantity < 0) {
          problems = problems.append(Violation.of("value.log.quantity_negative",
              field("quantity"), "the quantity must be ≥ 0, was " + quantity));
        }
        throw new InvalidValueException(problems);
      }
      return appendRow(customerIndex, epochDay, amountMinor, quantity);
    }

    /**
     * Returns the number of rows added so far.
     *
     * @return the number of rows
     */
    public int size() {
      return size;
    }

    /**
     * Returns the log of the rows added so far.
     *
     * @return the log
     */
    public TransactionLog build() {
      return new TransactionLog(currency, zone, Arrays.copyOf(keys, dictionary.size()),
          Arrays.copyOf(customer, size), Arrays.copyOf(day, size), Arrays.copyOf(amount, size),
          Arrays.copyOf(quantity, size));
    }

    private Builder check(String customerKey, long epochDay, long quantity,
        List<Violation> found) {
      List<Violation> problems = found;
      if (customerKey == null || customerKey.isBlank()) {
        problems = problems.prepend(Violation.of("value.log.customer_blank", field("customer"),
            "the customer key must not be blank"));
      }
      if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
        problems = problems.append(Violation.of("value.log.day_out_of_range", field("at"),
            "the day lies too far from 1970 to be stored"));
      }
      if (quantity < 0) {
        problems = problems.append(Violation.of("value.log.quantity_negative",
            field("quantity"), "the quantity must be ≥ 0, was " + quantity));
      }
      if (!problems.isEmpty()) {
        throw new InvalidValueException(problems);
      }
      return this;
    }

    private Builder append(String customerKey, int epochDay, long minor, long items) {
      return appendRow(index(customerKey), epochDay, minor, items);
    }

    private int index(String customerKey) {
      Integer known = dictionary.get(customerKey);
      if (known != null) {
        return known;
      }
      int index = dictionary.size();
      if (index == keys.length) {
        keys = Arrays.copyOf(keys, index * 2);
      }
      keys[index] = customerKey;
      dictionary.put(customerKey, index);
      return index;
    }

    private Builder appendRow(int index, int epochDay, long minor, long items) {
      if (size == customer.length) {
        int capacity = size + (size >> 1) + 16;
        customer = Arrays.copyOf(customer, capacity);
        day = Arrays.copyOf(day, capacity);
        amount = Arrays.copyOf(amount, capacity);
        quantity = Arrays.copyOf(quantity, capacity);
      }
      customer[size] = index;
      day[size] = epochDay;
      amount[size] = minor;
      quantity[size] = items;
      size++;
      return this;
    }

    private String field(String name) {
      return "rows[" + size + "]." + name;
    }

    private Violation missing(String name) {
      return Violation.of("value.log.missing", field(name), name + " must be present");
    }
  }
}
