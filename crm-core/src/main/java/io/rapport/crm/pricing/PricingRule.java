package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * Describes one discount rule: when it applies ({@link Condition conditions}, all of which must
 * hold), what it does ({@link DiscountAction}), in which order ({@code priority}, higher first),
 * how it combines with other rules ({@link StackingMode}) and how far it may go
 * ({@link RuleCaps}). Rules are data: checked as part of their {@link RuleSet}. Immutable and
 * thread-safe.
 *
 * @param id the rule's id, unique in its set
 * @param name a readable name, not blank, at most 200 characters
 * @param priority the order rules are considered in, higher first; two rules that are not
 *     {@link StackingMode#STACKABLE} never share a priority (except rules of one best-in-group
 *     group)
 * @param conditions the conditions, all of which must hold; may be empty
 * @param action what the rule does to its lines
 * @param stacking how it combines with other rules
 * @param group the group it competes in: present exactly for {@link StackingMode#BEST_IN_GROUP}
 * @param commutative whether the owner declares that the rule gives the same quote whatever its
 *     place among the other commutative rules (the engine's laws check it); only on stackable
 *     percent-off or amount-off rules
 * @param caps the caps on what it gives
 */
public record PricingRule(PricingRuleId id, String name, int priority, Seq<Condition> conditions,
    DiscountAction action, StackingMode stacking, Option<String> group, boolean commutative,
    RuleCaps caps) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, a condition or the group is null
   */
  public PricingRule {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(conditions, "conditions");
    requireNonNull(action, "action");
    requireNonNull(stacking, "stacking");
    requireNonNull(group, "group");
    requireNonNull(caps, "caps");
    conditions.forEach(value -> requireNonNull(value, "conditions"));
    group.forEach(value -> requireNonNull(value, "group"));
  }

  /**
   * Returns a stackable rule without group, caps or commutativity declared: the usual shape.
   *
   * @param id the rule's id
   * @param name a readable name
   * @param priority the order it is considered in, higher first
   * @param conditions the conditions
   * @param action what it does
   * @return the rule
   * @throws NullPointerException if an argument or a condition is null
   */
  public static PricingRule stackable(PricingRuleId id, String name, int priority,
      Seq<Condition> conditions, DiscountAction action) {
    return new PricingRule(id, name, priority, conditions, action, StackingMode.STACKABLE,
        Option.none(), false, RuleCaps.NONE);
  }

  /** Returns the line conditions, which select the lines the rule acts on, in order. */
  public Seq<Condition> lineConditions() {
    return conditions.filter(Condition::selectsLines);
  }

  /** Returns the cart conditions, which must hold for the rule to apply at all, in order. */
  public Seq<Condition> cartConditions() {
    return conditions.filter(condition -> !condition.selectsLines());
  }

  /** Returns the coupon codes the rule requires (usually none or one), in order. */
  public Seq<String> coupons() {
    return conditions.filter(Condition.Coupon.class::isInstance)
        .map(condition -> ((Condition.Coupon) condition).code());
  }

  /** Returns every product the rule names, in its conditions and its action, in order. */
  public Set<ProductId> products() {
    Set<ProductId> products = LinkedHashSet.empty();
    for (Condition condition : conditions) {
      if (condition instanceof Condition.Products named) {
        products = products.addAll(named.products());
      }
    }
    if (action instanceof DiscountAction.FreeItem free) {
      products = products.add(free.product());
    }
    return products;
  }
}
