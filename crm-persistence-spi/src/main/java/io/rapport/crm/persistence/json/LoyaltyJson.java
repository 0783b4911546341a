package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.loyalty.CurrencyRole;
import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.EarnBasis;
import io.rapport.crm.loyalty.EarnFilter;
import io.rapport.crm.loyalty.EarnRule;
import io.rapport.crm.loyalty.LedgerEntry;
import io.rapport.crm.loyalty.LotShare;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyEventKind;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.loyalty.PointsLot;
import io.rapport.crm.loyalty.ProgramCurrency;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.rapport.crm.loyalty.ReferralRule;
import io.rapport.crm.loyalty.ReferralTrigger;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierBenefits;
import io.rapport.crm.loyalty.TierChange;
import io.rapport.crm.loyalty.TierChangeReason;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierNotice;
import io.rapport.crm.loyalty.TierStatus;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierWindow;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.Iterator;

/**
 * Maps the loyalty package to plain JSON and back, strictly (see docs/json.md and
 * docs/guides/loyalty-storage.md): programs with their currencies, expiry rules, earn rules,
 * filters, tier ladder and referral reward; accounts with their ledger (lots, journal, debt,
 * reversed sources), qualifying entries, tier status and tier history. Optional values are absent
 * when empty; enumerations are written by name; codes and ids are strings; a period is ISO-8601
 * ({@code "P3M"}); a multiplier is a decimal string ({@code "1.5"}); a record link is
 * {@code "kind/value"}; points per currency are an object keyed by currency code; each variant of
 * a sealed type (expiry, earn basis, threshold, tier window, journal entry) is an object with a
 * {@code "kind"} naming it. Sets are arrays without repeats, written in a stable order.
 *
 * <p>Reading goes on after a problem and reports every one with its path (programs are written by
 * hand): see {@link CollectingReader}. Each record is rebuilt through its checking constructor,
 * whose violations are mapped under the property they concern; a program's rules are checked even
 * when some of its properties are broken, on the properties that read. A ledger is rebuilt through
 * {@link PointsLedger#restore}, whose problems are reported under {@code ledger}.
 */
final class LoyaltyJson {

  private static final String KIND = "kind";

  /** What a program's rules about one property also refer to: left out if that property failed. */
  private static final java.util.Map<String, java.util.List<String>> PROGRAM_DEPENDENTS =
      java.util.Map.of(
          "currencies", java.util.List.of("earnRules", "ladder", "referral"),
          "spendCurrency", java.util.List.of("earnRules", "ladder"),
          "referral", java.util.List.of("ladder"));

  /** Stand-ins for the failed properties of a program, to check its other properties. */
  private static final TierLadder LADDER = new TierLadder(
      Vector.of(new Tier("base", "Base", Vector.empty(), TierBenefits.NONE)),
      new TierWindow.CalendarYear(), Period.ZERO, DowngradePolicy.ONE_LEVEL);

  /** The id a ledger is checked with when its account's id did not read. */
  private static final LoyaltyAccountId UNREAD = LoyaltyAccountId.parse("unread");

  private LoyaltyJson() {}

  /** Adds the loyalty package's mappings to the module. */
  static void addTo(RapportJsonModule module) {
    module.addValue(PointCurrency.class, (c, g) -> g.writeString(c.code()),
        (p, n) -> {
          String code = Fields.text(p, n, null);
          return Fields.construct(p, "point currency", () -> new PointCurrency(code));
        });
    module.addValue(PointsExpiry.class, LoyaltyJson::writeExpiry,
        (p, n) -> CollectingReader.read(p, n, "expiry rule", LoyaltyJson::readExpiry));
    module.addValue(ProgramCurrency.class, LoyaltyJson::writeProgramCurrency,
        (p, n) -> CollectingReader.read(p, n, "program currency",
            LoyaltyJson::readProgramCurrency));
    module.addValue(EarnBasis.class, LoyaltyJson::writeBasis,
        (p, n) -> CollectingReader.read(p, n, "earn basis", LoyaltyJson::readBasis));
    module.addValue(EarnFilter.class, LoyaltyJson::writeFilter,
        (p, n) -> CollectingReader.read(p, n, "earn filter", LoyaltyJson::readFilter));
    module.addValue(EarnRule.class, LoyaltyJson::writeRule,
        (p, n) -> CollectingReader.read(p, n, "earn rule", LoyaltyJson::readRule));
    module.addValue(TierThreshold.class, LoyaltyJson::writeThreshold,
        (p, n) -> CollectingReader.read(p, n, "tier threshold", LoyaltyJson::readThreshold));
    module.addValue(TierBenefits.class, LoyaltyJson::writeBenefits,
        (p, n) -> CollectingReader.read(p, n, "tier benefits", LoyaltyJson::readBenefits));
    module.addValue(Tier.class, LoyaltyJson::writeTier,
        (p, n) -> CollectingReader.read(p, n, "tier", LoyaltyJson::readTier));
    module.addValue(TierWindow.class, LoyaltyJson::writeWindow,
        (p, n) -> CollectingReader.read(p, n, "tier window", LoyaltyJson::readWindow));
    module.addValue(TierLadder.class, LoyaltyJson::writeLadder,
        (p, n) -> CollectingReader.read(p, n, "tier ladder", LoyaltyJson::readLadder));
    module.addValue(ReferralRule.class, LoyaltyJson::writeReferral,
        (p, n) -> CollectingReader.read(p, n, "referral rule", LoyaltyJson::readReferral));
    module.addValue(LoyaltyProgram.class, LoyaltyJson::writeProgram,
        (p, n) -> CollectingReader.read(p, n, "loyalty program", LoyaltyJson::readProgram));
    module.addValue(LotShare.class, LoyaltyJson::writeShare,
        (p, n) -> CollectingReader.read(p, n, "lot share", LoyaltyJson::readShare));
    module.addValue(PointsLot.class, LoyaltyJson::writeLot,
        (p, n) -> CollectingReader.read(p, n, "points lot", LoyaltyJson::readLot));
    module.addValue(LedgerEntry.class, LoyaltyJson::writeEntry,
        (p, n) -> CollectingReader.read(p, n, "ledger entry", LoyaltyJson::readEntry));
    module.addValue(QualifyingEntry.class, LoyaltyJson::writeQualifying,
        (p, n) -> CollectingReader.read(p, n, "qualifying entry", LoyaltyJson::readQualifying));
    module.addValue(TierNotice.class, LoyaltyJson::writeNotice,
        (p, n) -> CollectingReader.read(p, n, "tier notice", LoyaltyJson::readNotice));
    module.addValue(TierStatus.class, LoyaltyJson::writeStatus,
        (p, n) -> CollectingReader.read(p, n, "tier status", LoyaltyJson::readStatus));
    module.addValue(TierChange.class, LoyaltyJson::writeChange,
        (p, n) -> CollectingReader.read(p, n, "tier change", LoyaltyJson::readChange));
    module.addValue(LoyaltyAccount.class, LoyaltyJson::writeAccount,
        (p, n) -> CollectingReader.read(p, n, "loyalty account", LoyaltyJson::readAccount));
  }

