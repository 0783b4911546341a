package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.value.SummaryPolicy.Refunds;
import io.rapport.crm.value.SummaryPolicy.SameDay;
import io.rapport.crm.value.SummaryPolicy.ZeroAmounts;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;

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
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    long maxMagnitude = 0;
    for (int r = 0; r < rows; r++) {
      int d = day[r];
      if (d <= last) {
        start[customer[r] + 1]++;
        minDay = Math.min(minDay, d);
        maxDay = Math.max(maxDay, d);
        long a = amount[r];
        maxMagnitude = Math.max(maxMagnitude, a == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(a));
      }
    }
    for (int c = 0; c < customers; c++) {
      start[c + 1] += start[c];
    }
    int kept = start[customers];
    Walk walk = new Walk(policy, end, log.currency(), customers);
    String[] keys = log.customerKeyColumn();

    int dayBits = kept == 0 ? 1 : 64 - Long.numberOfLeadingZeros((long) maxDay - minDay);
    int amountBits = 63 - Math.max(1, dayBits);
    if (amountBits >= 34 && maxMagnitude < (1L << (amountBits - 1))) {
      // One long per row: the day offset in the high bits, the biased amount in the low bits, so
      // a customer's rows sort by day with a plain primitive sort and the scatter touches one
      // array.
      long bias = 1L << (amountBits - 1);
      long mask = (1L << amountBits) - 1;
      int[] next = Arrays.copyOf(start, customers);
      long[] packed = new long[kept];
      for (int r = 0; r < rows; r++) {
        int d = day[r];
        if (d <= last) {
          packed[next[customer[r]]++] = ((long) (d - minDay) << amountBits) | (amount[r] + bias);
        }
      }
      next = null;
      int[] sliceDay = new int[16];
      long[] sliceAmount = new long[16];
      for (int c = 0; c < customers; c++) {
        int lo = start[c];
        int hi = start[c + 1];
        if (lo == hi) {
          continue;
        }
        int n = hi - lo;
        if (!isSorted(packed, lo, hi)) {
          Arrays.sort(packed, lo, hi);
        }
        if (sliceDay.length < n) {
          sliceDay = new int[Math.max(n, sliceDay.length * 2)];
          sliceAmount = new long[sliceDay.length];
        }
        for (int i = 0; i < n; i++) {
          long p = packed[lo + i];
          sliceDay[i] = (int) (p >>> amountBits) + minDay;
          sliceAmount[i] = (p & mask) - bias;
        }
        walk.customer(keys[c], sliceDay, sliceAmount, 0, n);
      }
    } else {
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
      long[] scratch = new long[16];
      long[] amounts = new long[16];
      for (int c = 0; c < customers; c++) {
        int lo = start[c];
        int hi = start[c + 1];
        if (lo == hi) {
          continue;
        }
        int n = hi - lo;
        if (!isSorted(groupedDay, lo, hi)) {
          if (scratch.length < n) {
            scratch = new long[Math.max(n, scratch.length * 2)];
            amounts = new long[scratch.length];
          }
          for (int i = 0; i < n; i++) {
            scratch[i] = ((long) groupedDay[lo + i] << 32) | i;
            amounts[i] = groupedAmount[lo + i];
          }
          Arrays.sort(scratch, 0, n);
          for (int i = 0; i < n; i++) {
            groupedDay[lo + i] = (int) (scratch[i] >> 32);
            groupedAmount[lo + i] = amounts[(int) scratch[i]];
          }
        }
        walk.customer(keys[c], groupedDay, groupedAmount, lo, hi);
      }
    }
    return walk.result();
  }

  private static boolean isSorted(int[] values, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      if (values[i] < values[i - 1]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSorted(long[] values, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      if (values[i] < values[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** Walks each customer's rows in day order and writes their summary columns. */
  private static final class Walk {
    private final SummaryPolicy policy;
    private final boolean merge;
    private final boolean netRefunds;
    private final boolean countZero;
    private final double unitDays;
    private final double scale;
    private final int end;
    private final String[] outCustomer;
    private final int[] outFrequency;
    private final double[] outRecency;
    private final double[] outAge;
    private final double[] outAverage;
    private final double[] outTotal;
    private final int[] outHoldoutCount;
    private final double[] outHoldoutSpend;
    private int out;

    Walk(SummaryPolicy policy, int end, Currency currency, int customers) {
      this.policy = policy;
      this.merge = policy.sameDay() == SameDay.MERGE;
      this.netRefunds = policy.refunds() == Refunds.NET_INTO_DAY;
      this.countZero = policy.zeroAmounts() == ZeroAmounts.COUNT;
      this.unitDays = policy.unit().days();
      this.scale = Math.pow(10, Math.max(0, currency.getDefaultFractionDigits()));
      this.end = end;
      outCustomer = new String[customers];
      outFrequency = new int[customers];
      outRecency = new double[customers];
      outAge = new double[customers];
      outAverage = new double[customers];
      outTotal = new double[customers];
      outHoldoutCount = new int[customers];
      outHoldoutSpend = new double[customers];
    }

    /** Summarises one customer whose rows {@code [lo, hi)} are sorted by day. */
    void customer(String key, int[] days, long[] amounts, int lo, int hi) {
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
        int d = days[i];
        long net = 0;
        int purchases = 0;
        boolean refunded = false;
        while (i < hi && days[i] == d) {
          long a = amounts[i];
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
        return;
      }
      int x = (int) Math.min(Integer.MAX_VALUE, count - 1);
      outCustomer[out] = key;
      outFrequency[out] = x;
      outRecency[out] = (lastDay - (long) firstDay) / unitDays;
      outAge[out] = (end - (long) firstDay) / unitDays;
      outAverage[out] = x == 0 ? 0 : Math.max(0, (total - firstSpend) / x / scale);
      outTotal[out] = total / scale;
      outHoldoutCount[out] = (int) Math.min(Integer.MAX_VALUE, holdoutCount);
      outHoldoutSpend[out] = holdoutSpend / scale;
      out++;
    }

    Computed result() {
      SummaryTable table = SummaryTable.ofTrustedColumns(policy.unit(),
          Arrays.copyOf(outCustomer, out), Arrays.copyOf(outFrequency, out),
          Arrays.copyOf(outRecency, out), Arrays.copyOf(outAge, out),
          Arrays.copyOf(outAverage, out), Arrays.copyOf(outTotal, out));
      return new Computed(table, Arrays.copyOf(outHoldoutCount, out),
          Arrays.copyOf(outHoldoutSpend, out));
    }
  }

  private static int clampDay(long epochDay) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, epochDay));
  }
}
