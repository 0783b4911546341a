package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * States what one customer's purchase history amounts to, in the form the value models read:
 * repeat purchases {@code x}, recency {@code t_x}, age {@code T} and spend. Immutable and
 * thread-safe.
 *
 * <p>{@code frequency} counts the purchases after the first one (same-day purchases merged as the
 * summary policy says); {@code recency} is the time from the first to the last purchase (0 when
 * {@code frequency} is 0); {@code age} is the time from the first purchase to the end of the
 * observation; both in the table's {@link PeriodUnit}. {@code averageRepeatSpend} is the mean
 * amount of the repeat purchases (0 when there are none), {@code totalSpend} the sum of all
 * purchases including the first, in the log's currency as a statistic (a double).
 *
 * @param customer the customer's key, as in the transaction log
 * @param frequency the number of repeat purchases, {@code x ≥ 0}
 * @param recency the time from the first to the last purchase, {@code 0 ≤ t_x ≤ T}
 * @param age the time from the first purchase to the end of the observation, {@code T ≥ 0}
 * @param averageRepeatSpend the mean amount of the repeat purchases, ≥ 0
 * @param totalSpend the amount of all purchases, ≥ 0
 */
public record CustomerSummary(
    String customer, int frequency, double recency, double age, double averageRepeatSpend,
    double totalSpend) {

  /**
   * Checks the summary's invariants.
   *
   * @throws io.rapport.crm.kernel.InvalidValueException when any invariant is broken, with every
   *     violation ({@code value.summary.*})
   */
  public CustomerSummary {
    requireNonNull(customer, "customer");
    Seq<Violation> problems = problems(customer, frequency, recency, age, averageRepeatSpend,
        totalSpend, "");
    if (!problems.isEmpty()) {
      throw new io.rapport.crm.kernel.InvalidValueException(problems);
    }
  }

  /**
   * Returns the time from the last purchase to the end of the observation, {@code T − t_x}.
   *
   * @return the time since the last purchase, in the table's unit
   */
  public double sinceLastPurchase() {
    return age - recency;
  }

  /**
   * Returns the number of purchases including the first, {@code x + 1}.
   *
   * @return the number of purchases
   */
  public int purchases() {
    return frequency + 1;
  }

  static Seq<Violation> problems(String customer, int frequency, double recency, double age,
      double averageRepeatSpend, double totalSpend, String prefix) {
    List<Violation> problems = List.empty();
    if (customer == null || customer.isBlank()) {
      problems = problems.append(Violation.of("value.summary.customer_blank", prefix + "customer",
          "the customer key must not be blank"));
    }
    if (frequency < 0) {
      problems = problems.append(Violation.of("value.summary.frequency_negative",
          prefix + "frequency", "frequency must be ≥ 0, was " + frequency));
    }
    if (!(age >= 0) || Double.isInfinite(age)) {
      problems = problems.append(Violation.of("value.summary.age_invalid", prefix + "age",
          "age must be a finite number ≥ 0, was " + age));
    }
    if (!(recency >= 0) || !(recency <= age)) {
      problems = problems.append(Violation.of("value.summary.recency_invalid", prefix + "recency",
          "recency must lie in [0, age], was " + recency + " with age " + age));
    }
    if (frequency == 0 && recency != 0) {
      problems = problems.append(Violation.of("value.summary.recency_without_repeat",
          prefix + "recency", "recency must be 0 when there is no repeat purchase"));
    }
    if (!(averageRepeatSpend >= 0) || Double.isInfinite(averageRepeatSpend)) {
      problems = problems.append(Violation.of("value.summary.spend_invalid",
          prefix + "averageRepeatSpend", "average repeat spend must be finite and ≥ 0"));
    }
    if (!(totalSpend >= 0) || Double.isInfinite(totalSpend)) {
      problems = problems.append(Violation.of("value.summary.spend_invalid", prefix + "totalSpend",
          "total spend must be finite and ≥ 0"));
    }
    return problems;
  }
}
