package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
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
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;

/**
 * Maps discount rule sets (document type {@code pricing_rules}) to plain JSON and back, strictly
 * (see docs/guides/pricing-rules.md): the set's name, currency, policy, rounding, optional minimum
 * margin, rules and update time; each rule's id, name, priority, conditions, action, stacking,
 * optional group, commutativity and optional caps. Each condition and action is an object with a
 * {@code "kind"} naming it ({@code products}, {@code percent_off}, …); enumerations are written
 * by name; sets are arrays without repeats in a stable order; optional values are absent when
 * empty; local date-times are ISO-8601 without offset ({@code "2026-11-11T00:00"}).
 *
 * <p>Reading goes on after a problem and reports every one with its path: the set is rebuilt
 * through its checking constructor, whose violations (such as {@code rules[1].action.off}) are
 * kept even when other properties are broken. JSON knows no catalogue: a host checks products by
 * {@code RuleSet.define(set.draft(), catalogue, at)} after reading.
 */
final class PricingRulesJson {

  private static final String KIND = "kind";

  /** What the set's rules about one property also refer to: left out if that property failed. */
  private static final java.util.Map<String, java.util.List<String>> SET_DEPENDENTS =
      java.util.Map.of(
          "currency", java.util.List.of("rules", "minimumMargin"),
          "policy", java.util.List.of("rules"));

  private PricingRulesJson() {}

  /** Adds the rule-set mappings to the module. */
  static void addTo(RapportJsonModule module) {
    module.addValue(Condition.class, PricingRulesJson::writeCondition,
        (p, n) -> CollectingReader.read(p, n, "condition", PricingRulesJson::readCondition));
    module.addValue(DiscountAction.class, PricingRulesJson::writeAction,
        (p, n) -> CollectingReader.read(p, n, "discount action", PricingRulesJson::readAction));
    module.addValue(RuleCaps.class, PricingRulesJson::writeCaps,
        (p, n) -> CollectingReader.read(p, n, "rule caps", PricingRulesJson::readCaps));
    module.addValue(RoundingPolicy.class, PricingRulesJson::writeRounding,
        (p, n) -> CollectingReader.read(p, n, "rounding policy", PricingRulesJson::readRounding));
    module.addValue(PricingRule.class, PricingRulesJson::writeRule,
        (p, n) -> CollectingReader.read(p, n, "pricing rule", PricingRulesJson::readRule));
    module.addValue(RuleSet.class, PricingRulesJson::writeSet,
        (p, n) -> CollectingReader.read(p, n, "rule set", PricingRulesJson::readSet));
  }

  // ---- helpers

  private static void texts(JsonGenerator g, String name, Set<String> texts) throws IOException {
    g.writeArrayFieldStart(name);
    for (String text : texts.toSortedSet()) {
      g.writeString(text);
    }
    g.writeEndArray();
  }

  private static <T> CollectingReader.Part<T> mapped(Class<T> type) {
    return (r, node, at) -> r.mapped(node, at, type);
  }

  private static String text(CollectingReader r, JsonNode node, String at) {
    return r.text(node, at);
  }

  private static LocalDateTime localDateTime(CollectingReader r, JsonNode node, String at) {
    String text = r.text(node, at);
    if (text == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeException malformed) {
      r.invalid(at, "Expected a local date-time such as 2026-11-11T00:00, got '" + text + "'");
      return null;
    }
  }



  // ---- conditions

