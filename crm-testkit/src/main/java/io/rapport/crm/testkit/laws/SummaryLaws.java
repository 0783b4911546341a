package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.crm.value.CustomerSummary;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryPolicy.Refunds;
import io.rapport.crm.value.SummaryPolicy.SameDay;
import io.rapport.crm.value.SummaryPolicy.ZeroAmounts;
import io.rapport.crm.value.SummaryTable;
import io.rapport.crm.value.TransactionLog;
import io.rapport.crm.value.TransactionSummaries;
import io.rapport.crm.testkit.Theories;
import io.rapport.crm.testkit.generators.ValueGenerators;
import io.rapport.crm.testkit.generators.ValueGenerators.TransactionRow;
import io.vavr.collection.Seq;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.quicktheories.core.Gen;

/**
 * Checks the laws every transaction summary keeps, on {@link TransactionSummaries} or on a team's
 * own summariser (a SQL query, a Spark job, a cache) with generated rows
 * ({@link ValueGenerators#transactionRows()}): the summary does not depend on the order of the
 * transactions; the frequency is the number of purchase days less one under the merge rule;
 * {@code 0 ≤ recency ≤ age} with the age counted from the first purchase to the end of the
 * observation; the total spend is the sum of the amounts the policy keeps.
 *
 * <p>Each law runs {@link Theories#qt()} and throws an {@link AssertionError} with the smallest
 * falsifying example and the seed. Rows are put into a log with
 * {@link ValueGenerators#logOf(Iterable)}.
 */
public final class SummaryLaws {

  /** Summarises a log under a policy, as {@link TransactionSummaries#summarise} does. */
  @FunctionalInterface
  public interface Summariser {

    /**
     * Summarises a log.
     *
     * @param log the transactions
     * @param policy the policy
     * @return the summaries
     */
    SummaryTable summarise(TransactionLog log, SummaryPolicy policy);
  }

  /** The library's own summariser. */
  public static final Summariser STANDARD = TransactionSummaries::summarise;

  private SummaryLaws() {}

  /**
   * Checks every law on a summariser under a policy.
   *
   * @param rows the transactions
   * @param policy the policy
   * @param summariser the summariser under test
   * @throws AssertionError if a law fails
   */
  public static void all(Gen<Seq<TransactionRow>> rows, SummaryPolicy policy,
      Summariser summariser) {
    orderInvariant(rows, policy, summariser);
    frequencyIsPurchaseDaysLessOne(rows, policy, summariser);
    recencyWithinAge(rows, policy, summariser);
    totalSpendIsSumOfKeptAmounts(rows, policy, summariser);
  }

  /**
   * Checks that the summary of every customer is the same whatever the order of the rows (the
   * rows reversed, and rotated by a third).
   *
   * @param rows the transactions
   * @param policy the policy
   * @param summariser the summariser under test
   * @throws AssertionError if the order changes a summary
   */
  public static void orderInvariant(Gen<Seq<TransactionRow>> rows, SummaryPolicy policy,
      Summariser summariser) {
    check(rows, policy, summariser);
    Theories.qt().forAll(rows).checkAssert(given -> {
      Map<String, CustomerSummary> expected = byCustomer(summarise(summariser, given, policy));
      Seq<TransactionRow> rotated = given.isEmpty() ? given
          : given.drop(given.size() / 3).appendAll(given.take(given.size() / 3));
      assertThat(byCustomer(summarise(summariser, given.reverse(), policy)))
          .as("summaries of the reversed rows").isEqualTo(expected);
      assertThat(byCustomer(summarise(summariser, rotated, policy)))
          .as("summaries of the rotated rows").isEqualTo(expected);
    });
  }

  /**
   * Checks, under the policy with same-day purchases merged, that each customer's frequency is
   * the number of days with a purchase on or before the end, less one (the first purchase), and
   * that exactly the customers with such a day are summarised.
   *
   * @param rows the transactions
   * @param policy the policy; its same-day rule is replaced by {@link SameDay#MERGE}
   * @param summariser the summariser under test
   * @throws AssertionError if a frequency is not the number of merged days less one
   */
  public static void frequencyIsPurchaseDaysLessOne(Gen<Seq<TransactionRow>> rows,
      SummaryPolicy policy, Summariser summariser) {
    check(rows, policy, summariser);
    SummaryPolicy merged = policy.withSameDay(SameDay.MERGE);
    Theories.qt().forAll(rows).checkAssert(given -> {
      Map<String, TreeMap<LocalDate, Day>> days = keptDays(given, merged);
      Map<String, CustomerSummary> summaries = byCustomer(summarise(summariser, given, merged));
      assertThat(summaries.keySet()).as("customers with a purchase").isEqualTo(days.keySet());
      days.forEach((customer, kept) -> assertThat(summaries.get(customer).frequency())
          .as("frequency of %s with purchase days %s", customer, kept.keySet())
          .isEqualTo(kept.size() - 1));
    });
  }

