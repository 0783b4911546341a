package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.LocalDate;

/**
 * Scores a lead from 0 to 100 and explains it: which model scored, on which day, a one-line
 * summary, and every contribution (each rule matched or not, or each feature's likelihoods).
 * {@link #explain()} writes it all as text, one line per contribution. Immutable and thread-safe.
 *
 * @param value the score, from 0 to 100
 * @param model the model that scored: {@value PointsModel#MODEL} or {@value NaiveBayesModel#MODEL}
 * @param asOf the day scored on
 * @param summary how the contributions became the value, in one line
 * @param contributions every part of the score, in the order the model applied them
 */
public record LeadScore(int value, String model, LocalDate asOf, String summary,
    Seq<ScoreContribution> contributions) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or contribution is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation:
   *     {@code scoring.score.out_of_range} and {@code scoring.score.model.blank}
   */
  public LeadScore {
    requireNonNull(model, "model");
    requireNonNull(asOf, "asOf");
    requireNonNull(summary, "summary");
    requireNonNull(contributions, "contributions");
    contributions.forEach(contribution -> requireNonNull(contribution, "contributions element"));
    List<Violation> problems = List.empty();
    if (value < 0 || value > 100) {
      problems = problems.append(Violation.of("scoring.score.out_of_range", "value",
          "A score is from 0 to 100, but got " + value));
    }
    if (model.isBlank()) {
      problems = problems.append(Violation.of("scoring.score.model.blank", "model",
          "A score names the model that scored"));
    }
    ScoringText.throwIfAny(problems);
  }

  /**
   * Returns the sum of the contributions' effects, in order: the score itself for the points model
   * (base, rules and clamping), the log odds of winning for naive Bayes (prior and features).
   *
   * @return the sum
   */
  public double total() {
    return sum(contributions);
  }

  /** Adds up the effects of contributions, in order, so every caller gets the same double. */
  static double sum(Seq<ScoreContribution> contributions) {
    double sum = 0;
    for (ScoreContribution contribution : contributions) {
      sum += contribution.effect();
    }
    return sum;
  }

  /**
   * Explains the score as text: a headline with the value, the model, the day and the summary,
   * then one indented line per contribution. The text is the same on every machine.
   *
   * @return the explanation, lines separated by {@code \n}
   */
  public String explain() {
    return "Score " + value + "/100 by the " + model + " model as of " + asOf + ": " + summary
        + contributions.map(contribution -> "\n  " + contribution.line()).mkString();
  }
}