  private static void writeCondition(Condition condition, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (condition instanceof Condition.Products products) {
      g.writeStringField(KIND, "products");
      g.writeArrayFieldStart("products");
      for (ProductId id : products.products().toSortedSet(Comparator.comparing(ProductId::value))) {
        g.writeString(id.value());
      }
      g.writeEndArray();
    } else if (condition instanceof Condition.Categories categories) {
      g.writeStringField(KIND, "categories");
      texts(g, "categories", categories.categories());
    } else if (condition instanceof Condition.Attribute attribute) {
      g.writeStringField(KIND, "attribute");
      g.writeStringField("key", attribute.key());
      texts(g, "values", attribute.values());
    } else if (condition instanceof Condition.MinQuantity minimum) {
      g.writeStringField(KIND, "min_quantity");
      g.writeObjectField("minimum", minimum.minimum());
    } else if (condition instanceof Condition.LineSubtotalAtLeast line) {
      g.writeStringField(KIND, "line_subtotal_at_least");
      g.writeObjectField("minimum", line.minimum());
    } else if (condition instanceof Condition.CartSubtotalAtLeast cart) {
      g.writeStringField(KIND, "cart_subtotal_at_least");
      g.writeObjectField("minimum", cart.minimum());
    } else if (condition instanceof Condition.CustomerTiers tiers) {
      g.writeStringField(KIND, "customer_tiers");
      texts(g, "tiers", tiers.tiers());
    } else if (condition instanceof Condition.CustomerSegments segments) {
      g.writeStringField(KIND, "customer_segments");
      texts(g, "segments", segments.segments());
    } else if (condition instanceof Condition.CustomerTags tags) {
      g.writeStringField(KIND, "customer_tags");
      texts(g, "tags", tags.tags());
    } else if (condition instanceof Condition.Channels channels) {
      g.writeStringField(KIND, "channels");
      texts(g, "channels", channels.channels());
    } else if (condition instanceof Condition.During during) {
      g.writeStringField(KIND, "during");
      g.writeStringField("from", during.from().toString());
      g.writeStringField("until", during.until().toString());
      g.writeStringField("zone", during.zone().getId());
    } else {
      g.writeStringField(KIND, "coupon");
      g.writeStringField("code", ((Condition.Coupon) condition).code());
    }
    g.writeEndObject();
  }

