package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.LocalDate;

/**
 * Scores leads by adding up points: a base, plus the points of every rule whose condition the lead
 * meets, clamped to 0..100. The explanation lists every rule, matched or not, with the points it
 * gave, and a line for the clamping when it applies, so the contributions always add up to the
 * score. Rules are data: a host stores the model and loads it again. Immutable and thread-safe.
 *
 * <pre>{@code
 * PointsModel model = PointsModel.of(20, List.of(
 *     new ScoringRule("web", ScoringCondition.SourceChannelIn.of("web"), 10),
 *     new ScoringRule("decides", new ScoringCondition.DecisionMaker(), 25),
 *     new ScoringRule("soon", new ScoringCondition.TimelineWithin(90), 20)));
 * LeadScore score = model.score(lead, LocalDate.of(2026, 3, 1));
 * System.out.println(score.explain());
 * }</pre>
 *
 * @param base the points every lead starts from, from 0 to 100
 * @param rules the rules, in the order they are explained; their codes are unique
 */
public record PointsModel(int base, Seq<ScoringRule> rules) implements LeadScorer {

  /** The name of this model in a {@link LeadScore}. */
  public static final String MODEL = "points";

  /**
   * Checks the components, their rules and the rules' conditions.
   *
   * @throws NullPointerException if rules or a rule is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation that
   *     {@link #validated(int, Seq)} reports
   */
  public PointsModel {
    requireNonNull(rules, "rules");
    rules.forEach(rule -> requireNonNull(rule, "rules element"));
    ScoringText.throwIfAny(problems(base, rules));
  }

  /**
   * Returns a model of a base and rules.
   *
   * @param base the base points
   * @param rules the rules
   * @return the model
   * @throws NullPointerException if rules or a rule is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation that
   *     {@link #validated(int, Seq)} reports
   */
  public static PointsModel of(int base, Seq<ScoringRule> rules) {
    return new PointsModel(base, rules);
  }

  /**
   * Validates a model loaded from outside, reporting every problem at once: of the model, of each
   * rule and of each condition, however deeply combined. Fields are paths such as
   * {@code rules[1].condition.conditions[0].channels}.
   *
   * @param base the base points
   * @param rules the rules
   * @return the model, or every violation: {@code scoring.model.base.out_of_range},
   *     {@code scoring.rule.code.duplicate}, {@code scoring.rule.code.blank},
   *     {@code scoring.rule.code.malformed}, {@code scoring.rule.points.out_of_range},
   *     {@code scoring.condition.channels.empty}, {@code scoring.condition.channel.malformed},
   *     {@code scoring.condition.campaigns.empty}, {@code scoring.condition.campaign.blank},
   *     {@code scoring.condition.attribute.malformed}, {@code scoring.condition.values.empty},
   *     {@code scoring.condition.value.blank}, {@code scoring.condition.minimum.negative},
   *     {@code scoring.condition.days.out_of_range}, {@code scoring.condition.products.empty},
   *     {@code scoring.condition.all_of.empty} and {@code scoring.condition.any_of.empty}
   * @throws NullPointerException if rules or a rule is null
   */
  public static Validation<Seq<Violation>, PointsModel> validated(int base,
      Seq<ScoringRule> rules) {
    requireNonNull(rules, "rules");
    rules.forEach(rule -> requireNonNull(rule, "rules element"));
    Seq<Violation> problems = problems(base, rules);
    return problems.isEmpty() ? Validation.valid(new PointsModel(base, rules))
        : Validation.invalid(problems);
  }

  /**
   * Scores a lead: the base plus the points of every matched rule, clamped to 0..100.
   *
   * @param lead the lead
   * @param asOf the day to score on
   * @return the score, with one contribution for the base, one per rule and one for the clamping
   *     when the points fall outside 0..100
   * @throws NullPointerException if an argument is null
   */
  @Override
  public LeadScore score(Lead lead, LocalDate asOf) {
    requireNonNull(lead, "lead");
    requireNonNull(asOf, "asOf");
    Seq<ScoreContribution.RuleOutcome> outcomes = rules.map(rule -> rule.evaluate(lead, asOf));
    int added = outcomes.map(ScoreContribution.RuleOutcome::awarded).sum().intValue();
    int unclamped = base + added;
    int value = Math.max(0, Math.min(100, unclamped));
    Seq<ScoreContribution> contributions = List.<ScoreContribution>of(
        new ScoreContribution.BasePoints(base)).appendAll(outcomes);
    String summary = "base " + base + " and " + ScoringText.signed(added) + " from "
        + outcomes.count(ScoreContribution.RuleOutcome::matched) + " of " + rules.size()
        + " rules matched";
    if (value != unclamped) {
      contributions = contributions.append(new ScoreContribution.Clamping(unclamped, value));
      summary = summary + ", clamped from " + unclamped + " to " + value;
    }
    return new LeadScore(value, MODEL, asOf, summary, contributions);
  }

  private static Seq<Violation> problems(int base, Seq<ScoringRule> rules) {
    List<Violation> problems = List.empty();
    if (base < 0 || base > 100) {
      problems = problems.append(Violation.of("scoring.model.base.out_of_range", "base",
          "The base score is from 0 to 100, but got " + base));
    }
    for (int i = 0; i < rules.size(); i++) {
      ScoringRule rule = rules.get(i);
      String code = rule.code();
      if (!code.isBlank() && rules.take(i).exists(earlier -> earlier.code().equals(code))) {
        problems = problems.append(Violation.of("scoring.rule.code.duplicate",
            "rules[" + i + "].code", "Rule codes are unique, but " + ScoringText.quote(code)
                + " is used before"));
      }
      problems = problems.appendAll(rule.problems("rules[" + i + "]"));
    }
    return problems;
  }
}
