package io.rapport.crm.value;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * States a rate as its count over its base, so a report can show both: for example 42 retained
 * customers of 60 active ones. Immutable and thread-safe.
 *
 * @param count the customers (or orders) counted, from 0 to base
 * @param base the customers (or orders) the rate is taken of, ≥ 1
 */
public record KpiRate(int count, int base) {

  /**
   * Checks the components.
   *
   * @throws InvalidValueException with every broken rule: {@code value.kpi.base_empty} (base),
   *     {@code value.kpi.count_out_of_range} (count)
   */
  public KpiRate {
    List<Violation> problems = List.empty();
    if (base < 1) {
      problems = problems.append(Violation.of("value.kpi.base_empty", "base",
          "A rate needs a base of at least 1, but got " + base));
    }
    if (count < 0 || count > Math.max(base, 0)) {
      problems = problems.append(Violation.of("value.kpi.count_out_of_range", "count",
          "A rate's count lies from 0 to its base " + base + ", but got " + count));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the rate as a fraction.
   *
   * @return {@code count / base}, in [0, 1]
   */
  public double value() {
    return (double) count / base;
  }

  /**
   * Returns the complementary rate over the same base, such as churn for retention.
   *
   * @return {@code (base − count) / base}
   */
  public KpiRate complement() {
    return new KpiRate(base - count, base);
  }
}
