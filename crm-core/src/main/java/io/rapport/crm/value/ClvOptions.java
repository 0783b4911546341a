package io.rapport.crm.value;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * States how a model-based CLV is computed: over {@code periods} periods of {@code periodLength}
 * units of the model's time unit each, discounting each period's margin by
 * {@code (1 + discountRate)^i} and keeping {@code margin} of every unit of spend. Immutable and
 * thread-safe.
 *
 * <p>Twelve months on a weekly model, for example, is {@code periods = 12},
 * {@code periodLength = 365.25 / 12 / 7 ≈ 4.348} weeks, with the monthly discount rate.
 *
 * @param periods the number of periods {@code H ≥ 1}
 * @param periodLength the length of one period {@code Δ} in the model's unit, finite and &gt; 0
 * @param discountRate the discount rate per period {@code d}, finite and &gt; −1
 * @param margin the profit margin as a fraction of spend, in [0, 1]
 */
public record ClvOptions(int periods, double periodLength, double discountRate, double margin) {

  /**
   * Checks the options.
   *
   * @throws InvalidValueException with every violation ({@code value.clv.*})
   */
  public ClvOptions {
    Seq<Violation> problems = problems(periods, periodLength, discountRate, margin);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Checks the options and reports every violation instead of throwing.
   *
   * @param periods the number of periods
   * @param periodLength the length of one period in the model's unit
   * @param discountRate the discount rate per period
   * @param margin the margin as a fraction
   * @return the options, or every violation ({@code value.clv.*})
   */
  public static Validation<Seq<Violation>, ClvOptions> validated(int periods, double periodLength,
      double discountRate, double margin) {
    Seq<Violation> problems = problems(periods, periodLength, discountRate, margin);
    return problems.isEmpty()
        ? Validation.valid(new ClvOptions(periods, periodLength, discountRate, margin))
        : Validation.invalid(problems);
  }

  /**
   * Returns the same options with another margin.
   *
   * @param newMargin the margin, in [0, 1]
   * @return the options
   * @throws InvalidValueException when the margin is out of range ({@code value.clv.margin_invalid})
   */
  public ClvOptions withMargin(double newMargin) {
    return new ClvOptions(periods, periodLength, discountRate, newMargin);
  }

  /**
   * Returns the same options with another discount rate.
   *
   * @param newRate the discount rate per period, &gt; −1
   * @return the options
   * @throws InvalidValueException when the rate is out of range
   *     ({@code value.clv.discount_invalid})
   */
  public ClvOptions withDiscountRate(double newRate) {
    return new ClvOptions(periods, periodLength, newRate, margin);
  }

  private static Seq<Violation> problems(int periods, double periodLength, double discountRate,
      double margin) {
    List<Violation> problems = List.empty();
    if (periods < 1) {
      problems = problems.append(Violation.of("value.clv.periods_invalid", "periods",
          "the number of periods must be ≥ 1, was " + periods));
    }
    if (!(periodLength > 0) || Double.isInfinite(periodLength)) {
      problems = problems.append(Violation.of("value.clv.period_length_invalid", "periodLength",
          "the period length must be finite and > 0, was " + periodLength));
    }
    if (!(discountRate > -1) || Double.isInfinite(discountRate)) {
      problems = problems.append(Violation.of("value.clv.discount_invalid", "discountRate",
          "the discount rate must be finite and > −1, was " + discountRate));
    }
    if (!(margin >= 0) || !(margin <= 1)) {
      problems = problems.append(Violation.of("value.clv.margin_invalid", "margin",
          "the margin must lie in [0, 1], was " + margin));
    }
    return problems;
  }
}