  // ---- writing helpers

  private static void instant(JsonGenerator g, String name, Instant at) throws IOException {
    g.writeStringField(name, IsoInstants.format(at));
  }

  private static void optionalInstant(JsonGenerator g, String name, Option<Instant> at)
      throws IOException {
    if (at.isDefined()) {
      instant(g, name, at.get());
    }
  }

  private static void texts(JsonGenerator g, String name, Set<String> texts) throws IOException {
    g.writeArrayFieldStart(name);
    for (String text : texts.toSortedSet()) {
      g.writeString(text);
    }
    g.writeEndArray();
  }

  private static <I extends TypedId> void idSet(JsonGenerator g, String name, Set<I> ids)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (I id : ids.toSortedSet(Comparator.comparing(TypedId::value))) {
      g.writeString(id.value());
    }
    g.writeEndArray();
  }

  private static void refs(JsonGenerator g, String name, Set<RecordRef> refs) throws IOException {
    g.writeArrayFieldStart(name);
    for (RecordRef ref : refs.toSortedSet(Comparator.comparing(RecordRef::toString))) {
      g.writeString(ref.toString());
    }
    g.writeEndArray();
  }

  private static void amounts(JsonGenerator g, String name, Map<PointCurrency, Long> amounts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (PointCurrency currency : amounts.keySet().toSortedSet()) {
      g.writeNumberField(currency.code(), amounts.get(currency).get());
    }
    g.writeEndObject();
  }

  private static void shares(JsonGenerator g, String name, Seq<LotShare> shares)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (LotShare share : shares) {
      writeShare(share, g);
    }
    g.writeEndArray();
  }

  // ---- reading helpers

  private static <T> CollectingReader.Part<T> mapped(Class<T> type) {
    return (r, node, at) -> r.mapped(node, at, type);
  }

  private static String text(CollectingReader r, JsonNode node, String at) {
    return r.text(node, at);
  }

  private static PointCurrency currency(CollectingReader r, JsonNode node, String at) {
    return r.checked(node, at, PointCurrency::new);
  }

  private static <E extends Enum<E>> CollectingReader.Part<E> constant(Class<E> type) {
    return (r, node, at) -> r.constant(node, at, type);
  }



  private static Period period(CollectingReader r, JsonNode node, String at) {
    String text = r.text(node, at);
    if (text == null) {
      return null;
    }
    try {
      return Period.parse(text);
    } catch (DateTimeException malformed) {
      r.invalid(at, "Expected an ISO-8601 period such as P3M or P30D, got '" + text + "'");
      return null;
    }
  }

  private static BigDecimal decimal(CollectingReader r, JsonNode node, String at) {
    String text = r.text(node, at);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException malformed) {
      r.invalid(at, "Expected a decimal number as a string such as \"1.5\", got '" + text + "'");
      return null;
    }
  }

  /** Reads points per currency: an object whose keys are currency codes, values integers. */
  private static Map<PointCurrency, Long> amounts(CollectingReader r, JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      r.object(node, at, "points per currency", new String[0]);
      return null;
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    CollectingReader.Obj o = r.object(node, at, "points per currency", new String[0],
        names.toArray(new String[0]));
    Map<PointCurrency, Long> amounts = HashMap.empty();
    boolean failed = false;
    for (String name : names) {
      Long value = o.number(name);
      Validation<Seq<Violation>, PointCurrency> currency = PointCurrency.validated(name);
      if (currency.isInvalid()) {
        r.violations(o.at(name), currency.getError(), true);
        failed = true;
      } else if (value == null) {
        failed = true;
      } else {
        amounts = amounts.put(currency.get(), value);
      }
    }
    return failed ? null : amounts;
  }

  /** Reads an optional integer property: empty when absent, null when it failed. */
  private static Option<Long> optionalNumber(CollectingReader.Obj o, String name) {
    if (!o.has(name)) {
      return Option.none();
    }
    Long value = o.number(name);
    return value == null ? null : Option.of(value);
  }

  /**
   * Reads the {@code kind} of a sealed type's object, or returns null after recording the
   * problem (not an object, kind missing or not a string).
   */
  // ---- currencies and expiry

  private static void writeExpiry(PointsExpiry expiry, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (expiry instanceof PointsExpiry.AfterDays after) {
      g.writeStringField(KIND, "after_days");
      g.writeNumberField("days", after.days());
    } else if (expiry instanceof PointsExpiry.EndOfMonth end) {
      g.writeStringField(KIND, "end_of_month");
      g.writeNumberField("monthsAfter", end.monthsAfter());
    } else if (expiry instanceof PointsExpiry.EndOfYear) {
      g.writeStringField(KIND, "end_of_year");
    } else {
      g.writeStringField(KIND, "never");
    }
    g.writeEndObject();
  }

  private static PointsExpiry readExpiry(CollectingReader r, JsonNode n, String path) {
    String kind = r.kindOf(n, path, "expiry rule", new String[] {"days", "monthsAfter"});
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "never": {
        CollectingReader.Obj o = r.object(n, path, "expiry rule", CollectingReader.withKind());
        return o.build(PointsExpiry.Never::new);
      }
      case "after_days": {
        CollectingReader.Obj o = r.object(n, path, "expiry rule", CollectingReader.withKind("days"));
        Integer days = o.integer("days");
        return o.build(() -> new PointsExpiry.AfterDays(days));
      }
      case "end_of_month": {
        CollectingReader.Obj o = r.object(n, path, "expiry rule", CollectingReader.withKind("monthsAfter"));
        Integer months = o.integer("monthsAfter");
        return o.build(() -> new PointsExpiry.EndOfMonth(months));
      }
      case "end_of_year": {
        CollectingReader.Obj o = r.object(n, path, "expiry rule", CollectingReader.withKind());
        return o.build(PointsExpiry.EndOfYear::new);
      }
      default:
        return r.unknownKind(path, kind, "expiry",
            "never, after_days, end_of_month, end_of_year");
    }
  }

  private static void writeProgramCurrency(ProgramCurrency c, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("currency", c.currency().code());
    g.writeArrayFieldStart("roles");
    for (CurrencyRole role : c.roles().toSortedSet()) {
      g.writeString(role.name());
    }
    g.writeEndArray();
    g.writeFieldName("expiry");
    writeExpiry(c.expiry(), g);
    g.writeEndObject();
  }

  private static ProgramCurrency readProgramCurrency(CollectingReader r, JsonNode n,
      String path) {
    CollectingReader.Obj o = r.object(n, path, "program currency",
        new String[] {"currency", "roles", "expiry"});
    if (o == null) {
      return null;
    }
    PointCurrency currency = o.part("currency", LoyaltyJson::currency);
    Set<CurrencyRole> roles = o.set("roles", constant(CurrencyRole.class));
    PointsExpiry expiry = o.part("expiry", LoyaltyJson::readExpiry);
    return o.build(() -> new ProgramCurrency(currency, roles, expiry));
  }

  // ---- earn rules

  private static void writeBasis(EarnBasis basis, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (basis instanceof EarnBasis.PerSpend spend) {
      g.writeStringField(KIND, "per_spend");
      g.writeNumberField("points", spend.points());
      g.writeObjectField("per", spend.per());
      g.writeStringField("rounding", spend.rounding().name());
    } else if (basis instanceof EarnBasis.PerUnit unit) {
      g.writeStringField(KIND, "per_unit");
      g.writeNumberField("points", unit.points());
    } else {
      EarnBasis.PerEvent event = (EarnBasis.PerEvent) basis;
      g.writeStringField(KIND, "per_event");
      g.writeStringField("event", event.kind().code());
      g.writeNumberField("points", event.points());
    }
    g.writeEndObject();
  }

  private static EarnBasis readBasis(CollectingReader r, JsonNode n, String path) {
    String kind = r.kindOf(n, path, "earn basis",
        new String[] {"points", "per", "rounding", "event"});
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "per_spend": {
        CollectingReader.Obj o = r.object(n, path, "per-spend basis",
            CollectingReader.withKind("points", "per", "rounding"));
        Long points = o.number("points");
        Money per = o.value("per", Money.class);
        RoundingMode rounding = o.constant("rounding", RoundingMode.class);
        return o.build(() -> new EarnBasis.PerSpend(points, per, rounding));
      }
      case "per_unit": {
        CollectingReader.Obj o = r.object(n, path, "per-unit basis", CollectingReader.withKind("points"));
        Long points = o.number("points");
        return o.build(() -> new EarnBasis.PerUnit(points));
      }
      case "per_event": {
        CollectingReader.Obj o = r.object(n, path, "per-event basis", CollectingReader.withKind("event", "points"));
        LoyaltyEventKind event = o.checked("event", LoyaltyEventKind::new);
        Long points = o.number("points");
        return o.build(() -> new EarnBasis.PerEvent(event, points));
      }
      default:
        return r.unknownKind(path, kind, "earn basis", "per_spend, per_unit, per_event");
    }
  }

  private static void writeFilter(EarnFilter filter, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (!filter.products().isEmpty()) {
      idSet(g, "products", filter.products());
    }
    if (!filter.categories().isEmpty()) {
      texts(g, "categories", filter.categories());
    }
    if (!filter.channels().isEmpty()) {
      texts(g, "channels", filter.channels());
    }
    if (!filter.excludedProducts().isEmpty()) {
      idSet(g, "excludedProducts", filter.excludedProducts());
    }
    g.writeEndObject();
  }

  private static EarnFilter readFilter(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "earn filter", new String[0], "products",
        "categories", "channels", "excludedProducts");
    if (o == null) {
      return null;
    }
    Set<ProductId> products = o.optionalSet("products", mapped(ProductId.class));
    Set<String> categories = o.optionalSet("categories", LoyaltyJson::text);
    Set<String> channels = o.optionalSet("channels", LoyaltyJson::text);
    Set<ProductId> excluded = o.optionalSet("excludedProducts", mapped(ProductId.class));
    return o.build(() -> new EarnFilter(products, categories, channels, excluded));
  }

  private static void writeRule(EarnRule rule, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", rule.code());
    g.writeStringField("name", rule.name());
    g.writeStringField("currency", rule.currency().code());
    g.writeFieldName("basis");
    writeBasis(rule.basis(), g);
    if (!rule.filter().equals(EarnFilter.ANY)) {
      g.writeFieldName("filter");
      writeFilter(rule.filter(), g);
    }
    g.writeBooleanField("tierMultiplied", rule.tierMultiplied());
    if (rule.activeDuring().isDefined()) {
      g.writeObjectField("activeDuring", rule.activeDuring().get());
    }
    if (rule.capPerActivity().isDefined()) {
      g.writeNumberField("capPerActivity", rule.capPerActivity().get());
    }
    if (rule.capPerDay().isDefined()) {
      g.writeNumberField("capPerDay", rule.capPerDay().get());
    }
    g.writeEndObject();
  }

  private static EarnRule readRule(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "earn rule",
        new String[] {"code", "name", "currency", "basis", "tierMultiplied"}, "filter",
        "activeDuring", "capPerActivity", "capPerDay");
    if (o == null) {
      return null;
    }
    String code = o.text("code");
    String name = o.text("name");
    PointCurrency currency = o.part("currency", LoyaltyJson::currency);
    EarnBasis basis = o.part("basis", LoyaltyJson::readBasis);
    Option<EarnFilter> filter = o.optionalPart("filter", LoyaltyJson::readFilter);
    Boolean multiplied = o.bool("tierMultiplied");
    Option<TimeWindow> during = o.optional("activeDuring", TimeWindow.class);
    Option<Long> capPerActivity = optionalNumber(o, "capPerActivity");
    Option<Long> capPerDay = optionalNumber(o, "capPerDay");
    return o.build(() -> new EarnRule(code, name, currency, basis,
        filter.getOrElse(EarnFilter.ANY), multiplied, during, capPerActivity, capPerDay));
  }

  // ---- tiers

  private static void writeThreshold(TierThreshold threshold, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    if (threshold instanceof TierThreshold.QualifyingPoints points) {
      g.writeStringField(KIND, "qualifying_points");
      g.writeStringField("currency", points.currency().code());
      g.writeNumberField("minimum", points.minimum());
    } else if (threshold instanceof TierThreshold.Spend spend) {
      g.writeStringField(KIND, "spend");
      g.writeObjectField("minimum", spend.minimum());
    } else if (threshold instanceof TierThreshold.Purchases purchases) {
      g.writeStringField(KIND, "purchases");
      g.writeNumberField("minimum", purchases.minimum());
    } else {
      g.writeStringField(KIND, "referrals");
      g.writeNumberField("minimum", ((TierThreshold.Referrals) threshold).minimum());
    }
    g.writeEndObject();
  }

  private static TierThreshold readThreshold(CollectingReader r, JsonNode n, String path) {
    String kind = r.kindOf(n, path, "tier threshold", new String[] {"currency", "minimum"});
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "qualifying_points": {
        CollectingReader.Obj o = r.object(n, path, "qualifying points threshold",
            CollectingReader.withKind("currency", "minimum"));
        PointCurrency currency = o.part("currency", LoyaltyJson::currency);
        Long minimum = o.number("minimum");
        return o.build(() -> new TierThreshold.QualifyingPoints(currency, minimum));
      }
      case "spend": {
        CollectingReader.Obj o = r.object(n, path, "spend threshold", CollectingReader.withKind("minimum"));
        Money minimum = o.value("minimum", Money.class);
        return o.build(() -> new TierThreshold.Spend(minimum));
      }
      case "purchases": {
        CollectingReader.Obj o = r.object(n, path, "purchases threshold", CollectingReader.withKind("minimum"));
        Long minimum = o.number("minimum");
        return o.build(() -> new TierThreshold.Purchases(minimum));
      }
      case "referrals": {
        CollectingReader.Obj o = r.object(n, path, "referrals threshold", CollectingReader.withKind("minimum"));
        Long minimum = o.number("minimum");
        return o.build(() -> new TierThreshold.Referrals(minimum));
      }
      default:
        return r.unknownKind(path, kind, "tier threshold",
            "qualifying_points, spend, purchases, referrals");
    }
  }

  private static void writeBenefits(TierBenefits benefits, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("discount", benefits.discount().toString());
    g.writeStringField("pointsMultiplier", benefits.pointsMultiplier().toPlainString());
    if (benefits.servicePriority().isDefined()) {
      g.writeStringField("servicePriority", benefits.servicePriority().get().name());
    }
    texts(g, "perks", benefits.perks());
    g.writeEndObject();
  }

  private static TierBenefits readBenefits(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "tier benefits",
        new String[] {"discount", "pointsMultiplier"}, "servicePriority", "perks");
    if (o == null) {
      return null;
    }
    Percentage discount = o.value("discount", Percentage.class);
    BigDecimal multiplier = o.part("pointsMultiplier", LoyaltyJson::decimal);
    Option<Priority> priority = Option.of(o.has("servicePriority")
        ? o.constant("servicePriority", Priority.class) : null);
    Set<String> perks = o.optionalSet("perks", LoyaltyJson::text);
    return o.build(() -> new TierBenefits(discount, multiplier, priority, perks));
  }

  private static void writeTier(Tier tier, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", tier.code());
    g.writeStringField("name", tier.name());
    g.writeArrayFieldStart("anyOf");
    for (TierThreshold threshold : tier.anyOf()) {
      writeThreshold(threshold, g);
    }
    g.writeEndArray();
    g.writeFieldName("benefits");
    writeBenefits(tier.benefits(), g);
    g.writeEndObject();
  }

  private static Tier readTier(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "tier", new String[] {"code", "name"}, "anyOf",
        "benefits");
    if (o == null) {
      return null;
    }
    String code = o.text("code");
    String name = o.text("name");
    Vector<TierThreshold> anyOf = o.optionalList("anyOf", LoyaltyJson::readThreshold);
    Option<TierBenefits> benefits = o.optionalPart("benefits", LoyaltyJson::readBenefits);
    return o.build(() -> new Tier(code, name, anyOf, benefits.getOrElse(TierBenefits.NONE)));
  }

  private static void writeWindow(TierWindow window, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (window instanceof TierWindow.Rolling rolling) {
      g.writeStringField(KIND, "rolling");
      g.writeNumberField("months", rolling.months());
    } else if (window instanceof TierWindow.Anniversary) {
      g.writeStringField(KIND, "anniversary");
    } else {
      g.writeStringField(KIND, "calendar_year");
    }
    g.writeEndObject();
  }

  private static TierWindow readWindow(CollectingReader r, JsonNode n, String path) {
    String kind = r.kindOf(n, path, "tier window", new String[] {"months"});
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "calendar_year": {
        CollectingReader.Obj o = r.object(n, path, "tier window", CollectingReader.withKind());
        return o.build(TierWindow.CalendarYear::new);
      }
      case "anniversary": {
        CollectingReader.Obj o = r.object(n, path, "tier window", CollectingReader.withKind());
        return o.build(TierWindow.Anniversary::new);
      }
      case "rolling": {
        CollectingReader.Obj o = r.object(n, path, "rolling tier window", CollectingReader.withKind("months"));
        Integer months = o.integer("months");
        return o.build(() -> new TierWindow.Rolling(months));
      }
      default:
        return r.unknownKind(path, kind, "tier window", "calendar_year, anniversary, rolling");
    }
  }

  private static void writeLadder(TierLadder ladder, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("tiers");
    for (Tier tier : ladder.tiers()) {
      writeTier(tier, g);
    }
    g.writeEndArray();
    g.writeFieldName("window");
    writeWindow(ladder.window(), g);
    g.writeStringField("grace", ladder.grace().toString());
    g.writeStringField("downgrade", ladder.downgrade().name());
    g.writeEndObject();
  }

  private static TierLadder readLadder(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "tier ladder",
        new String[] {"tiers", "window", "grace", "downgrade"});
    if (o == null) {
      return null;
    }
    Vector<Tier> tiers = o.list("tiers", LoyaltyJson::readTier);
    TierWindow window = o.part("window", LoyaltyJson::readWindow);
    Period grace = o.part("grace", LoyaltyJson::period);
    DowngradePolicy downgrade = o.constant("downgrade", DowngradePolicy.class);
    return o.build(() -> new TierLadder(tiers, window, grace, downgrade));
  }

  private static void writeReferral(ReferralRule referral, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("trigger", referral.trigger().name());
    g.writeStringField("currency", referral.currency().code());
    g.writeNumberField("referrerPoints", referral.referrerPoints());
    g.writeNumberField("referredPoints", referral.referredPoints());
    g.writeEndObject();
  }

  private static ReferralRule readReferral(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "referral rule",
        new String[] {"trigger", "currency", "referrerPoints", "referredPoints"});
    if (o == null) {
      return null;
    }
    ReferralTrigger trigger = o.constant("trigger", ReferralTrigger.class);
    PointCurrency currency = o.part("currency", LoyaltyJson::currency);
    Long referrer = o.number("referrerPoints");
    Long referred = o.number("referredPoints");
    return o.build(() -> new ReferralRule(trigger, currency, referrer, referred));
  }

  // ---- programs

  private static void writeProgram(LoyaltyProgram program, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", program.id().value());
    g.writeStringField("name", program.name());
    g.writeStringField("zone", program.zone().getId());
    g.writeStringField("spendCurrency", program.spendCurrency().getCurrencyCode());
    g.writeArrayFieldStart("currencies");
    for (ProgramCurrency currency : program.currencies()) {
      writeProgramCurrency(currency, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("earnRules");
    for (EarnRule rule : program.earnRules()) {
      writeRule(rule, g);
    }
    g.writeEndArray();
    g.writeFieldName("ladder");
    writeLadder(program.ladder(), g);
    if (program.referral().isDefined()) {
      g.writeFieldName("referral");
      writeReferral(program.referral().get(), g);
    }
    g.writeStringField("redemptionOrder", program.redemptionOrder().name());
    g.writeStringField("negativeBalance", program.negativeBalance().name());
    g.writeNumberField("pendingDays", program.pendingDays());
    instant(g, "updatedAt", program.updatedAt());
    g.writeEndObject();
  }

  private static LoyaltyProgram readProgram(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "loyalty program", new String[] {"id", "name",
        "zone", "spendCurrency", "currencies", "earnRules", "ladder", "redemptionOrder",
        "negativeBalance", "pendingDays", "updatedAt"}, "referral");
    if (o == null) {
      return null;
    }
    LoyaltyProgramId id = o.value("id", LoyaltyProgramId.class);
    String name = o.text("name");
    ZoneId zone = o.part("zone", CollectingReader::zone);
    Currency spend = o.part("spendCurrency", CollectingReader::currency);
    Vector<ProgramCurrency> currencies = o.list("currencies", LoyaltyJson::readProgramCurrency);
    Vector<EarnRule> rules = o.list("earnRules", LoyaltyJson::readRule);
    TierLadder ladder = o.part("ladder", LoyaltyJson::readLadder);
    Option<ReferralRule> referral = o.optionalPart("referral", LoyaltyJson::readReferral);
    RedemptionOrder order = o.constant("redemptionOrder", RedemptionOrder.class);
    NegativeBalancePolicy negative = o.constant("negativeBalance", NegativeBalancePolicy.class);
    Integer pendingDays = o.integer("pendingDays");
    Instant updatedAt = o.value("updatedAt", Instant.class);
    return o.buildAnyway(() -> new LoyaltyProgram(o.or(id, LoyaltyProgramId.parse("unread")),
        o.or(name, "unread"), o.or(zone, ZoneOffset.UTC),
        o.or(spend, Currency.getInstance("CNY")), o.or(currencies, Vector.empty()),
        o.or(rules, Vector.empty()), o.or(ladder, LADDER), o.or(referral, Option.none()),
        o.or(order, RedemptionOrder.OLDEST_FIRST),
        o.or(negative, NegativeBalancePolicy.ALLOW), o.or(pendingDays, 0),
        o.or(updatedAt, Instant.EPOCH)), PROGRAM_DEPENDENTS);
  }

  // ---- ledgers

  private static void writeShare(LotShare share, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("lot", share.lot());
    g.writeStringField("currency", share.currency().code());
    g.writeNumberField("amount", share.amount());
    g.writeEndObject();
  }

  private static LotShare readShare(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "lot share",
        new String[] {"lot", "currency", "amount"});
    if (o == null) {
      return null;
    }
    Integer lot = o.integer("lot");
    PointCurrency currency = o.part("currency", LoyaltyJson::currency);
    Long amount = o.number("amount");
    return o.build(() -> new LotShare(lot, currency, amount));
  }

  private static void writeLot(PointsLot lot, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("number", lot.number());
    g.writeStringField("currency", lot.currency().code());
    g.writeNumberField("amount", lot.amount());
    g.writeNumberField("remaining", lot.remaining());
    g.writeNumberField("spent", lot.spent());
    instant(g, "earnedAt", lot.earnedAt());
    optionalInstant(g, "expiresAt", lot.expiresAt());
    optionalInstant(g, "lockedUntil", lot.lockedUntil());
    g.writeStringField("source", lot.source().toString());
    g.writeStringField("reason", lot.reason());
    g.writeEndObject();
  }

  private static PointsLot readLot(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "points lot", new String[] {"number", "currency",
        "amount", "remaining", "spent", "earnedAt", "source", "reason"}, "expiresAt",
        "lockedUntil");
    if (o == null) {
      return null;
    }
    Integer number = o.integer("number");
    PointCurrency currency = o.part("currency", LoyaltyJson::currency);
    Long amount = o.number("amount");
    Long remaining = o.number("remaining");
    Long spent = o.number("spent");
    Instant earnedAt = o.value("earnedAt", Instant.class);
    Option<Instant> expiresAt = o.optional("expiresAt", Instant.class);
    Option<Instant> lockedUntil = o.optional("lockedUntil", Instant.class);
    RecordRef source = o.value("source", RecordRef.class);
    String reason = o.text("reason");
    return o.build(() -> new PointsLot(number, currency, amount, remaining, spent, earnedAt,
        expiresAt, lockedUntil, source, reason));
  }

  private static void writeEntry(LedgerEntry entry, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (entry instanceof LedgerEntry.Earned e) {
      g.writeStringField(KIND, "earned");
      instant(g, "at", e.at());
      g.writeNumberField("lot", e.lot());
      g.writeStringField("currency", e.currency().code());
      g.writeNumberField("amount", e.amount());
      g.writeNumberField("debtPaid", e.debtPaid());
      optionalInstant(g, "expiresAt", e.expiresAt());
      optionalInstant(g, "lockedUntil", e.lockedUntil());
      g.writeStringField("source", e.source().toString());
    } else if (entry instanceof LedgerEntry.Redeemed e) {
      g.writeStringField(KIND, "redeemed");
      instant(g, "at", e.at());
      g.writeStringField("currency", e.currency().code());
      g.writeNumberField("amount", e.amount());
      g.writeStringField("order", e.order().name());
      shares(g, "paidBy", e.paidBy());
      g.writeStringField("source", e.source().toString());
    } else if (entry instanceof LedgerEntry.Expired e) {
      g.writeStringField(KIND, "expired");
      instant(g, "at", e.at());
      instant(g, "asOf", e.asOf());
      shares(g, "lots", e.lots());
    } else if (entry instanceof LedgerEntry.Adjusted e) {
      g.writeStringField(KIND, "adjusted");
      instant(g, "at", e.at());
      g.writeStringField("currency", e.currency().code());
      g.writeNumberField("amount", e.amount());
      if (e.lot().isDefined()) {
        g.writeNumberField("lot", e.lot().get());
      }
      g.writeNumberField("debtPaid", e.debtPaid());
      shares(g, "taken", e.taken());
      g.writeNumberField("debtIncurred", e.debtIncurred());
      g.writeStringField("reason", e.reason());
      g.writeStringField("actor", e.actor().value());
    } else if (entry instanceof LedgerEntry.ClawedBack e) {
      g.writeStringField(KIND, "clawed_back");
      instant(g, "at", e.at());
      g.writeStringField("source", e.source().toString());
      shares(g, "taken", e.taken());
      shares(g, "covered", e.covered());
      amounts(g, "debtIncurred", e.debtIncurred());
      amounts(g, "forfeited", e.forfeited());
    } else {
      LedgerEntry.RedemptionReversed e = (LedgerEntry.RedemptionReversed) entry;
      g.writeStringField(KIND, "redemption_reversed");
      instant(g, "at", e.at());
      g.writeStringField("source", e.source().toString());
      shares(g, "restored", e.restored());
      shares(g, "lapsed", e.lapsed());
    }
    g.writeEndObject();
  }

  private static LedgerEntry readEntry(CollectingReader r, JsonNode n, String path) {
    String kind = r.kindOf(n, path, "ledger entry", new String[] {"at", "lot", "currency",
        "amount", "debtPaid", "expiresAt", "lockedUntil", "source", "order", "paidBy", "asOf",
        "lots", "taken", "debtIncurred", "reason", "actor", "covered", "forfeited", "restored",
        "lapsed"});
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "earned": {
        CollectingReader.Obj o = r.object(n, path, "earned entry",
            CollectingReader.withKind("at", "lot", "currency", "amount", "debtPaid", "source"), "expiresAt",
            "lockedUntil");
        Instant at = o.value("at", Instant.class);
        Integer lot = o.integer("lot");
        PointCurrency currency = o.part("currency", LoyaltyJson::currency);
        Long amount = o.number("amount");
        Long debtPaid = o.number("debtPaid");
        Option<Instant> expiresAt = o.optional("expiresAt", Instant.class);
        Option<Instant> lockedUntil = o.optional("lockedUntil", Instant.class);
        RecordRef source = o.value("source", RecordRef.class);
        return o.build(() -> new LedgerEntry.Earned(at, lot, currency, amount, debtPaid,
            expiresAt, lockedUntil, source));
      }
      case "redeemed": {
        CollectingReader.Obj o = r.object(n, path, "redeemed entry",
            CollectingReader.withKind("at", "currency", "amount", "order", "paidBy", "source"));
        Instant at = o.value("at", Instant.class);
        PointCurrency currency = o.part("currency", LoyaltyJson::currency);
        Long amount = o.number("amount");
        RedemptionOrder order = o.constant("order", RedemptionOrder.class);
        Vector<LotShare> paidBy = o.list("paidBy", LoyaltyJson::readShare);
        RecordRef source = o.value("source", RecordRef.class);
        return o.build(() -> new LedgerEntry.Redeemed(at, currency, amount, order, paidBy,
            source));
      }
      case "expired": {
        CollectingReader.Obj o = r.object(n, path, "expired entry", CollectingReader.withKind("at", "asOf", "lots"));
        Instant at = o.value("at", Instant.class);
        Instant asOf = o.value("asOf", Instant.class);
        Vector<LotShare> lots = o.list("lots", LoyaltyJson::readShare);
        return o.build(() -> new LedgerEntry.Expired(at, asOf, lots));
      }
      case "adjusted": {
        CollectingReader.Obj o = r.object(n, path, "adjusted entry", CollectingReader.withKind("at", "currency",
            "amount", "debtPaid", "taken", "debtIncurred", "reason", "actor"), "lot");
        Instant at = o.value("at", Instant.class);
        PointCurrency currency = o.part("currency", LoyaltyJson::currency);
        Long amount = o.number("amount");
        Option<Integer> lot = Option.of(o.has("lot") ? o.integer("lot") : null);
        Long debtPaid = o.number("debtPaid");
        Vector<LotShare> taken = o.list("taken", LoyaltyJson::readShare);
        Long debtIncurred = o.number("debtIncurred");
        String reason = o.text("reason");
        ActorId actor = o.value("actor", ActorId.class);
        return o.build(() -> new LedgerEntry.Adjusted(at, currency, amount, lot, debtPaid,
            taken, debtIncurred, reason, actor));
      }
      case "clawed_back": {
        CollectingReader.Obj o = r.object(n, path, "clawed back entry",
            CollectingReader.withKind("at", "source", "taken", "covered", "debtIncurred", "forfeited"));
        Instant at = o.value("at", Instant.class);
        RecordRef source = o.value("source", RecordRef.class);
        Vector<LotShare> taken = o.list("taken", LoyaltyJson::readShare);
        Vector<LotShare> covered = o.list("covered", LoyaltyJson::readShare);
        Map<PointCurrency, Long> debt = o.part("debtIncurred", LoyaltyJson::amounts);
        Map<PointCurrency, Long> forfeited = o.part("forfeited", LoyaltyJson::amounts);
        return o.build(() -> new LedgerEntry.ClawedBack(at, source, taken, covered, debt,
            forfeited));
      }
      case "redemption_reversed": {
        CollectingReader.Obj o = r.object(n, path, "redemption reversed entry",
            CollectingReader.withKind("at", "source", "restored", "lapsed"));
        Instant at = o.value("at", Instant.class);
        RecordRef source = o.value("source", RecordRef.class);
        Vector<LotShare> restored = o.list("restored", LoyaltyJson::readShare);
        Vector<LotShare> lapsed = o.list("lapsed", LoyaltyJson::readShare);
        return o.build(() -> new LedgerEntry.RedemptionReversed(at, source, restored, lapsed));
      }
      default:
        return r.unknownKind(path, kind, "ledger entry", "earned, redeemed, expired, adjusted,"
            + " clawed_back, redemption_reversed");
    }
  }

  private static void writeLedger(PointsLedger ledger, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("policy", ledger.policy().name());
    g.writeArrayFieldStart("lots");
    for (PointsLot lot : ledger.lots()) {
      writeLot(lot, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("journal");
    for (LedgerEntry entry : ledger.journal()) {
      writeEntry(entry, g);
    }
    g.writeEndArray();
    amounts(g, "debt", ledger.debts());
    refs(g, "clawedBack", ledger.clawedBackSources());
    refs(g, "reversedRedemptions", ledger.reversedRedemptions());
    optionalInstant(g, "updatedAt", ledger.updatedAt());
    g.writeEndObject();
  }

  private static PointsLedger readLedger(CollectingReader r, JsonNode n, String path,
      LoyaltyAccountId id) {
    CollectingReader.Obj o = r.object(n, path, "points ledger", new String[] {"policy", "lots",
        "journal"}, "debt", "clawedBack", "reversedRedemptions", "updatedAt");
    if (o == null) {
      return null;
    }
    NegativeBalancePolicy policy = o.constant("policy", NegativeBalancePolicy.class);
    Vector<PointsLot> lots = o.list("lots", LoyaltyJson::readLot);
    Vector<LedgerEntry> journal = o.list("journal", LoyaltyJson::readEntry);
    Option<Map<PointCurrency, Long>> debt = o.optionalPart("debt", LoyaltyJson::amounts);
    Set<RecordRef> clawedBack = o.optionalSet("clawedBack", mapped(RecordRef.class));
    Set<RecordRef> reversed = o.optionalSet("reversedRedemptions", mapped(RecordRef.class));
    Option<Instant> updatedAt = o.optional("updatedAt", Instant.class);
    if (o.failed()) {
      return null;
    }
    try {
      Validation<Seq<Violation>, PointsLedger> restored = PointsLedger.restore(id, policy, lots,
          journal, debt.getOrElse(HashMap.empty()), clawedBack, reversed, updatedAt);
      if (restored.isValid()) {
        return restored.get();
      }
      r.violations(path, restored.getError(), false);
    } catch (InvalidValueException invalid) {
      r.violations(path, invalid.violations(), false);
    }
    return null;
  }

  // ---- accounts

  private static void writeQualifying(QualifyingEntry entry, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    instant(g, "at", entry.at());
    g.writeStringField("source", entry.source().toString());
    amounts(g, "points", entry.points());
    g.writeObjectField("spend", entry.spend());
    g.writeNumberField("purchases", entry.purchases());
    g.writeNumberField("referrals", entry.referrals());
    g.writeBooleanField("reversal", entry.reversal());
    g.writeEndObject();
  }

  private static QualifyingEntry readQualifying(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "qualifying entry", new String[] {"at", "source",
        "points", "spend", "purchases", "referrals", "reversal"});
    if (o == null) {
      return null;
    }
    Instant at = o.value("at", Instant.class);
    RecordRef source = o.value("source", RecordRef.class);
    Map<PointCurrency, Long> points = o.part("points", LoyaltyJson::amounts);
    Money spend = o.value("spend", Money.class);
    Long purchases = o.number("purchases");
    Long referrals = o.number("referrals");
    Boolean reversal = o.bool("reversal");
    return o.build(() -> new QualifyingEntry(at, source, points, spend, purchases, referrals,
        reversal));
  }

  private static void writeNotice(TierNotice notice, JsonGenerator g) throws IOException {
    g.writeStartObject();
    instant(g, "evaluatedAt", notice.evaluatedAt());
    instant(g, "effectiveAt", notice.effectiveAt());
    g.writeEndObject();
  }

  private static TierNotice readNotice(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "tier notice",
        new String[] {"evaluatedAt", "effectiveAt"});
    if (o == null) {
      return null;
    }
    Instant evaluatedAt = o.value("evaluatedAt", Instant.class);
    Instant effectiveAt = o.value("effectiveAt", Instant.class);
    return o.build(() -> new TierNotice(evaluatedAt, effectiveAt));
  }

  private static void writeStatus(TierStatus status, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("tier", status.tier());
    instant(g, "since", status.since());
    instant(g, "nextEvaluation", status.nextEvaluation());
    if (status.notice().isDefined()) {
      g.writeFieldName("notice");
      writeNotice(status.notice().get(), g);
    }
    g.writeEndObject();
  }

  private static TierStatus readStatus(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "tier status",
        new String[] {"tier", "since", "nextEvaluation"}, "notice");
    if (o == null) {
      return null;
    }
    String tier = o.text("tier");
    Instant since = o.value("since", Instant.class);
    Instant next = o.value("nextEvaluation", Instant.class);
    Option<TierNotice> notice = o.optionalPart("notice", LoyaltyJson::readNotice);
    return o.build(() -> new TierStatus(tier, since, next, notice));
  }

  private static void writeChange(TierChange change, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("from", change.from());
    g.writeStringField("to", change.to());
    instant(g, "at", change.at());
    g.writeStringField("reason", change.reason().name());
    g.writeEndObject();
  }

  private static TierChange readChange(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "tier change",
        new String[] {"from", "to", "at", "reason"});
    if (o == null) {
      return null;
    }
    String from = o.text("from");
    String to = o.text("to");
    Instant at = o.value("at", Instant.class);
    TierChangeReason reason = o.constant("reason", TierChangeReason.class);
    return o.build(() -> new TierChange(from, to, at, reason));
  }

  private static void writeAccount(LoyaltyAccount account, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", account.id().value());
    g.writeStringField("program", account.program().value());
    g.writeStringField("customer", account.customer().value());
    instant(g, "joinedAt", account.joinedAt());
    g.writeFieldName("ledger");
    writeLedger(account.ledger(), g);
    g.writeArrayFieldStart("qualifying");
    for (QualifyingEntry entry : account.qualifying()) {
      writeQualifying(entry, g);
    }
    g.writeEndArray();
    g.writeFieldName("tier");
    writeStatus(account.tier(), g);
    g.writeArrayFieldStart("tierHistory");
    for (TierChange change : account.tierHistory()) {
      writeChange(change, g);
    }
    g.writeEndArray();
    if (account.referredBy().isDefined()) {
      g.writeStringField("referredBy", account.referredBy().get().value());
    }
    optionalInstant(g, "referralCompletedAt", account.referralCompletedAt());
    instant(g, "updatedAt", account.updatedAt());
    g.writeEndObject();
  }

  private static LoyaltyAccount readAccount(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "loyalty account", new String[] {"id", "program",
        "customer", "joinedAt", "ledger", "qualifying", "tier", "tierHistory", "updatedAt"},
        "referredBy", "referralCompletedAt");
    if (o == null) {
      return null;
    }
    LoyaltyAccountId id = o.value("id", LoyaltyAccountId.class);
    LoyaltyProgramId program = o.value("program", LoyaltyProgramId.class);
    CustomerId customer = o.value("customer", CustomerId.class);
    Instant joinedAt = o.value("joinedAt", Instant.class);
    LoyaltyAccountId ledgerId = id == null ? UNREAD : id;
    PointsLedger ledger = o.part("ledger", (reader, node, at) ->
        readLedger(reader, node, at, ledgerId));
    Vector<QualifyingEntry> qualifying = o.list("qualifying", LoyaltyJson::readQualifying);
    TierStatus tier = o.part("tier", LoyaltyJson::readStatus);
    Vector<TierChange> history = o.list("tierHistory", LoyaltyJson::readChange);
    Option<LoyaltyAccountId> referredBy = o.optional("referredBy", LoyaltyAccountId.class);
    Option<Instant> referralCompletedAt = o.optional("referralCompletedAt", Instant.class);
    Instant updatedAt = o.value("updatedAt", Instant.class);
    return o.build(() -> new LoyaltyAccount(id, program, customer, joinedAt, ledger, qualifying,
        tier, history, referredBy, referralCompletedAt, updatedAt));
  }
}
