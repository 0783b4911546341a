package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Computes the textbook customer lifetime value with money arithmetic: the discounted cash flow
 * {@code CLV = Σ_{i=1..n} π_i / (1 + d)^i} of per-period margins received at the end of each
 * period, and the retention model {@code m·r / (1 + d − r)} (a margin {@code m} per period,
 * kept with probability {@code r} each period, forever). Immutable and thread-safe (stateless).
 *
 * <p>Every step is a {@link BigDecimal} with 34 significant digits
 * ({@link MathContext#DECIMAL128}); the result is rounded once, to the currency's minor unit, with
 * the caller's {@link RoundingMode}.
 */
public final class DiscountedCashFlow {

  private DiscountedCashFlow() {}

  /**
   * Returns the present value {@code Σ_{i=1..n} π_i / (1 + d)^i} of the margins.
   *
   * @param margins the margin of each period, in order, at least one, all in one currency
   * @param discountRate the discount rate per period {@code d > −1}
   * @param rounding how the result is rounded to the minor unit
   * @return the discounted CLV
   * @throws InvalidValueException with every violation: {@code value.dcf.margins_empty},
   *     {@code value.dcf.currency_mismatch}, {@code value.dcf.discount_invalid}
   */
  public static Money clv(Seq<Money> margins, BigDecimal discountRate, RoundingMode rounding) {
    requireNonNull(margins, "margins");
    requireNonNull(discountRate, "discountRate");
    requireNonNull(rounding, "rounding");
    List<Violation> problems = marginProblems(margins);
    if (discountRate.compareTo(BigDecimal.ONE.negate()) <= 0) {
      problems = problems.append(discountProblem(discountRate));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    BigDecimal factor = BigDecimal.ONE.add(discountRate);
    BigDecimal discount = BigDecimal.ONE;
    BigDecimal total = BigDecimal.ZERO;
    for (Money margin : margins) {
      discount = discount.multiply(factor, MathContext.DECIMAL128);
      total = total.add(margin.amount().divide(discount, MathContext.DECIMAL128));
    }
    Currency currency = margins.head().currency();
    return Money.of(total.setScale(scale(currency), rounding), currency);
  }

  /**
   * Returns the undiscounted sum of the margins, exactly.
   *
   * @param margins the margin of each period, at least one, all in one currency
   * @return the sum
   * @throws InvalidValueException with every violation: {@code value.dcf.margins_empty},
   *     {@code value.dcf.currency_mismatch}
   */
  public static Money undiscounted(Seq<Money> margins) {
    requireNonNull(margins, "margins");
    List<Violation> problems = marginProblems(margins);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    return Money.sum(margins.head().currency(), margins);
  }

  /**
   * Returns the retention-model CLV {@code m·r / (1 + d − r)}: the present value of a margin
   * {@code m} at the end of every period, kept each period with probability {@code r}.
   *
   * @param margin the margin per period
   * @param retentionRate the retention rate per period, {@code 0 ≤ r ≤ 1} and {@code r < 1 + d}
   * @param discountRate the discount rate per period, {@code d > −1}
   * @param rounding how the result is rounded to the minor unit
   * @return the CLV
   * @throws InvalidValueException with every violation: {@code value.dcf.discount_invalid},
   *     {@code value.dcf.retention_invalid} ({@code r} outside [0, 1] or not below {@code 1 + d},
   *     where the sum diverges)
   */
  public static Money retention(Money margin, BigDecimal retentionRate, BigDecimal discountRate,
      RoundingMode rounding) {
    requireNonNull(margin, "margin");
    requireNonNull(retentionRate, "retentionRate");
    requireNonNull(discountRate, "discountRate");
    requireNonNull(rounding, "rounding");
    List<Violation> problems = List.empty();
    BigDecimal factor = BigDecimal.ONE.add(discountRate);
    if (factor.signum() <= 0) {
      problems = problems.append(discountProblem(discountRate));
    }
    if (retentionRate.signum() < 0 || retentionRate.compareTo(BigDecimal.ONE) > 0
        || retentionRate.compareTo(factor) >= 0) {
      problems = problems.append(Violation.of("value.dcf.retention_invalid", "retentionRate",
          "the retention rate must lie in [0, 1] and below 1 + d, was " + retentionRate
              + " with d " + discountRate));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    BigDecimal value = margin.amount().multiply(retentionRate)
        .divide(factor.subtract(retentionRate), MathContext.DECIMAL128);
    return Money.of(value.setScale(scale(margin.currency()), rounding), margin.currency());
  }

  /**
   * Returns the margins of a customer kept with probability {@code r} each period: period
   * {@code i} (from 1) expects {@code m·r^i}, rounded to the minor unit with the given rounding;
   * feed them to {@link #clv} for the finite-horizon retention CLV.
   *
   * @param margin the margin per period
   * @param retentionRate the retention rate, in [0, 1]
   * @param periods the number of periods, ≥ 1
   * @param rounding how each expected margin is rounded to the minor unit
   * @return the expected margins, in order
   * @throws InvalidValueException with every violation: {@code value.dcf.retention_invalid},
   *     {@code value.dcf.periods_invalid}
   */
  public static Seq<Money> retainedMargins(Money margin, BigDecimal retentionRate, int periods,
      RoundingMode rounding) {
    requireNonNull(margin, "margin");
    requireNonNull(retentionRate, "retentionRate");
    requireNonNull(rounding, "rounding");
    List<Violation> problems = List.empty();
    if (retentionRate.signum() < 0 || retentionRate.compareTo(BigDecimal.ONE) > 0) {
      problems = problems.append(Violation.of("value.dcf.retention_invalid", "retentionRate",
          "the retention rate must lie in [0, 1], was " + retentionRate));
    }
    if (periods < 1) {
      problems = problems.append(Violation.of("value.dcf.periods_invalid", "periods",
          "the number of periods must be ≥ 1, was " + periods));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    Vector<Money> result = Vector.empty();
    BigDecimal kept = BigDecimal.ONE;
    int scale = scale(margin.currency());
    for (int i = 1; i <= periods; i++) {
      kept = kept.multiply(retentionRate, MathContext.DECIMAL128);
      result = result.append(Money.of(margin.amount().multiply(kept).setScale(scale, rounding),
          margin.currency()));
    }
    return result;
  }

  private static List<Violation> marginProblems(Seq<Money> margins) {
    List<Violation> problems = List.empty();
    if (margins.isEmpty()) {
      return problems.append(Violation.of("value.dcf.margins_empty", "margins",
          "at least one period's margin is needed"));
    }
    Currency currency = requireNonNull(margins.head(), "margins[0]").currency();
    for (int i = 0; i < margins.size(); i++) {
      Money margin = requireNonNull(margins.get(i), "margins element");
      if (!margin.currency().equals(currency)) {
        problems = problems.append(Violation.of("value.dcf.currency_mismatch",
            "margins[" + i + "]", "every margin must be in " + currency + ", was "
                + margin.currency()));
      }
    }
    return problems;
  }

  private static Violation discountProblem(BigDecimal discountRate) {
    return Violation.of("value.dcf.discount_invalid", "discountRate",
        "the discount rate must be > −1, was " + discountRate);
  }

  private static int scale(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }
}
