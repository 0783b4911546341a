package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.function.Predicate;

/**
 * Holds the discount rules of one currency, as data: the program's {@link DiscountPolicy}, how
 * quotes round, the minimum margin every discount respects, and the rules. The components mean
 * what they mean in {@link RuleSetDraft}. Immutable and thread-safe.
 *
 * <p>{@link #define(RuleSetDraft, Predicate, Instant) define} checks a draft and reports every
 * broken invariant at once, each with a stable code and its field path, such as
 * {@code rules[3].caps.maxPerLine} or {@code rules[0].conditions[1].code}. The canonical
 * constructor enforces the same invariants by throwing, except that it knows no catalogue and so
 * does not look products up. The invariants and their codes:
 *
 * <ul>
 *   <li>the set's name is not blank ({@code pricing.rule_set.name.blank}) and has at most 200
 *       characters ({@code pricing.rule_set.name.too_long}); the currency has a minor unit
 *       ({@code pricing.rule_set.currency.no_minor_unit}); the minimum margin is 0 to 100 %
 *       ({@code pricing.rule_set.minimum_margin.out_of_range});</li>
 *   <li>under {@link DiscountPolicy#NO_DISCOUNTS} every rule is refused, one violation per rule
 *       at {@code rules[i]} ({@code pricing.policy.no_discounts});</li>
 *   <li>rule ids are unique ({@code pricing.rule.id.duplicate}); rule names are not blank and at
 *       most 200 characters ({@code pricing.rule.name.blank}, {@code pricing.rule.name.too_long});
 *       </li>
 *   <li>products named in conditions and free items are in the catalogue
 *       ({@code pricing.rule.product.unknown}, by {@code define} only);</li>
 *   <li>every amount, threshold, cap and unit price is in the set's currency
 *       ({@code pricing.rule.currency_mismatch}); discount percentages are 0 to 100 %
 *       ({@code pricing.rule.percentage.out_of_range}); amounts off and subtotal thresholds are
 *       positive ({@code pricing.rule.amount.not_positive}); a fixed line total is not negative
 *       ({@code pricing.rule.amount.negative}); minimum and free quantities are above zero
 *       ({@code pricing.rule.quantity.not_positive}); buy and get counts are at least 1
 *       ({@code pricing.rule.count.not_positive});</li>
 *   <li>condition sets are not empty ({@code pricing.rule.condition.empty}) and their strings,
 *       and an attribute's key, are not blank ({@code pricing.rule.condition.blank}); a window
 *       ends after it starts ({@code pricing.rule.during.empty}); coupon codes are an upper-case
 *       letter or digit, then 2 to 31 upper-case letters, digits, {@code _} or {@code -}
 *       ({@code pricing.rule.coupon.malformed});</li>
 *   <li>caps are positive: zero and below are refused ({@code pricing.rule.cap.not_positive});
 *       a cap on uses per coupon needs a coupon condition ({@code pricing.rule.cap.no_coupon});
 *       </li>
 *   <li>a {@link StackingMode#BEST_IN_GROUP} rule has a group
 *       ({@code pricing.rule.group.missing}) and only such a rule has one
 *       ({@code pricing.rule.group.unexpected}); a group is not blank
 *       ({@code pricing.rule.group.blank}); only a stackable percent-off or amount-off rule is
 *       declared commutative ({@code pricing.rule.commutative.not_allowed});</li>
 *   <li>no two rules that are not stackable share a priority, since their order would be
 *       undefined ({@code pricing.rule.priority.conflict} at the later rule's {@code priority},
 *       naming both); best-in-group rules of one group may share one, as the best deal decides
 *       between them.</li>
 * </ul>
 *
 * <p>A rounding mode of {@code UNNECESSARY} never reaches a set: {@link RoundingPolicy} refuses
 * it ({@code pricing.rounding.unnecessary}).
 *
 * @param name the set's name
 * @param currency the currency of every amount in it
 * @param policy whether discounts are allowed
 * @param rounding how quotes round
 * @param minimumMargin the least margin over cost any discount leaves, or empty
 * @param rules the rules, in the order ties are broken in
 * @param updatedAt when it was defined or last revised
 */
public record RuleSet(String name, Currency currency, DiscountPolicy policy,
    RoundingPolicy rounding, Option<Percentage> minimumMargin, Seq<PricingRule> rules,
    Instant updatedAt) {

  /**
   * Checks the components and the invariants between them (all but the catalogue's).
   *
   * @throws NullPointerException if a component, a rule or the margin is null
   * @throws InvalidValueException with every broken invariant (the codes are listed on the class)
   */
  public RuleSet {
    requireNonNull(name, "name");
    requireNonNull(currency, "currency");
    requireNonNull(policy, "policy");
    requireNonNull(rounding, "rounding");
    requireNonNull(minimumMargin, "minimumMargin");
    requireNonNull(rules, "rules");
    requireNonNull(updatedAt, "updatedAt");
    minimumMargin.forEach(value -> requireNonNull(value, "minimumMargin"));
    rules.forEach(value -> requireNonNull(value, "rules"));
    Seq<Violation> problems = RuleChecks.problems(name, currency, policy, minimumMargin, rules,
        product -> true);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Defines a rule set from a draft, reporting every broken invariant at once (the codes are
   * listed on the class), products included.
   *
   * @param draft the configuration
   * @param knownProduct tells whether a product is in the catalogue
   * @param at when it is defined; becomes {@link #updatedAt()}
   * @return the rule set, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, RuleSet> define(RuleSetDraft draft,
      Predicate<ProductId> knownProduct, Instant at) {
    requireNonNull(draft, "draft");
    requireNonNull(knownProduct, "knownProduct");
    requireNonNull(at, "at");
    Seq<Violation> problems = RuleChecks.problems(draft.name(), draft.currency(), draft.policy(),
        draft.minimumMargin(), draft.rules(), knownProduct);
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    return Validation.valid(new RuleSet(draft.name(), draft.currency(), draft.policy(),
        draft.rounding(), draft.minimumMargin(), draft.rules(), at));
  }

  /**
   * Returns the set of a no-discounts program (不折不扣): no rules, no margin, and the policy
   * {@link DiscountPolicy#NO_DISCOUNTS}, so quotes show the selected prices only.
   *
   * @param name the set's name
   * @param currency the currency
   * @param rounding how quotes round
   * @param at when it is defined
   * @return the rule set
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the name is blank or too long, or the currency has no minor
   *     unit (the codes are listed on the class)
   */
  public static RuleSet noDiscounts(String name, Currency currency, RoundingPolicy rounding,
      Instant at) {
    return new RuleSet(name, currency, DiscountPolicy.NO_DISCOUNTS, rounding, Option.none(),
        List.empty(), at);
  }

  /**
   * Returns the configuration as a draft, so that {@code define(draft(), known, updatedAt())}
   * gives this set back when its products are known.
   *
   * @return the draft
   */
  public RuleSetDraft draft() {
    return new RuleSetDraft(name, currency, policy, rounding, minimumMargin, rules);
  }

  /**
   * Looks a rule up by id.
   *
   * @param id the rule's id
   * @return the rule, or empty if the set has none with that id
   * @throws NullPointerException if id is null
   */
  public Option<PricingRule> rule(PricingRuleId id) {
    requireNonNull(id, "id");
    return rules.find(rule -> rule.id().equals(id));
  }

  /**
   * Returns the rules in the order a quote considers them: priority, higher first; rules of equal
   * priority in set order.
   *
   * @return the rules, ordered
   */
  public Seq<PricingRule> byPriority() {
    return rules.sorted(Comparator.comparingInt(PricingRule::priority).reversed());
  }
}
