package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.value.SummaryPolicy.Refunds;
import io.rapport.crm.value.SummaryPolicy.SameDay;
import io.rapport.crm.value.SummaryPolicy.ZeroAmounts;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Turns a transaction log into per-customer summaries {@code (x, t_x, T, average repeat spend,
 * total spend)} under a {@link SummaryPolicy}. Immutable and thread-safe (it has no state).
 *
 * <p>Rows after the observation end are ignored; a customer with no purchase on or before it is
 * left out. The table lists customers in the order of their first row in the log. The work is two
 * counting passes over the log (group rows by customer) and a walk of each customer's days, with
 * primitive arrays only, so ten million rows take well under a second.
 */
public final class TransactionSummaries {

  private TransactionSummaries() {}

  /**
   * Summarises every customer of the log who bought on or before the observation end.
   *
   * @param log the transactions
   * @param policy the unit, the observation end and the same-day, refund and zero-amount rules
   * @return the summaries, in order of each customer's first row in the log
   */
  public static SummaryTable summarise(TransactionLog log, SummaryPolicy policy) {
    return compute(requireNonNull(log, "log"), requireNonNull(policy, "policy"),
        policy.observationEnd()).calibration;
  }

  /** What one pass over the log found: the calibration table and the holdout columns. */
  static final class Computed {
    final SummaryTable calibration;
    final int[] holdoutPurchases;
    final double[] holdoutSpend;

    Computed(SummaryTable calibration, int[] holdoutPurchases, double[] holdoutSpend) {
      this.calibration = calibration;
      this.holdoutPurchases = holdoutPurchases;
      this.holdoutSpend = holdoutSpend;
    }
  }

  /**
   * Summarises the days up to the policy's observation end and counts, for the same customers,
   * the purchases and spend in {@code (observation end, holdoutEnd]}.
   */
  static Computed compute(TransactionLog log, SummaryPolicy policy, LocalDate holdoutEnd) {
    int end = clampDay(policy.observationEnd().toEpochDay());
    int last = Math.max(end, clampDay(holdoutEnd.toEpochDay()));
    int[] customer = log.customerColumn();
    int[] day = log.dayColumn();
    long[] amount = log.amountColumn();
    int rows = customer.length;
    int customers = log.customerCount();

    int[] start = new int[customers + 1];
    for (int r = 0; r < rows; r++) {
      if (day[r] <= last) {
        start[customer[r] + 1]++;
      }
    }
    for (int c = 0; c < customers; c++) {
      start[c + 1] += start[c];
    }
    int kept = start[customers];
    int[] next = Arrays.copyOf(start, customers);
    int[] groupedDay = new int[kept];
    long[] groupedAmount = new long[kept];
    for (int r = 0; r < rows; r++) {
      int d = day[r];
      if (d <= last) {
        int at = next[customer[r]]++;
        groupedDay[at] = d;
        groupedAmount[at] = amount[r];
      }
    }
    next = null;

    boolean merge = policy.sameDay() == SameDay.MERGE;
    boolean netRefunds = policy.refunds() == Refunds.NET_INTO_DAY;
    boolean countZero = policy.zeroAmounts() == ZeroAmounts.COUNT;
    double unitDays = policy.unit().days();
    double scale = Math.pow(10, Math.max(0, log.currency().getDefaultFractionDigits()));

    String[] keys = log.customerKeyColumn();
    String[] outCustomer = new String[customers];
    int[] outFrequency = new int[customers];
    double[] outRecency = new double[customers];
    double[] outAge = new double[customers];
    double[] outAverage = new double[customers];
    double[] outTotal = new double[customers];
    int[] outHoldoutCount = new int[customers];
    double[] outHoldoutSpend = new double[customers];
    int out = 0;

    long[] scratch = new long[16];
    for (int c = 0; c < customers; c++) {
      int lo = start[c];
      int hi = start[c + 1];
      if (lo == hi) {
        continue;
      }
      int n = hi - lo;
      boolean sorted = true;
      for (int i = lo + 1; i < hi; i++) {
        if (groupedDay[i] < groupedDay[i - 1]) {
          sorted = false;
          break;
        }
      }
      if (!sorted) {
        if (scratch.length < n) {
          scratch = new long[Math.max(n, scratch.length * 2)];
        }
        for (int i = 0; i < n; i++) {
          scratch[i] = ((long) groupedDay[lo + i] << 32) | i;
        }
        Arrays.sort(scratch, 0, n);
        long[] amounts = Arrays.copyOfRange(groupedAmount, lo, hi);
        for (int i = 0; i < n; i++) {
          groupedDay[lo + i] = (int) (scratch[i] >> 32);
          groupedAmount[lo + i] = amounts[(int) scratch[i]];
        }
      }

      int firstDay = 0;
      boolean bought = false;
      double firstSpend = 0;
      int lastDay = 0;
      long count = 0;
      long total = 0;
      long holdoutCount = 0;
      long holdoutSpend = 0;
      int i = lo;
      while (i < hi) {
        int d = groupedDay[i];
        long net = 0;
        int purchases = 0;
        boolean refunded = false;
        while (i < hi && groupedDay[i] == d) {
          long a = groupedAmount[i];
          if (a > 0 || (a == 0 && countZero)) {
            purchases++;
            net += a;
          } else if (a < 0 && netRefunds) {
            refunded = true;
            net += a;
          }
          i++;
        }
        if (purchases == 0 || (refunded && net <= 0)) {
          continue;
        }
        int transactions = merge ? 1 : purchases;
        if (d <= end) {
          if (!bought) {
            bought = true;
            firstDay = d;
            firstSpend = merge ? net : (double) net / purchases;
          }
          lastDay = d;
          count += transactions;
          total += net;
        } else if (bought) {
          holdoutCount += transactions;
          holdoutSpend += net;
        }
      }
      if (!bought) {
        continue;
      }
      int x = (int) Math.min(Integer.MAX_VALUE, count - 1);
      outCustomer[out] = keys[c];
      outFrequency[out] = x;
      outRecency[out] = (lastDay - (long) firstDay) / unitDays;
      outAge[out] = (end - (long) firstDay) / unitDays;
      outAverage[out] = x == 0 ? 0 : Math.max(0, (total - firstSpend) / x / scale);
      outTotal[out] = total / scale;
      outHoldoutCount[out] = (int) Math.min(Integer.MAX_VALUE, holdoutCount);
      outHoldoutSpend[out] = holdoutSpend / scale;
      out++;
    }
    SummaryTable table = SummaryTable.ofTrustedColumns(policy.unit(),
        Arrays.copyOf(outCustomer, out), Arrays.copyOf(outFrequency, out),
        Arrays.copyOf(outRecency, out), Arrays.copyOf(outAge, out),
        Arrays.copyOf(outAverage, out), Arrays.copyOf(outTotal, out));
    return new Computed(table, Arrays.copyOf(outHoldoutCount, out),
        Arrays.copyOf(outHoldoutSpend, out));
  }

  private static int clampDay(long epochDay) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, epochDay));
  }
}