  /**
   * Checks that {@code 0 ≤ recency ≤ age}, that recency is 0 without a repeat purchase, and that
   * the age is the time from the customer's first purchase day to the end of the observation
   * and the recency the time from it to the last purchase day, in the policy's unit.
   *
   * @param rows the transactions
   * @param policy the policy
   * @param summariser the summariser under test
   * @throws AssertionError if a recency or an age is wrong
   */
  public static void recencyWithinAge(Gen<Seq<TransactionRow>> rows, SummaryPolicy policy,
      Summariser summariser) {
    check(rows, policy, summariser);
    Theories.qt().forAll(rows).checkAssert(given -> {
      Map<String, TreeMap<LocalDate, Day>> days = keptDays(given, policy);
      double unit = policy.unit().days();
      for (CustomerSummary summary : summarise(summariser, given, policy).rows()) {
        assertThat(summary.recency()).as("recency of %s", summary).isBetween(0.0, summary.age());
        if (summary.frequency() == 0) {
          assertThat(summary.recency()).as("recency without a repeat purchase").isZero();
        }
        TreeMap<LocalDate, Day> kept = days.get(summary.customer());
        assertThat(kept).as("purchase days of %s", summary.customer()).isNotNull();
        assertThat(summary.age()).as("age of %s", summary).isCloseTo(
            ChronoUnit.DAYS.between(kept.firstKey(), policy.observationEnd()) / unit,
            within(1e-9));
        assertThat(summary.recency()).as("recency of %s", summary).isCloseTo(
            ChronoUnit.DAYS.between(kept.firstKey(), kept.lastKey()) / unit, within(1e-9));
      }
    });
  }

  /**
   * Checks that each customer's total spend is the sum of the amounts the policy keeps: the
   * purchases on or before the end, with refunds netted into their day (a day netting to zero or
   * less dropped) or left out, and zero amounts as the policy says.
   *
   * @param rows the transactions
   * @param policy the policy
   * @param summariser the summariser under test
   * @throws AssertionError if a total spend is not the sum of the kept amounts
   */
  public static void totalSpendIsSumOfKeptAmounts(Gen<Seq<TransactionRow>> rows,
      SummaryPolicy policy, Summariser summariser) {
    check(rows, policy, summariser);
    Theories.qt().forAll(rows).checkAssert(given -> {
      Map<String, TreeMap<LocalDate, Day>> days = keptDays(given, policy);
      for (CustomerSummary summary : summarise(summariser, given, policy).rows()) {
        long cents = days.getOrDefault(summary.customer(), new TreeMap<>()).values().stream()
            .mapToLong(day -> day.net).sum();
        assertThat(summary.totalSpend()).as("total spend of %s", summary.customer())
            .isCloseTo(cents / 100.0, within(1e-6));
      }
    });
  }

  /** One kept purchase day of the reference model: its net amount and its purchase rows. */
  private static final class Day {
    long net;
    int purchases;
    boolean refunded;
  }

  /**
   * Returns each customer's purchase days as the policy defines them: the reference model the
   * laws compare against, written for clarity, not speed.
   */
  private static Map<String, TreeMap<LocalDate, Day>> keptDays(Seq<TransactionRow> rows,
      SummaryPolicy policy) {
    Map<String, TreeMap<LocalDate, Day>> all = new HashMap<>();
    for (TransactionRow row : rows) {
      if (row.day().isAfter(policy.observationEnd())) {
        continue;
      }
      Day day = all.computeIfAbsent(row.customer(), c -> new TreeMap<>())
          .computeIfAbsent(row.day(), d -> new Day());
      boolean purchase = row.amountMinor() > 0
          || row.amountMinor() == 0 && policy.zeroAmounts() == ZeroAmounts.COUNT;
      if (purchase) {
        day.purchases++;
        day.net += row.amountMinor();
      } else if (row.amountMinor() < 0 && policy.refunds() == Refunds.NET_INTO_DAY) {
        day.refunded = true;
        day.net += row.amountMinor();
      }
    }
    Map<String, TreeMap<LocalDate, Day>> kept = new HashMap<>();
    all.forEach((customer, days) -> {
      days.values().removeIf(day -> day.purchases == 0 || day.refunded && day.net <= 0);
      if (!days.isEmpty()) {
        kept.put(customer, days);
      }
    });
    return kept;
  }

  private static SummaryTable summarise(Summariser summariser, Seq<TransactionRow> rows,
      SummaryPolicy policy) {
    SummaryTable table = summariser.summarise(ValueGenerators.logOf(rows), policy);
    assertThat(table).as("the summary table").isNotNull();
    return table;
  }

  private static Map<String, CustomerSummary> byCustomer(SummaryTable table) {
    Map<String, CustomerSummary> rows = new HashMap<>();
    for (CustomerSummary row : table.rows()) {
      assertThat(rows.put(row.customer(), row)).as("a second row of %s", row.customer())
          .isNull();
    }
    return rows;
  }

  private static void check(Gen<Seq<TransactionRow>> rows, SummaryPolicy policy,
      Summariser summariser) {
    requireNonNull(rows, "rows");
    requireNonNull(policy, "policy");
    requireNonNull(summariser, "summariser");
  }
}
