package io.rapport.crm.testkit.generators;

import static java.util.Objects.requireNonNull;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.value.CustomerSummary;
import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryPolicy.Refunds;
import io.rapport.crm.value.SummaryPolicy.SameDay;
import io.rapport.crm.value.SummaryPolicy.ZeroAmounts;
import io.rapport.crm.value.SummaryTable;
import io.rapport.crm.value.TransactionLog;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import org.quicktheories.core.Gen;

/**
 * Generates the inputs of customer value for property tests: transaction rows and logs (a few
 * customers, same-day purchases, refunds, zero amounts and rows after the observation end mixed
 * in), summary policies, customer summaries and summary tables. Every value is valid.
 *
 * <p>Rows fall on the {@value #DAYS} days from {@link #FIRST_DAY}; {@link #OBSERVATION_END} lies
 * before the last of them, so some rows are after the end of the observation.
 */
public final class ValueGenerators {

  /** The first day of generated rows. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
  /** The number of days generated rows spread over. */
  public static final int DAYS = 120;
  /** The observation end of generated policies: day 90 of the rows' span. */
  public static final LocalDate OBSERVATION_END = FIRST_DAY.plusDays(90);
  /** The currency of generated logs. */
  public static final Currency CURRENCY = Currency.getInstance("USD");

  private ValueGenerators() {}

  /**
   * Describes one generated transaction, before it goes into a log. Immutable and thread-safe.
   *
   * @param customer the customer's key
   * @param day the day of the transaction
   * @param amountMinor the amount in cents; negative for a refund
   * @param quantity the number of items
   */
  public record TransactionRow(String customer, LocalDate day, long amountMinor, long quantity) {

    /**
     * Checks that the parts are present.
     *
     * @throws NullPointerException when a part is null
     */
    public TransactionRow {
      requireNonNull(customer, "customer");
      requireNonNull(day, "day");
    }
  }

  /**
   * Generates one transaction of one of eight customers: mostly purchases of 0.01 to 500.00,
   * about one in ten a zero amount, one in eight a refund.
   *
   * @return the generator
   */
  public static Gen<TransactionRow> transactionRow() {
    return in -> {
      String customer = "cust-" + Draws.pick(in, 8);
      LocalDate day = FIRST_DAY.plusDays(Draws.pick(in, DAYS));
      int kind = Draws.pick(in, 100);
      long amount = kind < 10 ? 0 : Draws.pickLong(in, 50_000) + 1;
      if (kind >= 10 && kind < 22) {
        amount = -amount;
      }
      return new TransactionRow(customer, day, amount, amount > 0 ? Draws.pick(in, 5) + 1 : 0);
    };
  }

  /**
   * Generates up to 60 transactions in no particular order.
   *
   * @return the generator
   */
  public static Gen<Seq<TransactionRow>> transactionRows() {
    return lists().of(transactionRow()).ofSizeBetween(0, 60)
        .map(rows -> (Seq<TransactionRow>) Vector.ofAll(rows));
  }

  /**
   * Builds a log in {@link #CURRENCY} (UTC days) from rows, in their order.
   *
   * @param rows the rows
   * @return the log
   */
  public static TransactionLog logOf(Iterable<TransactionRow> rows) {
    requireNonNull(rows, "rows");
    TransactionLog.Builder builder = TransactionLog.builder(CURRENCY, ZoneOffset.UTC);
    for (TransactionRow row : rows) {
      builder.add(row.customer(), row.day(), row.amountMinor(), row.quantity());
    }
    return builder.build();
  }

  /**
   * Generates transaction logs of up to 60 rows.
   *
   * @return the generator
   */
  public static Gen<TransactionLog> transactionLogs() {
    return transactionRows().map(ValueGenerators::logOf);
  }

  /**
   * Generates every combination of unit and same-day, refund and zero-amount rules, observing
   * until {@link #OBSERVATION_END}.
   *
   * @return the generator
   */
  public static Gen<SummaryPolicy> summaryPolicies() {
    return in -> new SummaryPolicy(Draws.oneOf(in, PeriodUnit.values()), OBSERVATION_END,
        Draws.oneOf(in, SameDay.values()), Draws.oneOf(in, Refunds.values()),
        Draws.oneOf(in, ZeroAmounts.values()));
  }

  /**
   * Generates valid customer summaries, including customers with no repeat purchase, customers
   * whose last purchase is today and customers with hundreds of purchases.
   *
   * @return the generator
   */
  public static Gen<CustomerSummary> customerSummaries() {
    return in -> {
      String customer = "cust-" + Draws.pick(in, 1_000_000);
      double age = Draws.pick(in, 10_000) / 7.0;
      int frequency = Draws.chance(in, 40) ? 0 : Draws.pick(in, Draws.chance(in, 5) ? 500 : 20)
          + 1;
      double recency = frequency == 0 ? 0 : age * Draws.pick(in, 101) / 100.0;
      double average = frequency == 0 ? 0 : Draws.pick(in, 100_000) / 100.0;
      double total = average * frequency + Draws.pick(in, 100_000) / 100.0;
      return new CustomerSummary(customer, frequency, recency, age, average, total);
    };
  }

  /**
   * Generates tables of up to 200 summaries in one unit.
   *
   * @param unit the unit of the tables
   * @return the generator
   */
  public static Gen<SummaryTable> summaryTables(PeriodUnit unit) {
    requireNonNull(unit, "unit");
    return lists().of(customerSummaries()).ofSizeBetween(0, 200)
        .map(rows -> SummaryTable.of(unit, rows));
  }
}
