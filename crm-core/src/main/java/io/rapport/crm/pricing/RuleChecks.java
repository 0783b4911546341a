package io.rapport.crm.pricing;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a rule set's configuration against the invariants of {@link RuleSet}, collecting every
 * violation with its field path. Shared by {@link RuleSet#define} and the canonical constructor
 * (which knows no catalogue, so it checks no product) so both report the same codes.
 */
final class RuleChecks {

  /** The longest set or rule name, in characters. */
  static final int MAX_NAME = 200;

  private static final Pattern COUPON = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");
  private static final Percentage HUNDRED = Percentage.ONE_HUNDRED;

  private RuleChecks() {}

  /** Returns every violation of a configuration, in the order of its parts, or none. */
  static Seq<Violation> problems(String name, Currency currency, DiscountPolicy policy,
      Option<Percentage> minimumMargin, Seq<PricingRule> rules, Predicate<ProductId> known) {
    java.util.List<Violation> out = new ArrayList<>();
    name(out, name, "name", "pricing.rule_set.name", "A rule set");
    if (currency.getDefaultFractionDigits() < 0) {
      out.add(Violation.of("pricing.rule_set.currency.no_minor_unit", "currency",
          currency.getCurrencyCode() + " has no minor unit and cannot price anything"));
    }
    minimumMargin.filter(margin -> !inRange(margin)).forEach(margin -> out.add(Violation.of(
        "pricing.rule_set.minimum_margin.out_of_range", "minimumMargin",
        "A minimum margin is 0 to 100 %, not " + margin)));
    Map<PricingRuleId, Integer> seenIds = new HashMap<>();
    int i = 0;
    for (PricingRule rule : rules) {
      String at = "rules[" + i + "]";
      if (policy == DiscountPolicy.NO_DISCOUNTS) {
        out.add(Violation.of("pricing.policy.no_discounts", at,
            "Rule " + rule.id() + " is refused: the set's policy is no discounts (不折不扣)"));
      }
      Integer first = seenIds.putIfAbsent(rule.id(), i);
      if (first != null) {
        out.add(Violation.of("pricing.rule.id.duplicate", at + ".id",
            "Rule id " + rule.id() + " is already used by rules[" + first + "]"));
      }
      name(out, rule.name(), at + ".name", "pricing.rule.name", "A rule");
      int j = 0;
      for (Condition condition : rule.conditions()) {
        condition(out, condition, at + ".conditions[" + j++ + "]", currency, known);
      }
      action(out, rule.action(), at + ".action", currency, known);
      stacking(out, rule, at);
      caps(out, rule, at + ".caps", currency);
      priority(out, rules, rule, i, at);
      i++;
    }
    return List.ofAll(out);
  }

  /** Tells whether text is a well-formed coupon code. */
  static boolean isCoupon(String code) {
    return COUPON.matcher(code).matches();
  }

  private static boolean inRange(Percentage percentage) {
    return !percentage.isNegative() && percentage.compareTo(HUNDRED) <= 0;
  }

  private static void name(java.util.List<Violation> out, String name, String field,
      String code, String what) {
    if (name.isBlank()) {
      out.add(Violation.of(code + ".blank", field, what + " needs a name"));
    } else if (name.length() > MAX_NAME) {
      out.add(Violation.of(code + ".too_long", field, what + "'s name has at most " + MAX_NAME
          + " characters, not " + name.length()));
    }
  }

  private static void condition(java.util.List<Violation> out, Condition condition, String at,
      Currency currency, Predicate<ProductId> known) {
    if (condition instanceof Condition.Products products) {
      notEmpty(out, products.products(), at + ".products");
      for (ProductId product : products.products()) {
        if (!known.test(product)) {
          out.add(unknown(at + ".products", product));
        }
      }
    } else if (condition instanceof Condition.Categories categories) {
      texts(out, categories.categories(), at + ".categories");
    } else if (condition instanceof Condition.Attribute attribute) {
      if (attribute.key().isBlank()) {
        out.add(Violation.of("pricing.rule.condition.blank", at + ".key",
            "An attribute condition needs a key"));
      }
      texts(out, attribute.values(), at + ".values");
    } else if (condition instanceof Condition.MinQuantity minimum) {
      if (minimum.minimum().amount().signum() <= 0) {
        out.add(Violation.of("pricing.rule.quantity.not_positive", at + ".minimum",
            "A minimum quantity is above zero, not " + minimum.minimum()));
      }
    } else if (condition instanceof Condition.LineSubtotalAtLeast line) {
      positive(out, line.minimum(), at + ".minimum", currency);
    } else if (condition instanceof Condition.CartSubtotalAtLeast cart) {
      positive(out, cart.minimum(), at + ".minimum", currency);
    } else if (condition instanceof Condition.CustomerTiers tiers) {
      texts(out, tiers.tiers(), at + ".tiers");
    } else if (condition instanceof Condition.CustomerSegments segments) {
      texts(out, segments.segments(), at + ".segments");
    } else if (condition instanceof Condition.CustomerTags tags) {
      texts(out, tags.tags(), at + ".tags");
    } else if (condition instanceof Condition.Channels channels) {
      texts(out, channels.channels(), at + ".channels");
    } else if (condition instanceof Condition.During during) {
      if (!during.from().isBefore(during.until())) {
        out.add(Violation.of("pricing.rule.during.empty", at + ".until",
            "A window ends after it starts: " + during.until() + " is not after "
                + during.from()));
      }
    } else {
      String code = ((Condition.Coupon) condition).code();
      if (!isCoupon(code)) {
        out.add(Violation.of("pricing.rule.coupon.malformed", at + ".code",
            "A coupon code is an upper-case letter or digit, then 2 to 31 upper-case letters,"
                + " digits, _ or -, not " + quote(code)));
      }
    }
  }

  private static void action(java.util.List<Violation> out, DiscountAction action, String at,
      Currency currency, Predicate<ProductId> known) {
    if (action instanceof DiscountAction.PercentOff percent) {
      percentage(out, percent.off(), at + ".off");
    } else if (action instanceof DiscountAction.AmountOff amount) {
      positive(out, amount.amount(), at + ".amount", currency);
    } else if (action instanceof DiscountAction.FixedPrice fixed) {
      if (sameCurrency(out, fixed.lineTotal().currency(), at + ".lineTotal", currency)
          && fixed.lineTotal().isNegative()) {
        out.add(Violation.of("pricing.rule.amount.negative", at + ".lineTotal",
            "A fixed line total is zero or positive, not " + fixed.lineTotal()));
      }
    } else if (action instanceof DiscountAction.UnitPriceOverride override) {
      UnitPrice price = override.price();
      sameCurrency(out, price.currency(), at + ".price", currency);
    } else if (action instanceof DiscountAction.BuyXGetY deal) {
      if (deal.buy() < 1) {
        out.add(Violation.of("pricing.rule.count.not_positive", at + ".buy",
            "Buy X get Y pays for at least 1 piece, not " + deal.buy()));
      }
      if (deal.get() < 1) {
        out.add(Violation.of("pricing.rule.count.not_positive", at + ".get",
            "Buy X get Y discounts at least 1 piece, not " + deal.get()));
      }
      percentage(out, deal.off(), at + ".off");
    } else if (action instanceof DiscountAction.FreeItem free) {
      if (!known.test(free.product())) {
        out.add(unknown(at + ".product", free.product()));
      }
      if (free.quantity().amount().signum() <= 0) {
        out.add(Violation.of("pricing.rule.quantity.not_positive", at + ".quantity",
            "A free item's quantity is above zero, not " + free.quantity()));
      }
    }
  }

  private static void stacking(java.util.List<Violation> out, PricingRule rule, String at) {
    boolean best = rule.stacking() == StackingMode.BEST_IN_GROUP;
    if (best && rule.group().isEmpty()) {
      out.add(Violation.of("pricing.rule.group.missing", at + ".group",
          "A best-in-group rule needs the group it competes in"));
    } else if (!best && rule.group().isDefined()) {
      out.add(Violation.of("pricing.rule.group.unexpected", at + ".group",
          "Only a BEST_IN_GROUP rule has a group, not a " + rule.stacking() + " rule"));
    } else if (rule.group().exists(String::isBlank)) {
      out.add(Violation.of("pricing.rule.group.blank", at + ".group",
          "A group's name must not be blank"));
    }
    if (rule.commutative() && !(rule.stacking() == StackingMode.STACKABLE
        && (rule.action() instanceof DiscountAction.PercentOff
            || rule.action() instanceof DiscountAction.AmountOff))) {
      out.add(Violation.of("pricing.rule.commutative.not_allowed", at + ".commutative",
          "Only a STACKABLE percent-off or amount-off rule can be declared commutative"));
    }
  }

  private static void caps(java.util.List<Violation> out, PricingRule rule, String at,
      Currency currency) {
    RuleCaps caps = rule.caps();
    caps.maxPerLine().forEach(cap -> positiveCap(out, cap, at + ".maxPerLine", currency));
    caps.maxPerOrder().forEach(cap -> positiveCap(out, cap, at + ".maxPerOrder", currency));
    caps.maxUsesPerCoupon().filter(uses -> uses < 1).forEach(uses -> out.add(Violation.of(
        "pricing.rule.cap.not_positive", at + ".maxUsesPerCoupon",
        "A cap on uses is at least 1, not " + uses)));
    caps.maxUsesPerCustomer().filter(uses -> uses < 1).forEach(uses -> out.add(Violation.of(
        "pricing.rule.cap.not_positive", at + ".maxUsesPerCustomer",
        "A cap on uses is at least 1, not " + uses)));
    if (caps.maxUsesPerCoupon().isDefined() && rule.coupons().isEmpty()) {
      out.add(Violation.of("pricing.rule.cap.no_coupon", at + ".maxUsesPerCoupon",
          "Rule " + rule.id() + " has no coupon condition, so it cannot cap uses per coupon"));
    }
  }

  private static void priority(java.util.List<Violation> out, Seq<PricingRule> rules,
      PricingRule rule, int index, String at) {
    if (rule.stacking() == StackingMode.STACKABLE) {
      return;
    }
    for (int k = 0; k < index; k++) {
      PricingRule earlier = rules.get(k);
      if (earlier.stacking() != StackingMode.STACKABLE && earlier.priority() == rule.priority()
          && !sameGroup(earlier, rule)) {
        out.add(Violation.of("pricing.rule.priority.conflict", at + ".priority",
            "Rules " + earlier.id() + " (rules[" + k + "]) and " + rule.id() + " are both "
                + "non-stackable at priority " + rule.priority() + ", so their order is undefined"));
        return;
      }
    }
  }

  private static boolean sameGroup(PricingRule a, PricingRule b) {
    return a.stacking() == StackingMode.BEST_IN_GROUP && b.stacking() == StackingMode.BEST_IN_GROUP
        && a.group().isDefined() && a.group().equals(b.group());
  }

  private static void percentage(java.util.List<Violation> out, Percentage off, String at) {
    if (!inRange(off)) {
      out.add(Violation.of("pricing.rule.percentage.out_of_range", at,
          "A discount is 0 to 100 %, not " + off));
    }
  }

  private static void positive(java.util.List<Violation> out, Money amount, String at,
      Currency currency) {
    if (sameCurrency(out, amount.currency(), at, currency) && !amount.isPositive()) {
      out.add(Violation.of("pricing.rule.amount.not_positive", at,
          "An amount here is positive, not " + amount));
    }
  }

  private static void positiveCap(java.util.List<Violation> out, Money cap, String at,
      Currency currency) {
    if (sameCurrency(out, cap.currency(), at, currency) && !cap.isPositive()) {
      out.add(Violation.of("pricing.rule.cap.not_positive", at,
          "A cap is positive, not " + cap));
    }
  }

  private static boolean sameCurrency(java.util.List<Violation> out, Currency actual, String at,
      Currency expected) {
    if (!actual.equals(expected)) {
      out.add(Violation.of("pricing.rule.currency_mismatch", at,
          "Amounts of this rule set are in " + expected.getCurrencyCode() + ", not "
              + actual.getCurrencyCode()));
      return false;
    }
    return true;
  }

  private static void notEmpty(java.util.List<Violation> out, Set<?> values, String at) {
    if (values.isEmpty()) {
      out.add(Violation.of("pricing.rule.condition.empty", at,
          "A condition needs at least one value"));
    }
  }

  private static void texts(java.util.List<Violation> out, Set<String> values, String at) {
    notEmpty(out, values, at);
    if (values.exists(String::isBlank)) {
      out.add(Violation.of("pricing.rule.condition.blank", at,
          "A condition's values must not be blank"));
    }
  }

  private static Violation unknown(String at, ProductId product) {
    return Violation.of("pricing.rule.product.unknown", at,
        "Product " + product + " is not in the catalogue");
  }

  private static String quote(String text) {
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }
}
