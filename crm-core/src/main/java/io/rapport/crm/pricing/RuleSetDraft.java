package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Percentage;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Currency;

/**
 * Holds a rule set's configuration as given, before {@link RuleSet#define} checks it. Immutable
 * and thread-safe.
 *
 * @param name the set's name, not blank
 * @param currency the currency of every amount in it
 * @param policy whether discounts are allowed at all
 * @param rounding how quotes round
 * @param minimumMargin the least margin over cost any discount leaves, 0 to 100 %, or empty
 * @param rules the rules, ids unique
 */
public record RuleSetDraft(String name, Currency currency, DiscountPolicy policy,
    RoundingPolicy rounding, Option<Percentage> minimumMargin, Seq<PricingRule> rules) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, a rule or the margin is null
   */
  public RuleSetDraft {
    requireNonNull(name, "name");
    requireNonNull(currency, "currency");
    requireNonNull(policy, "policy");
    requireNonNull(rounding, "rounding");
    requireNonNull(minimumMargin, "minimumMargin");
    requireNonNull(rules, "rules");
    minimumMargin.forEach(value -> requireNonNull(value, "minimumMargin"));
    rules.forEach(value -> requireNonNull(value, "rules"));
  }

  /**
   * Returns a draft that allows discounts, rounds with {@link RoundingPolicy#STANDARD} and sets
   * no minimum margin.
   *
   * @param name the set's name
   * @param currency the currency
   * @param rules the rules
   * @return the draft
   * @throws NullPointerException if an argument or a rule is null
   */
  public static RuleSetDraft of(String name, Currency currency, Seq<PricingRule> rules) {
    return new RuleSetDraft(name, currency, DiscountPolicy.DISCOUNTS_ALLOWED,
        RoundingPolicy.STANDARD, Option.none(), rules);
  }
}
