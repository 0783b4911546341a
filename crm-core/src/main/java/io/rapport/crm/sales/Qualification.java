package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.LocalDate;

/**
 * Holds what is known to qualify a lead, in the classic budget, authority, need and timeline
 * shape; every part may still be unknown. Immutable and thread-safe.
 *
 * @param budget the budget the prospect has, or empty when unknown
 * @param decisionMaker whether the contact decides the purchase, or empty when unknown
 * @param need what they need, in their words, or empty
 * @param timeline by when they want to buy, or empty when unknown
 */
public record Qualification(Option<Money> budget, Option<Boolean> decisionMaker,
    Option<String> need, Option<LocalDate> timeline) {

  /** Nothing known yet. */
  public static final Qualification UNKNOWN =
      new Qualification(Option.none(), Option.none(), Option.none(), Option.none());

  /** The longest need, in characters. */
  public static final int MAX_NEED = 1000;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every broken rule: a negative budget
   *     ({@code lead.qualification.budget.negative}, field {@code budget}), a blank need
   *     ({@code lead.qualification.need.blank}) or one over {@value #MAX_NEED} characters
   *     ({@code lead.qualification.need.too_long}, field {@code need})
   */
  public Qualification {
    requireNonNull(budget, "budget");
    requireNonNull(decisionMaker, "decisionMaker");
    requireNonNull(need, "need");
    requireNonNull(timeline, "timeline");
    budget.forEach(value -> requireNonNull(value, "budget"));
    decisionMaker.forEach(value -> requireNonNull(value, "decisionMaker"));
    need.forEach(value -> requireNonNull(value, "need"));
    timeline.forEach(value -> requireNonNull(value, "timeline"));
    LeadChecks.orThrow(problems(budget, need));
  }

  /**
   * Returns these facts with another budget.
   *
   * @param newBudget the budget, or empty when unknown
   * @return the new qualification
   * @throws io.rapport.crm.kernel.InvalidValueException if the budget is negative
   */
  public Qualification withBudget(Option<Money> newBudget) {
    return new Qualification(newBudget, decisionMaker, need, timeline);
  }

  /**
   * Returns these facts with another answer to whether the contact decides.
   *
   * @param newDecisionMaker whether the contact decides, or empty when unknown
   * @return the new qualification
   */
  public Qualification withDecisionMaker(Option<Boolean> newDecisionMaker) {
    return new Qualification(budget, newDecisionMaker, need, timeline);
  }

  /**
   * Returns these facts with another need.
   *
   * @param newNeed the need, or empty
   * @return the new qualification
   * @throws io.rapport.crm.kernel.InvalidValueException if the need is blank or too long
   */
  public Qualification withNeed(Option<String> newNeed) {
    return new Qualification(budget, decisionMaker, newNeed, timeline);
  }

  /**
   * Returns these facts with another timeline.
   *
   * @param newTimeline by when they want to buy, or empty when unknown
   * @return the new qualification
   */
  public Qualification withTimeline(Option<LocalDate> newTimeline) {
    return new Qualification(budget, decisionMaker, need, newTimeline);
  }

  /** Returns the names of the parts that differ from another qualification, in record order. */
  Seq<String> differencesFrom(Qualification other) {
    List<String> fields = List.empty();
    if (!budget.equals(other.budget)) {
      fields = fields.append("budget");
    }
    if (!decisionMaker.equals(other.decisionMaker)) {
      fields = fields.append("decisionMaker");
    }
    if (!need.equals(other.need)) {
      fields = fields.append("need");
    }
    if (!timeline.equals(other.timeline)) {
      fields = fields.append("timeline");
    }
    return fields;
  }

  /** Returns the broken rules of the parts, with fields relative to the qualification. */
  static List<Violation> problems(Option<Money> budget, Option<String> need) {
    List<Violation> problems = List.empty();
    if (budget.exists(Money::isNegative)) {
      problems = problems.append(Violation.of("lead.qualification.budget.negative", "budget",
          "A budget cannot be negative, but got " + budget.get()));
    }
    for (String text : need) {
      problems = problems.appendAll(LeadChecks.requiredText(text, MAX_NEED,
          "lead.qualification.need", "need", "A need"));
    }
    return problems;
  }
}