  private static Condition readCondition(CollectingReader r, JsonNode n, String path) {
    String kind = r.kindOf(n, path, "condition", new String[] {"products", "categories", "key",
        "values", "minimum", "tiers", "segments", "tags", "channels", "from", "until", "zone",
        "code"});
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "products": {
        CollectingReader.Obj o = r.object(n, path, "products condition", CollectingReader.withKind("products"));
        Set<ProductId> products = o.set("products", mapped(ProductId.class));
        return o.build(() -> new Condition.Products(products));
      }
      case "categories": {
        CollectingReader.Obj o = r.object(n, path, "categories condition", CollectingReader.withKind("categories"));
        Set<String> categories = o.set("categories", PricingRulesJson::text);
        return o.build(() -> new Condition.Categories(categories));
      }
      case "attribute": {
        CollectingReader.Obj o = r.object(n, path, "attribute condition", CollectingReader.withKind("key", "values"));
        String key = o.text("key");
        Set<String> values = o.set("values", PricingRulesJson::text);
        return o.build(() -> new Condition.Attribute(key, values));
      }
      case "min_quantity": {
        CollectingReader.Obj o = r.object(n, path, "minimum quantity condition",
            CollectingReader.withKind("minimum"));
        Quantity minimum = o.value("minimum", Quantity.class);
        return o.build(() -> new Condition.MinQuantity(minimum));
      }
      case "line_subtotal_at_least": {
        CollectingReader.Obj o = r.object(n, path, "line subtotal condition", CollectingReader.withKind("minimum"));
        Money minimum = o.value("minimum", Money.class);
        return o.build(() -> new Condition.LineSubtotalAtLeast(minimum));
      }
      case "cart_subtotal_at_least": {
        CollectingReader.Obj o = r.object(n, path, "cart subtotal condition", CollectingReader.withKind("minimum"));
        Money minimum = o.value("minimum", Money.class);
        return o.build(() -> new Condition.CartSubtotalAtLeast(minimum));
      }
      case "customer_tiers": {
        CollectingReader.Obj o = r.object(n, path, "customer tiers condition", CollectingReader.withKind("tiers"));
        Set<String> tiers = o.set("tiers", PricingRulesJson::text);
        return o.build(() -> new Condition.CustomerTiers(tiers));
      }
      case "customer_segments": {
        CollectingReader.Obj o = r.object(n, path, "customer segments condition",
            CollectingReader.withKind("segments"));
        Set<String> segments = o.set("segments", PricingRulesJson::text);
        return o.build(() -> new Condition.CustomerSegments(segments));
      }
      case "customer_tags": {
        CollectingReader.Obj o = r.object(n, path, "customer tags condition", CollectingReader.withKind("tags"));
        Set<String> tags = o.set("tags", PricingRulesJson::text);
        return o.build(() -> new Condition.CustomerTags(tags));
      }
      case "channels": {
        CollectingReader.Obj o = r.object(n, path, "channels condition", CollectingReader.withKind("channels"));
        Set<String> channels = o.set("channels", PricingRulesJson::text);
        return o.build(() -> new Condition.Channels(channels));
      }
      case "during": {
        CollectingReader.Obj o = r.object(n, path, "during condition",
            CollectingReader.withKind("from", "until", "zone"));
        LocalDateTime from = o.part("from", PricingRulesJson::localDateTime);
        LocalDateTime until = o.part("until", PricingRulesJson::localDateTime);
        ZoneId zone = o.part("zone", CollectingReader::zone);
        return o.build(() -> new Condition.During(from, until, zone));
      }
      case "coupon": {
        CollectingReader.Obj o = r.object(n, path, "coupon condition", CollectingReader.withKind("code"));
        String code = o.text("code");
        return o.build(() -> new Condition.Coupon(code));
      }
      default:
        return r.unknownKind(path, kind, "condition", "products, categories, attribute,"
            + " min_quantity, line_subtotal_at_least, cart_subtotal_at_least, customer_tiers,"
            + " customer_segments, customer_tags, channels, during, coupon");
    }
  }

  // ---- actions

  private static void writeAction(DiscountAction action, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (action instanceof DiscountAction.PercentOff percent) {
      g.writeStringField(KIND, "percent_off");
      g.writeObjectField("off", percent.off());
    } else if (action instanceof DiscountAction.AmountOff amount) {
      g.writeStringField(KIND, "amount_off");
      g.writeObjectField("amount", amount.amount());
      g.writeStringField("per", amount.per().name());
    } else if (action instanceof DiscountAction.FixedPrice fixed) {
      g.writeStringField(KIND, "fixed_price");
      g.writeObjectField("lineTotal", fixed.lineTotal());
    } else if (action instanceof DiscountAction.UnitPriceOverride override) {
      g.writeStringField(KIND, "unit_price_override");
      g.writeObjectField("price", override.price());
    } else if (action instanceof DiscountAction.BuyXGetY deal) {
      g.writeStringField(KIND, "buy_x_get_y");
      g.writeNumberField("buy", deal.buy());
      g.writeNumberField("get", deal.get());
      g.writeObjectField("off", deal.off());
    } else if (action instanceof DiscountAction.FreeItem free) {
      g.writeStringField(KIND, "free_item");
      g.writeStringField("product", free.product().value());
      g.writeObjectField("quantity", free.quantity());
    } else {
      g.writeStringField(KIND, "tier_benefit_discount");
    }
    g.writeEndObject();
  }

  private static DiscountAction readAction(CollectingReader r, JsonNode n, String path) {
    String kind = r.kindOf(n, path, "discount action", new String[] {"off", "amount", "per",
        "lineTotal", "price", "buy", "get", "product", "quantity"});
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "percent_off": {
        CollectingReader.Obj o = r.object(n, path, "percent-off action", CollectingReader.withKind("off"));
        Percentage off = o.value("off", Percentage.class);
        return o.build(() -> new DiscountAction.PercentOff(off));
      }
      case "amount_off": {
        CollectingReader.Obj o = r.object(n, path, "amount-off action", CollectingReader.withKind("amount", "per"));
        Money amount = o.value("amount", Money.class);
        DiscountAction.AmountBasis per = o.constant("per", DiscountAction.AmountBasis.class);
        return o.build(() -> new DiscountAction.AmountOff(amount, per));
      }
      case "fixed_price": {
        CollectingReader.Obj o = r.object(n, path, "fixed-price action", CollectingReader.withKind("lineTotal"));
        Money total = o.value("lineTotal", Money.class);
        return o.build(() -> new DiscountAction.FixedPrice(total));
      }
      case "unit_price_override": {
        CollectingReader.Obj o = r.object(n, path, "unit price override", CollectingReader.withKind("price"));
        UnitPrice price = o.value("price", UnitPrice.class);
        return o.build(() -> new DiscountAction.UnitPriceOverride(price));
      }
      case "buy_x_get_y": {
        CollectingReader.Obj o = r.object(n, path, "buy-x-get-y action",
            CollectingReader.withKind("buy", "get", "off"));
        Long buy = o.number("buy");
        Long get = o.number("get");
        Percentage off = o.value("off", Percentage.class);
        return o.build(() -> new DiscountAction.BuyXGetY(buy, get, off));
      }
      case "free_item": {
        CollectingReader.Obj o = r.object(n, path, "free-item action",
            CollectingReader.withKind("product", "quantity"));
        ProductId product = o.value("product", ProductId.class);
        Quantity quantity = o.value("quantity", Quantity.class);
        return o.build(() -> new DiscountAction.FreeItem(product, quantity));
      }
      case "tier_benefit_discount": {
        CollectingReader.Obj o = r.object(n, path, "tier benefit action", CollectingReader.withKind());
        return o.build(DiscountAction.TierBenefitDiscount::new);
      }
      default:
        return r.unknownKind(path, kind, "discount action", "percent_off, amount_off,"
            + " fixed_price, unit_price_override, buy_x_get_y, free_item, tier_benefit_discount");
    }
  }

  // ---- caps, rounding, rules, sets

  private static void writeCaps(RuleCaps caps, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (caps.maxPerLine().isDefined()) {
      g.writeObjectField("maxPerLine", caps.maxPerLine().get());
    }
    if (caps.maxPerOrder().isDefined()) {
      g.writeObjectField("maxPerOrder", caps.maxPerOrder().get());
    }
    if (caps.maxUsesPerCoupon().isDefined()) {
      g.writeNumberField("maxUsesPerCoupon", caps.maxUsesPerCoupon().get());
    }
    if (caps.maxUsesPerCustomer().isDefined()) {
      g.writeNumberField("maxUsesPerCustomer", caps.maxUsesPerCustomer().get());
    }
    g.writeEndObject();
  }

  private static RuleCaps readCaps(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "rule caps", new String[0], "maxPerLine",
        "maxPerOrder", "maxUsesPerCoupon", "maxUsesPerCustomer");
    if (o == null) {
      return null;
    }
    Option<Money> perLine = o.optional("maxPerLine", Money.class);
    Option<Money> perOrder = o.optional("maxPerOrder", Money.class);
    Option<Long> perCoupon = optionalNumber(o, "maxUsesPerCoupon");
    Option<Long> perCustomer = optionalNumber(o, "maxUsesPerCustomer");
    return o.build(() -> new RuleCaps(perLine, perOrder, perCoupon, perCustomer));
  }

  private static Option<Long> optionalNumber(CollectingReader.Obj o, String name) {
    if (!o.has(name)) {
      return Option.none();
    }
    Long value = o.number(name);
    return value == null ? null : Option.of(value);
  }

  private static void writeRounding(RoundingPolicy rounding, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("mode", rounding.mode().name());
    g.writeStringField("stage", rounding.stage().name());
    g.writeEndObject();
  }

  private static RoundingPolicy readRounding(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "rounding policy", new String[] {"mode", "stage"});
    if (o == null) {
      return null;
    }
    RoundingMode mode = o.constant("mode", RoundingMode.class);
    RoundingStage stage = o.constant("stage", RoundingStage.class);
    return o.build(() -> new RoundingPolicy(mode, stage));
  }

  private static void writeRule(PricingRule rule, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", rule.id().value());
    g.writeStringField("name", rule.name());
    g.writeNumberField("priority", rule.priority());
    g.writeArrayFieldStart("conditions");
    for (Condition condition : rule.conditions()) {
      writeCondition(condition, g);
    }
    g.writeEndArray();
    g.writeFieldName("action");
    writeAction(rule.action(), g);
    g.writeStringField("stacking", rule.stacking().name());
    if (rule.group().isDefined()) {
      g.writeStringField("group", rule.group().get());
    }
    g.writeBooleanField("commutative", rule.commutative());
    if (!rule.caps().isNone()) {
      g.writeFieldName("caps");
      writeCaps(rule.caps(), g);
    }
    g.writeEndObject();
  }

  private static PricingRule readRule(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "pricing rule", new String[] {"id", "name",
        "priority", "action", "stacking"}, "conditions", "group", "commutative", "caps");
    if (o == null) {
      return null;
    }
    PricingRuleId id = o.value("id", PricingRuleId.class);
    String name = o.text("name");
    Integer priority = o.integer("priority");
    Vector<Condition> conditions = o.optionalList("conditions",
        PricingRulesJson::readCondition);
    DiscountAction action = o.part("action", PricingRulesJson::readAction);
    StackingMode stacking = o.constant("stacking", StackingMode.class);
    Option<String> group = o.optionalText("group");
    Boolean commutative = o.has("commutative") ? o.bool("commutative") : Boolean.FALSE;
    Option<RuleCaps> caps = o.optionalPart("caps", PricingRulesJson::readCaps);
    return o.build(() -> new PricingRule(id, name, priority, conditions, action, stacking, group,
        commutative, caps.getOrElse(RuleCaps.NONE)));
  }

  private static void writeSet(RuleSet set, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", set.name());
    g.writeStringField("currency", set.currency().getCurrencyCode());
    g.writeStringField("policy", set.policy().name());
    g.writeFieldName("rounding");
    writeRounding(set.rounding(), g);
    if (set.minimumMargin().isDefined()) {
      g.writeObjectField("minimumMargin", set.minimumMargin().get());
    }
    g.writeArrayFieldStart("rules");
    for (PricingRule rule : set.rules()) {
      writeRule(rule, g);
    }
    g.writeEndArray();
    g.writeStringField("updatedAt", IsoInstants.format(set.updatedAt()));
    g.writeEndObject();
  }

  private static RuleSet readSet(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "rule set", new String[] {"name", "currency",
        "policy", "rules", "updatedAt"}, "rounding", "minimumMargin");
    if (o == null) {
      return null;
    }
    String name = o.text("name");
    Currency currency = o.part("currency", CollectingReader::currency);
    DiscountPolicy policy = o.constant("policy", DiscountPolicy.class);
    Option<RoundingPolicy> rounding = o.optionalPart("rounding",
        PricingRulesJson::readRounding);
    Option<Percentage> margin = o.optional("minimumMargin", Percentage.class);
    Vector<PricingRule> rules = o.list("rules", PricingRulesJson::readRule);
    Instant updatedAt = o.value("updatedAt", Instant.class);
    return o.buildAnyway(() -> new RuleSet(o.or(name, "unread"),
        o.or(currency, Currency.getInstance("CNY")),
        o.or(policy, DiscountPolicy.DISCOUNTS_ALLOWED),
        o.or(rounding, Option.<RoundingPolicy>none()).getOrElse(RoundingPolicy.STANDARD),
        o.or(margin, Option.none()), o.or(rules, Vector.empty()),
        o.or(updatedAt, Instant.EPOCH)), SET_DEPENDENTS);
  }
}
