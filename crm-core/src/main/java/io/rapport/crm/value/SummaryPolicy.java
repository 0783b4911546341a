package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * States how a transaction log becomes per-customer summaries: the time unit, the last day of the
 * observation (inclusive), and what to do with same-day purchases, refunds and zero amounts.
 * Immutable and thread-safe.
 *
 * <p>The defaults ({@link #of(PeriodUnit, LocalDate)}) follow the buy-till-you-die literature so
 * that the published CDNOW summaries come out: same-day purchases {@link SameDay#MERGE merged}
 * into one transaction (the models count purchase occasions, and a basket split over two
 * checkouts is one occasion); refunds {@link Refunds#NET_INTO_DAY netted into their day} (value
 * models should see what the customer kept, and a day refunded entirely was no purchase);
 * zero-amount rows {@link ZeroAmounts#COUNT counted} (the CDNOW summaries count them: a free or
 * fully discounted order is still a visit).
 *
 * @param unit the unit of recency and age
 * @param observationEnd the last day observed, inclusive; later rows are ignored
 * @param sameDay whether purchases on one day are one transaction
 * @param refunds what negative amounts do
 * @param zeroAmounts whether zero-amount rows count as purchases
 */
public record SummaryPolicy(PeriodUnit unit, LocalDate observationEnd, SameDay sameDay,
    Refunds refunds, ZeroAmounts zeroAmounts) {

  /** Says whether a customer's purchases on one day are one transaction or several. */
  public enum SameDay {
    /** All rows of a day are one transaction whose spend is their sum (the BTYD convention). */
    MERGE,
    /** Every row is its own transaction; recency and age still count whole days. */
    KEEP
  }

  /** Says what a row with a negative amount does. */
  public enum Refunds {
    /**
     * Subtracts the refund from that day's purchases; a day whose net spend becomes ≤ 0 is
     * dropped.
     */
    NET_INTO_DAY,
    /** Leaves refunds out altogether. */
    IGNORE
  }

  /** Says whether a row with a zero amount is a purchase. */
  public enum ZeroAmounts {
    /** Counts it as a purchase of nothing. */
    COUNT,
    /** Leaves it out. */
    DROP
  }

  /**
   * Checks that every part is present.
   *
   * @throws NullPointerException when a part is null
   */
  public SummaryPolicy {
    requireNonNull(unit, "unit");
    requireNonNull(observationEnd, "observationEnd");
    requireNonNull(sameDay, "sameDay");
    requireNonNull(refunds, "refunds");
    requireNonNull(zeroAmounts, "zeroAmounts");
  }

  /**
   * Returns the default policy: merge same-day purchases, net refunds into their day, count zero
   * amounts.
   *
   * @param unit the unit of recency and age
   * @param observationEnd the last day observed, inclusive
   * @return the policy
   */
  public static SummaryPolicy of(PeriodUnit unit, LocalDate observationEnd) {
    return new SummaryPolicy(unit, observationEnd, SameDay.MERGE, Refunds.NET_INTO_DAY,
        ZeroAmounts.COUNT);
  }

  /**
   * Returns this policy with another same-day rule.
   *
   * @param rule the rule
   * @return the changed policy
   */
  public SummaryPolicy withSameDay(SameDay rule) {
    return new SummaryPolicy(unit, observationEnd, rule, refunds, zeroAmounts);
  }

  /**
   * Returns this policy with another refund rule.
   *
   * @param rule the rule
   * @return the changed policy
   */
  public SummaryPolicy withRefunds(Refunds rule) {
    return new SummaryPolicy(unit, observationEnd, sameDay, rule, zeroAmounts);
  }

  /**
   * Returns this policy with another zero-amount rule.
   *
   * @param rule the rule
   * @return the changed policy
   */
  public SummaryPolicy withZeroAmounts(ZeroAmounts rule) {
    return new SummaryPolicy(unit, observationEnd, sameDay, refunds, rule);
  }

  /**
   * Returns this policy observing until another day.
   *
   * @param end the last day observed, inclusive
   * @return the changed policy
   */
  public SummaryPolicy withObservationEnd(LocalDate end) {
    return new SummaryPolicy(unit, end, sameDay, refunds, zeroAmounts);
  }
}
