package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * Warns of customers who may be churning, on two signals: a fitted purchase model says they are
 * probably no longer alive ({@code P(alive) < aliveThreshold}), or they are overdue against
 * their own rhythm: the time since their last purchase exceeds {@code overdueFactor} times their
 * mean time between purchases {@code t_x / x}, counted only for customers with at least
 * {@code minimumRepeats} repeat purchases (a rhythm of one gap says little). Immutable and
 * thread-safe.
 *
 * @param aliveThreshold warn when P(alive) is below this, in (0, 1]
 * @param overdueFactor the multiple k of the mean gap after which a customer is overdue, &gt; 0
 * @param minimumRepeats the repeat purchases {@code x} needed for the rhythm signal, ≥ 1
 */
public record ChurnWarnings(double aliveThreshold, double overdueFactor, int minimumRepeats) {

  /**
   * Checks the settings.
   *
   * @throws InvalidValueException when a setting is out of range, with every violation
   *     ({@code value.churn.threshold_invalid}, {@code value.churn.factor_invalid},
   *     {@code value.churn.minimum_invalid})
   */
  public ChurnWarnings {
    Seq<Violation> problems = problems(aliveThreshold, overdueFactor, minimumRepeats);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the usual settings: warn below P(alive) 0.5, or when more than 2 mean gaps have
   * passed for a customer with 2 repeat purchases or more.
   *
   * @return the standard settings
   */
  public static ChurnWarnings standard() {
    return new ChurnWarnings(0.5, 2.0, 2);
  }

  /**
   * Validates settings, reporting every problem.
   *
   * @param aliveThreshold the P(alive) threshold
   * @param overdueFactor the factor k
   * @param minimumRepeats the repeat purchases needed for the rhythm signal
   * @return the settings, or every violation ({@code value.churn.*})
   */
  public static Validation<Seq<Violation>, ChurnWarnings> validated(double aliveThreshold,
      double overdueFactor, int minimumRepeats) {
    Seq<Violation> problems = problems(aliveThreshold, overdueFactor, minimumRepeats);
    return problems.isEmpty()
        ? Validation.valid(new ChurnWarnings(aliveThreshold, overdueFactor, minimumRepeats))
        : Validation.invalid(problems);
  }

  private static Seq<Violation> problems(double aliveThreshold, double overdueFactor,
      int minimumRepeats) {
    List<Violation> problems = List.empty();
    if (!(aliveThreshold > 0 && aliveThreshold <= 1)) {
      problems = problems.append(Violation.of("value.churn.threshold_invalid", "aliveThreshold",
          "the P(alive) threshold must lie in (0, 1], was " + aliveThreshold));
    }
    if (!(overdueFactor > 0) || Double.isInfinite(overdueFactor)) {
      problems = problems.append(Violation.of("value.churn.factor_invalid", "overdueFactor",
          "the overdue factor must be a finite number > 0, was " + overdueFactor));
    }
    if (minimumRepeats < 1) {
      problems = problems.append(Violation.of("value.churn.minimum_invalid", "minimumRepeats",
          "the rhythm needs at least 1 repeat purchase, was " + minimumRepeats));
    }
    return problems;
  }

  /**
   * Checks one customer.
   *
   * @param summary the customer's summary
   * @param model a fitted purchase model, in the summary's time unit
   * @return the warning, or nothing when neither signal fires
   * @throws InvalidValueException when the model answers a P(alive) outside [0, 1] or not a
   *     number ({@code value.churn.model_invalid})
   */
  public Option<ChurnWarning> check(CustomerSummary summary, PurchaseModel model) {
    requireNonNull(summary, "summary");
    requireNonNull(model, "model");
    return check(summary.customer(), summary.frequency(), summary.recency(), summary.age(),
        model);
  }

  /**
   * Checks every customer of a table and returns the warned ones, in the table's order.
   *
   * @param table the customers' summaries
   * @param model a fitted purchase model, in the table's time unit
   * @return the warnings
   * @throws InvalidValueException when the model answers a P(alive) outside [0, 1] or not a
   *     number ({@code value.churn.model_invalid})
   */
  public Seq<ChurnWarning> warn(SummaryTable table, PurchaseModel model) {
    requireNonNull(table, "table");
    requireNonNull(model, "model");
    java.util.ArrayList<ChurnWarning> out = new java.util.ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      check(table.customer(i), table.frequency(i), table.recency(i), table.age(i), model)
          .forEach(out::add);
    }
    return Vector.ofAll(out);
  }

  private Option<ChurnWarning> check(String customer, int x, double tx, double t,
      PurchaseModel model) {
    double alive = model.probabilityAlive(x, tx, t);
    if (!(alive >= 0 && alive <= 1)) {
      throw new InvalidValueException(List.of(Violation.of("value.churn.model_invalid",
          "model", model.name() + " answered P(alive) = " + alive + " for '" + customer
              + "', outside [0, 1]")));
    }
    double since = t - tx;
    Option<Double> gap = x >= minimumRepeats ? Option.some(tx / x) : Option.none();
    List<ChurnReason> reasons = List.empty();
    if (alive < aliveThreshold) {
      reasons = reasons.append(ChurnReason.LOW_PROBABILITY_ALIVE);
    }
    if (gap.isDefined() && since > overdueFactor * gap.get()) {
      reasons = reasons.append(ChurnReason.OVERDUE);
    }
    return reasons.isEmpty() ? Option.none()
        : Option.some(new ChurnWarning(customer, reasons, alive, aliveThreshold, since, gap,
            overdueFactor));
  }
}
