package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.LocalDate;

/**
 * Gives points to a lead that meets a condition, such as "+15 when the contact is the decision
 * maker" or "-10 when no phone number is known". Rules are data, so a host can store them and load
 * them again; they are checked as part of their {@link PointsModel}. Immutable and thread-safe.
 *
 * @param code the rule's stable code, such as {@code decision-maker}:
 *     {@code [a-z0-9][a-z0-9._-]{0,63}}, unique in its model
 * @param condition when the rule applies
 * @param points what it adds when it applies, from {@code -}{@value #MAX_POINTS} to
 *     {@value #MAX_POINTS}; negative points lower the score
 */
public record ScoringRule(String code, ScoringCondition condition, int points) {

  /** The most points one rule may add or take away: a whole score. */
  public static final int MAX_POINTS = 100;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ScoringRule {
    requireNonNull(code, "code");
    requireNonNull(condition, "condition");
  }

  /**
   * Evaluates the rule on a lead, for an explanation.
   *
   * @param lead the lead
   * @param asOf the day the lead is scored on
   * @return the rule's contribution, matched or not
   * @throws NullPointerException if an argument is null
   */
  public ScoreContribution.RuleOutcome evaluate(Lead lead, LocalDate asOf) {
    requireNonNull(lead, "lead");
    requireNonNull(asOf, "asOf");
    ScoringCondition.Outcome outcome = condition.evaluate(lead, asOf);
    return new ScoreContribution.RuleOutcome(code, condition.describe(), points,
        outcome.matched(), outcome.finding());
  }

  /**
   * Returns every problem of this rule and its condition, each with its field placed under the
   * given path.
   *
   * @param field where the rule sits in its model, such as {@code rules[2]}
   * @return the violations: {@code scoring.rule.code.blank}, {@code scoring.rule.code.malformed},
   *     {@code scoring.rule.points.out_of_range} and the condition's own
   *     ({@code scoring.condition.*})
   * @throws NullPointerException if field is null
   */
  public Seq<Violation> problems(String field) {
    requireNonNull(field, "field");
    List<Violation> problems = List.empty();
    if (code.isBlank()) {
      problems = problems.append(Violation.of("scoring.rule.code.blank", field + ".code",
          "A rule needs a code"));
    } else if (!ScoringText.isCode(code)) {
      problems = problems.append(Violation.of("scoring.rule.code.malformed", field + ".code",
          "A rule code has lower-case letters, digits, '.', '_' and '-', such as decision-maker: "
              + ScoringText.quote(code)));
    }
    if (points < -MAX_POINTS || points > MAX_POINTS) {
      problems = problems.append(Violation.of("scoring.rule.points.out_of_range",
          field + ".points", "A rule adds from -" + MAX_POINTS + " to " + MAX_POINTS
              + " points, but got " + points));
    }
    return problems.appendAll(condition.problems(field + ".condition"));
  }
}
