package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.Condition;
import io.rapport.crm.pricing.DiscountAction;
import io.rapport.crm.pricing.DiscountPolicy;
import io.rapport.crm.pricing.PricingRule;
import io.rapport.crm.pricing.RoundingPolicy;
import io.rapport.crm.pricing.RoundingStage;
import io.rapport.crm.pricing.RuleCaps;
import io.rapport.crm.pricing.RuleSet;
import io.rapport.crm.pricing.StackingMode;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.function.Predicate;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates discount rules and rule sets for property tests: every kind of condition and action,
 * every stacking mode and amount basis, caps, rounding policies, and whole rule sets in a few
 * currencies, including no-discounts sets.
 *
 * <p>Generated rule sets are valid: {@code RuleSet.define(set.draft(), catalogue(), at)} accepts
 * them. Their products come from {@link #PRODUCTS}, so a test can price them with a catalogue of
 * its own; the non-stackable rules of a set have distinct priorities, groups belong to
 * best-in-group rules only, commutativity is declared only on stackable percent-off and
 * amount-off rules, and a coupon cap only on rules with a coupon condition.
 */
public final class PricingRuleGenerators {

  /** The products generated rules name: a small catalogue. */
  public static final Vector<ProductId> PRODUCTS = Vector.of("PRD-chair", "PRD-table",
      "PRD-bed", "PRD-screen", "PRD-stool").map(ProductId::parse);

  /** The instant generated sets are defined at. */
  public static final Instant DEFINED_AT = Instant.parse("2026-11-01T00:00:00Z");

  private static final Currency[] CURRENCIES = {Currency.getInstance("CNY"),
      Currency.getInstance("EUR"), Currency.getInstance("JPY")};
  private static final String[] CATEGORIES = {"furniture", "seating", "tables", "decor"};
  private static final String[] WOODS = {"zitan", "huanghuali", "suanzhi", "jichimu"};
  private static final String[] TIERS = {"member", "gold", "black"};
  private static final String[] SEGMENTS = {"champions", "loyal", "at-risk", "new"};
  private static final String[] TAGS = {"collector", "designer", "wholesale"};
  private static final String[] CHANNELS = {"store", "call-center", "web"};
  private static final String[] GROUPS = {"vip", "season", "clearance"};
  private static final ZoneId[] ZONES = {ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"),
      ZoneId.of("Europe/Paris")};
  private static final String COUPON_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String COUPON_REST = COUPON_FIRST + "_-";
  private static final RoundingMode[] MODES = {RoundingMode.HALF_EVEN, RoundingMode.HALF_UP,
      RoundingMode.HALF_DOWN, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.FLOOR,
      RoundingMode.CEILING};
  private static final LocalDateTime WINDOWS_FROM = LocalDateTime.parse("2026-01-01T00:00");

  private PricingRuleGenerators() {}

  /**
   * Returns a catalogue that knows exactly the {@link #PRODUCTS}.
   *
   * @return the catalogue's membership test
   */
  public static Predicate<ProductId> catalogue() {
    return PRODUCTS::contains;
  }

  /** Returns valid conditions of every kind, amounts in the currency given. */
  public static Gen<Condition> conditions(Currency currency) {
    return in -> condition(in, currency);
  }

  /** Returns valid actions of every kind and amount basis, amounts in the currency given. */
  public static Gen<DiscountAction> actions(Currency currency) {
    return in -> action(in, currency);
  }

  /** Returns rounding policies of every stage and every mode but UNNECESSARY. */
  public static Gen<RoundingPolicy> roundingPolicies() {
    return in -> new RoundingPolicy(oneOf(in, MODES), oneOf(in, RoundingStage.values()));
  }

  /** Returns valid rule sets: most allow discounts and hold up to 12 rules, some hold none. */
  public static Gen<RuleSet> ruleSets() {
    return in -> ruleSet(in, 12);
  }

  /**
   * Returns valid rule sets that allow discounts, in one currency.
   *
   * @param currency the currency
   * @param maxRules the most rules in a set
   * @return the generator
   */
  public static Gen<RuleSet> ruleSets(Currency currency, int maxRules) {
    return in -> discounting(in, currency, maxRules);
  }

  /** Returns single rules, valid on their own in a CNY set. */
  public static Gen<PricingRule> rules() {
    return in -> rule(in, Currency.getInstance("CNY"), pick(in, 1000), 1000 + pick(in, 1000));
  }

  private static RuleSet ruleSet(RandomnessSource in, int maxRules) {
    Currency currency = oneOf(in, CURRENCIES);
    if (chance(in, 10)) {
      return RuleSet.noDiscounts("No discounts " + pick(in, 100), currency,
          roundingPolicies().generate(in), DEFINED_AT);
    }
    return discounting(in, currency, maxRules);
  }

  private static RuleSet discounting(RandomnessSource in, Currency currency, int maxRules) {
    int count = pick(in, maxRules + 1);
    ArrayList<PricingRule> rules = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rules.add(rule(in, currency, i, 1000 + i * 10));
    }
    Option<Percentage> margin = chance(in, 30)
        ? Option.of(Percentage.ofBasisPoints(pickLong(in, 10_001))) : Option.none();
    return new RuleSet("Promotions " + pick(in, 100), currency, DiscountPolicy.DISCOUNTS_ALLOWED,
        roundingPolicies().generate(in), margin, Vector.ofAll(rules), DEFINED_AT);
  }

  /** A rule; non-stackable rules take {@code exclusivePriority}, unique within a set. */
  private static PricingRule rule(RandomnessSource in, Currency currency, int index,
      int exclusivePriority) {
    int conditionCount = pick(in, 4);
    ArrayList<Condition> conditions = new ArrayList<>();
    for (int i = 0; i < conditionCount; i++) {
      conditions.add(condition(in, currency));
    }
    DiscountAction action = action(in, currency);
    StackingMode stacking = chance(in, 55) ? StackingMode.STACKABLE
        : oneOf(in, StackingMode.values());
    Option<String> group = stacking == StackingMode.BEST_IN_GROUP
        ? Option.of(oneOf(in, GROUPS)) : Option.none();
    boolean commutable = stacking == StackingMode.STACKABLE
        && (action instanceof DiscountAction.PercentOff
            || action instanceof DiscountAction.AmountOff);
    boolean commutative = commutable && chance(in, 50);
    boolean coupon = conditions.stream().anyMatch(Condition.Coupon.class::isInstance);
    RuleCaps caps = chance(in, 60) ? RuleCaps.NONE : new RuleCaps(
        chance(in, 50) ? Option.of(positive(in, currency, 50_000)) : Option.none(),
        chance(in, 50) ? Option.of(positive(in, currency, 500_000)) : Option.none(),
        coupon && chance(in, 60) ? Option.of(1 + pickLong(in, 10_000)) : Option.none(),
        chance(in, 40) ? Option.of(1 + pickLong(in, 20)) : Option.none());
    int priority = stacking == StackingMode.STACKABLE ? pick(in, 100) : exclusivePriority;
    return new PricingRule(PricingRuleId.parse("rule-" + index), "Rule " + index + " "
        + action.getClass().getSimpleName(), priority, Vector.ofAll(conditions), action, stacking,
        group, commutative, caps);
  }

  private static Condition condition(RandomnessSource in, Currency currency) {
    switch (pick(in, 12)) {
      case 0:
        return new Condition.Products(some(in, PRODUCTS.toJavaArray(ProductId[]::new)));
      case 1:
        return new Condition.Categories(some(in, CATEGORIES));
      case 2:
        return new Condition.Attribute("wood", some(in, WOODS));
      case 3:
        return new Condition.MinQuantity(chance(in, 50) ? Quantity.pieces(1 + pick(in, 10))
            : Quantity.of(BigDecimal.valueOf(1 + pick(in, 400), 1),
                oneOf(in, new QuantityUnit[] {QuantityUnit.JIN, QuantityUnit.KILOGRAM})));
      case 4:
        return new Condition.LineSubtotalAtLeast(positive(in, currency, 1_000_000));
      case 5:
        return new Condition.CartSubtotalAtLeast(positive(in, currency, 5_000_000));
      case 6:
        return new Condition.CustomerTiers(some(in, TIERS));
      case 7:
        return new Condition.CustomerSegments(some(in, SEGMENTS));
      case 8:
        return new Condition.CustomerTags(some(in, TAGS));
      case 9:
        return new Condition.Channels(some(in, CHANNELS));
      case 10: {
        LocalDateTime from = WINDOWS_FROM.plusHours(pick(in, 24 * 365));
        return new Condition.During(from, from.plusHours(1 + pick(in, 24 * 30)),
            oneOf(in, ZONES));
      }
      default:
        return new Condition.Coupon(coupon(in));
    }
  }

  private static DiscountAction action(RandomnessSource in, Currency currency) {
    switch (pick(in, 7)) {
      case 0:
        return new DiscountAction.PercentOff(percentage(in));
      case 1:
        return new DiscountAction.AmountOff(positive(in, currency, 100_000),
            oneOf(in, DiscountAction.AmountBasis.values()));
      case 2:
        return new DiscountAction.FixedPrice(Money.ofMinor(pickLong(in, 1_000_000), currency));
      case 3:
        return new DiscountAction.UnitPriceOverride(UnitPrice.of(
            Money.ofMinor(pickLong(in, 1_000_000), currency),
            oneOf(in, new QuantityUnit[] {QuantityUnit.PIECE, QuantityUnit.JIN,
                QuantityUnit.KILOGRAM})));
      case 4:
        return new DiscountAction.BuyXGetY(1 + pick(in, 5), 1 + pick(in, 3),
            chance(in, 50) ? Percentage.ONE_HUNDRED : percentage(in));
      case 5:
        return new DiscountAction.FreeItem(oneOf(in, PRODUCTS.toJavaArray(ProductId[]::new)),
            Quantity.pieces(1 + pick(in, 3)));
      default:
        return new DiscountAction.TierBenefitDiscount();
    }
  }

  private static Percentage percentage(RandomnessSource in) {
    return Percentage.ofBasisPoints(pickLong(in, 10_001));
  }

  private static Money positive(RandomnessSource in, Currency currency, long maxMinor) {
    return Money.ofMinor(1 + pickLong(in, maxMinor), currency);
  }

  private static String coupon(RandomnessSource in) {
    StringBuilder code = new StringBuilder();
    code.append(COUPON_FIRST.charAt(pick(in, COUPON_FIRST.length())));
    int rest = 2 + pick(in, 30);
    for (int i = 0; i < rest; i++) {
      code.append(COUPON_REST.charAt(pick(in, COUPON_REST.length())));
    }
    return code.toString();
  }

  private static <T> Set<T> some(RandomnessSource in, T[] pool) {
    Set<T> chosen = HashSet.of(oneOf(in, pool));
    int more = pick(in, pool.length);
    for (int i = 0; i < more; i++) {
      chosen = chosen.add(oneOf(in, pool));
    }
    return chosen;
  }
}
