package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.sales.Conversion;
import io.rapport.crm.sales.Disqualification;
import io.rapport.crm.sales.ForecastCategory;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadStatus;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.LostReason;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import io.rapport.crm.sales.Payment;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.Qualification;
import io.rapport.crm.sales.ReopenRule;
import io.rapport.crm.sales.Stage;
import io.rapport.crm.sales.StageCode;
import io.rapport.crm.sales.StageGuard;
import io.rapport.crm.sales.StageHistoryEntry;
import io.rapport.crm.sales.StageKind;
import io.rapport.crm.sales.StageTransition;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

/**
 * Maps the sales package (pipelines, opportunities, leads, purchases and their nested values) to
 * plain JSON and back, strictly (see docs/json.md). Optional values are absent when empty;
 * enumerations are written by name; stage codes, ids and currencies are strings; dates are
 * ISO-8601 ({@code "2026-10-01"}), durations too ({@code "P30D"}); a stage guard is an object with
 * a {@code "kind"} naming it ({@code {"kind":"minimum_amount","minimum":{…}}}). Reading rebuilds
 * each type through its checking constructor, so a broken invariant is reported as
 * {@code json.invalid_value} with the violations under the path, never half-read.
 */
final class SalesJson {

  private static final String MINIMUM_AMOUNT = "minimum_amount";
  private static final List<StageGuard> PLAIN_GUARDS = List.of(new StageGuard.AmountRequired(),
      new StageGuard.CloseDateRequired(), new StageGuard.QuoteRequired(),
      new StageGuard.LineItemsRequired(), new StageGuard.NextStepRequired());

  private SalesJson() {}

  /** Adds the sales package's mappings to the module. */
  static void addTo(RapportJsonModule module) {
    module.addValue(StageCode.class, (code, g) -> g.writeString(code.value()),
        (p, n) -> Fields.valid(p, StageCode.validated(Fields.text(p, n, null), "stage"),
            "stage code"));
    module.addValue(Stage.class, SalesJson::writeStage, SalesJson::readStage);
    module.addValue(StageGuard.class, SalesJson::writeGuard, SalesJson::readGuard);
    module.addValue(StageTransition.class, SalesJson::writeTransition, SalesJson::readTransition);
    module.addValue(LostReason.class, SalesJson::writeLostReason, SalesJson::readLostReason);
    module.addValue(ReopenRule.class, SalesJson::writeReopenRule, SalesJson::readReopenRule);
    module.addValue(Pipeline.class, SalesJson::writePipeline, SalesJson::readPipeline);
    module.addValue(LineItem.class, SalesJson::writeLineItem, SalesJson::readLineItem);
    module.addValue(StageHistoryEntry.class, SalesJson::writeEntry, SalesJson::readEntry);
    module.addValue(Opportunity.class, SalesJson::writeOpportunity, SalesJson::readOpportunity);
    module.addValue(Qualification.class, SalesJson::writeQualification,
        SalesJson::readQualification);
    module.addValue(Disqualification.class, SalesJson::writeDisqualification,
        SalesJson::readDisqualification);
    module.addValue(Conversion.class, SalesJson::writeConversion, SalesJson::readConversion);
    module.addValue(Lead.class, SalesJson::writeLead, SalesJson::readLead);
    module.addValue(PaymentTerms.class, SalesJson::writeTerms, SalesJson::readTerms);
    module.addValue(Payment.class, SalesJson::writePayment, SalesJson::readPayment);
    module.addValue(Purchase.class, SalesJson::writePurchase, SalesJson::readPurchase);
  }

  // ---- writing helpers

  /** Writes ids, instants, dates, codes and text directly; anything else through its mapping. */
  private static void write(JsonGenerator g, String name, Object value) throws IOException {
    if (value instanceof TypedId) {
      g.writeStringField(name, ((TypedId) value).value());
    } else if (value instanceof Instant) {
      g.writeStringField(name, IsoInstants.format((Instant) value));
    } else if (value instanceof String) {
      g.writeStringField(name, (String) value);
    } else if (value instanceof StageCode) {
      g.writeStringField(name, ((StageCode) value).value());
    } else if (value instanceof LocalDate || value instanceof Duration
        || value instanceof Percentage) {
      g.writeStringField(name, value.toString());
    } else if (value instanceof Boolean) {
      g.writeBooleanField(name, (Boolean) value);
    } else if (value instanceof Integer) {
      g.writeNumberField(name, (Integer) value);
    } else if (value instanceof Enum) {
      g.writeStringField(name, ((Enum<?>) value).name());
    } else {
      g.writeObjectField(name, value);
    }
  }

  private static void optional(JsonGenerator g, String name, Option<?> value) throws IOException {
    if (value.isDefined()) {
      write(g, name, value.get());
    }
  }

  /** Writes an array of values, each through {@link #element}. */
  private static void array(JsonGenerator g, String name, Iterable<?> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (Object value : values) {
      element(g, value);
    }
    g.writeEndArray();
  }

  private static void element(JsonGenerator g, Object value) throws IOException {
    if (value instanceof TypedId) {
      g.writeString(((TypedId) value).value());
    } else if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Stage) {
      writeStage((Stage) value, g);
    } else if (value instanceof StageGuard) {
      writeGuard((StageGuard) value, g);
    } else if (value instanceof StageTransition) {
      writeTransition((StageTransition) value, g);
    } else if (value instanceof LostReason) {
      writeLostReason((LostReason) value, g);
    } else if (value instanceof ReopenRule) {
      writeReopenRule((ReopenRule) value, g);
    } else if (value instanceof LineItem) {
      writeLineItem((LineItem) value, g);
    } else if (value instanceof StageHistoryEntry) {
      writeEntry((StageHistoryEntry) value, g);
    } else if (value instanceof Payment) {
      writePayment((Payment) value, g);
    } else {
      g.writeObject(value);
    }
  }

  // ---- reading helpers

  private static LocalDate date(JsonParser p, Fields f, String name) throws ValueProblem {
    String text = f.text(name);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException malformed) {
      throw new ValueProblem(p, "json.invalid_value", name,
          "Expected a date such as 2026-10-01, got '" + text + "'", List.empty());
    }
  }

  private static Option<LocalDate> optionalDate(JsonParser p, Fields f, String name)
      throws ValueProblem {
    return f.has(name) ? Option.of(date(p, f, name)) : Option.none();
  }

  private static Duration duration(JsonParser p, Fields f, String name) throws ValueProblem {
    String text = f.text(name);
    try {
      return Duration.parse(text);
    } catch (DateTimeException malformed) {
      throw new ValueProblem(p, "json.invalid_value", name,
          "Expected an ISO-8601 duration such as P30D or PT4H, got '" + text + "'", List.empty());
    }
  }

  private static Currency currency(JsonParser p, Fields f, String name) throws ValueProblem {
    String code = f.text(name);
    try {
      Currency currency = Currency.getInstance(code);
      if (currency.getDefaultFractionDigits() >= 0) {
        return currency;
      }
    } catch (IllegalArgumentException unknown) {
      // reported below
    }
    throw new ValueProblem(p, "json.invalid_value", name,
        "Expected an ISO 4217 currency with a minor unit, such as CNY, got '" + code + "'",
        List.empty());
  }

  private static int integer(JsonParser p, Fields f, String name) throws ValueProblem {
    long value = f.integer(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new ValueProblem(p, "json.invalid_value", name,
          "Expected '" + name + "' to fit an int, got " + value, List.empty());
    }
    return (int) value;
  }

  private static Option<Boolean> optionalBool(Fields f, String name) throws ValueProblem {
    return f.has(name) ? Option.of(f.bool(name)) : Option.none();
  }

  // ---- pipelines

  private static void writeStage(Stage stage, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "code", stage.code());
    write(g, "name", stage.name());
    write(g, "kind", stage.kind());
    write(g, "probability", stage.probability());
    write(g, "category", stage.category());
    g.writeEndObject();
  }

  private static Stage readStage(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "stage", "code", "name", "kind", "probability", "category");
    StageCode code = f.value("code", StageCode.class);
    String name = f.text("name");
    StageKind kind = f.constant("kind", StageKind.class);
    Percentage probability = f.value("probability", Percentage.class);
    ForecastCategory category = f.constant("category", ForecastCategory.class);
    return Fields.construct(p, "stage", () -> new Stage(code, name, kind, probability, category));
  }

  private static void writeGuard(StageGuard guard, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", guard.code());
    if (guard instanceof StageGuard.MinimumAmount) {
      write(g, "minimum", ((StageGuard.MinimumAmount) guard).minimum());
    }
    g.writeEndObject();
  }

  private static StageGuard readGuard(JsonParser p, JsonNode n) throws IOException {
    if (n == null || !n.isObject()) {
      throw new ValueProblem(p, "json.wrong_type", null, "Expected a stage guard as a JSON object",
          List.empty());
    }
    if (!n.has("kind") || n.get("kind").isNull()) {
      throw new ValueProblem(p, "json.missing_property", "kind",
          "A stage guard needs a kind: " + guardKinds(), List.empty());
    }
    String kind = Fields.text(p, n.get("kind"), "kind");
    if (kind.equals(MINIMUM_AMOUNT)) {
      Money minimum = Fields.of(p, n, "minimum amount guard", "kind", "minimum")
          .value("minimum", Money.class);
      return Fields.construct(p, "minimum amount guard",
          () -> new StageGuard.MinimumAmount(minimum));
    }
    Option<StageGuard> plain = PLAIN_GUARDS.find(guard -> guard.code().equals(kind));
    if (plain.isEmpty()) {
      throw new ValueProblem(p, "json.invalid_value", "kind", "Unknown stage guard kind '" + kind
          + "'; expected one of " + guardKinds(), List.empty());
    }
    Fields.of(p, n, kind + " guard", "kind");
    return plain.get();
  }

  private static String guardKinds() {
    return PLAIN_GUARDS.map(StageGuard::code).append(MINIMUM_AMOUNT).mkString(", ");
  }

  private static void writeTransition(StageTransition transition, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    write(g, "from", transition.from());
    write(g, "to", transition.to());
    array(g, "guards", transition.guards());
    g.writeEndObject();
  }

  private static StageTransition readTransition(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "stage transition", "from", "to", "guards");
    StageCode from = f.value("from", StageCode.class);
    StageCode to = f.value("to", StageCode.class);
    List<StageGuard> guards = f.list("guards", StageGuard.class);
    return Fields.construct(p, "stage transition", () -> new StageTransition(from, to, guards));
  }

  private static void writeLostReason(LostReason reason, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "code", reason.code());
    write(g, "label", reason.label());
    g.writeEndObject();
  }

  private static LostReason readLostReason(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "lost reason", "code", "label");
    String code = f.text("code");
    String label = f.text("label");
    return Fields.construct(p, "lost reason", () -> new LostReason(code, label));
  }

  private static void writeReopenRule(ReopenRule rule, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "from", rule.from());
    optional(g, "within", rule.within());
    write(g, "to", rule.to());
    g.writeEndObject();
  }

  private static ReopenRule readReopenRule(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "reopen rule", new String[] {"from", "to"}, "within");
    StageKind from = f.constant("from", StageKind.class);
    Option<Duration> within = f.has("within") ? Option.of(duration(p, f, "within"))
        : Option.none();
    StageCode to = f.value("to", StageCode.class);
    return Fields.construct(p, "reopen rule", () -> new ReopenRule(from, within, to));
  }

  private static void writePipeline(Pipeline pipeline, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "id", pipeline.id());
    write(g, "name", pipeline.name());
    array(g, "stages", pipeline.stages());
    array(g, "transitions", pipeline.transitions());
    array(g, "lostReasons", pipeline.lostReasons());
    array(g, "reopenRules", pipeline.reopenRules());
    write(g, "active", pipeline.active());
    write(g, "updatedAt", pipeline.updatedAt());
    g.writeEndObject();
  }

  private static Pipeline readPipeline(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "pipeline", "id", "name", "stages", "transitions", "lostReasons",
        "reopenRules", "active", "updatedAt");
    PipelineId id = f.value("id", PipelineId.class);
    String name = f.text("name");
    List<Stage> stages = f.list("stages", Stage.class);
    List<StageTransition> transitions = f.list("transitions", StageTransition.class);
    List<LostReason> lostReasons = f.list("lostReasons", LostReason.class);
    List<ReopenRule> reopenRules = f.list("reopenRules", ReopenRule.class);
    boolean active = f.bool("active");
    Instant updatedAt = f.value("updatedAt", Instant.class);
    return Fields.construct(p, "pipeline", () -> new Pipeline(id, name, stages, transitions,
        lostReasons, reopenRules, active, updatedAt));
  }

  // ---- opportunities

  private static void writeLineItem(LineItem item, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "product", item.product());
    optional(g, "description", item.description());
    write(g, "quantity", item.quantity());
    write(g, "unitPrice", item.unitPrice());
    write(g, "discount", item.discount());
    g.writeEndObject();
  }

  private static LineItem readLineItem(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "line item",
        new String[] {"product", "quantity", "unitPrice", "discount"}, "description");
    ProductId product = f.value("product", ProductId.class);
    Option<String> description = f.optionalText("description");
    Quantity quantity = f.value("quantity", Quantity.class);
    UnitPrice unitPrice = f.value("unitPrice", UnitPrice.class);
    Percentage discount = f.value("discount", Percentage.class);
    return Fields.construct(p, "line item",
        () -> new LineItem(product, description, quantity, unitPrice, discount));
  }

  private static void writeEntry(StageHistoryEntry entry, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "at", entry.at());
    write(g, "by", entry.by());
    write(g, "stage", entry.stage());
    optional(g, "amount", entry.amount());
    write(g, "probability", entry.probability());
    write(g, "probabilityOverridden", entry.probabilityOverridden());
    write(g, "category", entry.category());
    write(g, "categoryOverridden", entry.categoryOverridden());
    optional(g, "expectedClose", entry.expectedClose());
    g.writeEndObject();
  }

  private static StageHistoryEntry readEntry(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "stage history entry", new String[] {"at", "by", "stage",
        "probability", "probabilityOverridden", "category", "categoryOverridden"}, "amount",
        "expectedClose");
    Instant at = f.value("at", Instant.class);
    ActorId by = f.value("by", ActorId.class);
    StageCode stage = f.value("stage", StageCode.class);
    Option<Money> amount = f.optional("amount", Money.class);
    Percentage probability = f.value("probability", Percentage.class);
    boolean probabilityOverridden = f.bool("probabilityOverridden");
    ForecastCategory category = f.constant("category", ForecastCategory.class);
    boolean categoryOverridden = f.bool("categoryOverridden");
    Option<LocalDate> expectedClose = optionalDate(p, f, "expectedClose");
    return Fields.construct(p, "stage history entry", () -> new StageHistoryEntry(at, by, stage,
        amount, probability, probabilityOverridden, category, categoryOverridden, expectedClose));
  }

  private static void writeOpportunity(Opportunity o, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "id", o.id());
    write(g, "name", o.name());
    write(g, "customer", o.customer());
    write(g, "pipeline", o.pipeline());
    write(g, "stage", o.stage());
    write(g, "status", o.status());
    write(g, "owner", o.owner());
    optional(g, "team", o.team());
    write(g, "currency", o.currency().getCurrencyCode());
    optional(g, "enteredAmount", o.enteredAmount());
    array(g, "lineItems", o.lineItems());
    optional(g, "expectedClose", o.expectedClose());
    write(g, "probability", o.probability());
    write(g, "probabilityOverridden", o.probabilityOverridden());
    write(g, "category", o.category());
    write(g, "categoryOverridden", o.categoryOverridden());
    array(g, "competitors", o.competitors());
    optional(g, "nextStep", o.nextStep());
    optional(g, "quote", o.quote());
    optional(g, "lead", o.lead());
    if (o.lostReason().isDefined()) {
      g.writeFieldName("lostReason");
      writeLostReason(o.lostReason().get(), g);
    }
    optional(g, "purchase", o.purchase());
    write(g, "createdAt", o.createdAt());
    write(g, "createdBy", o.createdBy());
    write(g, "updatedAt", o.updatedAt());
    optional(g, "closedAt", o.closedAt());
    array(g, "history", o.history());
    g.writeEndObject();
  }

  private static Opportunity readOpportunity(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "opportunity", new String[] {"id", "name", "customer",
        "pipeline", "stage", "status", "owner", "currency", "lineItems", "probability",
        "probabilityOverridden", "category", "categoryOverridden", "competitors", "createdAt",
        "createdBy", "updatedAt", "history"}, "team", "enteredAmount", "expectedClose",
        "nextStep", "quote", "lead", "lostReason", "purchase", "closedAt");
    OpportunityId id = f.value("id", OpportunityId.class);
    String name = f.text("name");
    CustomerId customer = f.value("customer", CustomerId.class);
    PipelineId pipeline = f.value("pipeline", PipelineId.class);
    StageCode stage = f.value("stage", StageCode.class);
    OpportunityStatus status = f.constant("status", OpportunityStatus.class);
    EmployeeId owner = f.value("owner", EmployeeId.class);
    Option<TeamId> team = f.optional("team", TeamId.class);
    Currency currency = currency(p, f, "currency");
    Option<Money> enteredAmount = f.optional("enteredAmount", Money.class);
    List<LineItem> lineItems = f.list("lineItems", LineItem.class);
    Option<LocalDate> expectedClose = optionalDate(p, f, "expectedClose");
    Percentage probability = f.value("probability", Percentage.class);
    boolean probabilityOverridden = f.bool("probabilityOverridden");
    ForecastCategory category = f.constant("category", ForecastCategory.class);
    boolean categoryOverridden = f.bool("categoryOverridden");
    List<String> competitors = f.list("competitors", String.class);
    Option<String> nextStep = f.optionalText("nextStep");
    Option<QuoteId> quote = f.optional("quote", QuoteId.class);
    Option<LeadId> lead = f.optional("lead", LeadId.class);
    Option<LostReason> lostReason = f.optional("lostReason", LostReason.class);
    Option<PurchaseId> purchase = f.optional("purchase", PurchaseId.class);
    Instant createdAt = f.value("createdAt", Instant.class);
    ActorId createdBy = f.value("createdBy", ActorId.class);
    Instant updatedAt = f.value("updatedAt", Instant.class);
    Option<Instant> closedAt = f.optional("closedAt", Instant.class);
    List<StageHistoryEntry> history = f.list("history", StageHistoryEntry.class);
    return Fields.construct(p, "opportunity", () -> new Opportunity(id, name, customer, pipeline,
        stage, status, owner, team, currency, enteredAmount, lineItems, expectedClose,
        probability, probabilityOverridden, category, categoryOverridden, competitors, nextStep,
        quote, lead, lostReason, purchase, createdAt, createdBy, updatedAt, closedAt, history));
  }

  // ---- leads

  private static void writeQualification(Qualification q, JsonGenerator g) throws IOException {
    g.writeStartObject();
    optional(g, "budget", q.budget());
    optional(g, "decisionMaker", q.decisionMaker());
    optional(g, "need", q.need());
    optional(g, "timeline", q.timeline());
    g.writeEndObject();
  }

  private static Qualification readQualification(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "qualification", new String[0], "budget",
        "decisionMaker", "need", "timeline");
    Option<Money> budget = f.optional("budget", Money.class);
    Option<Boolean> decisionMaker = optionalBool(f, "decisionMaker");
    Option<String> need = f.optionalText("need");
    Option<LocalDate> timeline = optionalDate(p, f, "timeline");
    return Fields.construct(p, "qualification",
        () -> new Qualification(budget, decisionMaker, need, timeline));
  }

  private static void writeDisqualification(Disqualification d, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    write(g, "reason", d.reason());
    optional(g, "note", d.note());
    write(g, "at", d.at());
    write(g, "by", d.by());
    g.writeEndObject();
  }

  private static Disqualification readDisqualification(JsonParser p, JsonNode n)
      throws IOException {
    Fields f = Fields.withOptional(p, n, "disqualification", new String[] {"reason", "at", "by"},
        "note");
    String reason = f.text("reason");
    Option<String> note = f.optionalText("note");
    Instant at = f.value("at", Instant.class);
    ActorId by = f.value("by", ActorId.class);
    return Fields.construct(p, "disqualification", () -> new Disqualification(reason, note, at, by));
  }

  private static void writeConversion(Conversion c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "customer", c.customer());
    write(g, "existingCustomer", c.existingCustomer());
    optional(g, "opportunity", c.opportunity());
    write(g, "at", c.at());
    write(g, "by", c.by());
    g.writeEndObject();
  }

  private static Conversion readConversion(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "conversion",
        new String[] {"customer", "existingCustomer", "at", "by"}, "opportunity");
    CustomerId customer = f.value("customer", CustomerId.class);
    boolean existing = f.bool("existingCustomer");
    Option<OpportunityId> opportunity = f.optional("opportunity", OpportunityId.class);
    Instant at = f.value("at", Instant.class);
    ActorId by = f.value("by", ActorId.class);
    return Fields.construct(p, "conversion",
        () -> new Conversion(customer, existing, opportunity, at, by));
  }

  private static void writeLead(Lead l, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "id", l.id());
    write(g, "status", l.status());
    write(g, "name", l.name());
    optional(g, "organizationName", l.organizationName());
    array(g, "contactPoints", l.contactPoints());
    write(g, "source", l.source());
    g.writeFieldName("qualification");
    writeQualification(l.qualification(), g);
    array(g, "interests", l.interests());
    optional(g, "estimatedValue", l.estimatedValue());
    g.writeObjectFieldStart("attributes");
    for (Tuple2<String, String> attribute : l.attributes()) {
      g.writeStringField(attribute._1, attribute._2);
    }
    g.writeEndObject();
    optional(g, "score", l.score());
    optional(g, "owner", l.owner());
    optional(g, "team", l.team());
    if (l.disqualification().isDefined()) {
      g.writeFieldName("disqualification");
      writeDisqualification(l.disqualification().get(), g);
    }
    if (l.conversion().isDefined()) {
      g.writeFieldName("conversion");
      writeConversion(l.conversion().get(), g);
    }
    write(g, "createdAt", l.createdAt());
    write(g, "createdBy", l.createdBy());
    write(g, "updatedAt", l.updatedAt());
    g.writeEndObject();
  }

  private static Lead readLead(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "lead", new String[] {"id", "status", "name",
        "contactPoints", "source", "qualification", "interests", "attributes", "createdAt",
        "createdBy", "updatedAt"}, "organizationName", "estimatedValue", "score", "owner", "team",
        "disqualification", "conversion");
    LeadId id = f.value("id", LeadId.class);
    LeadStatus status = f.constant("status", LeadStatus.class);
    String name = f.text("name");
    Option<String> organizationName = f.optionalText("organizationName");
    List<ContactPoint> contactPoints = f.list("contactPoints", ContactPoint.class);
    AcquisitionSource source = f.value("source", AcquisitionSource.class);
    Qualification qualification = f.value("qualification", Qualification.class);
    List<ProductId> interests = f.list("interests", ProductId.class);
    Option<Money> estimatedValue = f.optional("estimatedValue", Money.class);
    SortedMap<String, String> attributes = TreeMap.empty();
    for (Map.Entry<String, JsonNode> attribute : f.object("attributes").properties()) {
      attributes = attributes.put(attribute.getKey(),
          Fields.text(p, attribute.getValue(), "attributes." + attribute.getKey()));
    }
    Option<Integer> score = f.has("score") ? Option.of(integer(p, f, "score")) : Option.none();
    Option<EmployeeId> owner = f.optional("owner", EmployeeId.class);
    Option<TeamId> team = f.optional("team", TeamId.class);
    Option<Disqualification> disqualification =
        f.optional("disqualification", Disqualification.class);
    Option<Conversion> conversion = f.optional("conversion", Conversion.class);
    Instant createdAt = f.value("createdAt", Instant.class);
    ActorId createdBy = f.value("createdBy", ActorId.class);
    Instant updatedAt = f.value("updatedAt", Instant.class);
    SortedMap<String, String> values = attributes;
    return Fields.construct(p, "lead", () -> new Lead(id, status, name, organizationName,
        contactPoints, source, qualification, interests, estimatedValue, values, score, owner,
        team, disqualification, conversion, createdAt, createdBy, updatedAt));
  }

  // ---- purchases

  private static void writeTerms(PaymentTerms terms, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "prepayment", terms.prepayment());
    write(g, "dueDays", terms.dueDays());
    g.writeEndObject();
  }

  private static PaymentTerms readTerms(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "payment terms", "prepayment", "dueDays");
    Percentage prepayment = f.value("prepayment", Percentage.class);
    int dueDays = integer(p, f, "dueDays");
    return Fields.construct(p, "payment terms", () -> new PaymentTerms(prepayment, dueDays));
  }

  private static void writePayment(Payment payment, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "at", payment.at());
    write(g, "by", payment.by());
    write(g, "amount", payment.amount());
    optional(g, "reference", payment.reference());
    g.writeEndObject();
  }

  private static Payment readPayment(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "payment", new String[] {"at", "by", "amount"},
        "reference");
    Instant at = f.value("at", Instant.class);
    ActorId by = f.value("by", ActorId.class);
    Money amount = f.value("amount", Money.class);
    Option<String> reference = f.optionalText("reference");
    return Fields.construct(p, "payment", () -> new Payment(at, by, amount, reference));
  }

  private static void writePurchase(Purchase purchase, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "id", purchase.id());
    write(g, "customer", purchase.customer());
    optional(g, "opportunity", purchase.opportunity());
    write(g, "channel", purchase.channel());
    array(g, "lines", purchase.lines());
    write(g, "total", purchase.total());
    g.writeFieldName("terms");
    writeTerms(purchase.terms(), g);
    write(g, "purchasedAt", purchase.purchasedAt());
    write(g, "recordedBy", purchase.recordedBy());
    array(g, "payments", purchase.payments());
    array(g, "refunds", purchase.refunds());
    optional(g, "deliveredAt", purchase.deliveredAt());
    write(g, "updatedAt", purchase.updatedAt());
    g.writeEndObject();
  }

  private static Purchase readPurchase(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "purchase", new String[] {"id", "customer", "channel",
        "lines", "total", "terms", "purchasedAt", "recordedBy", "payments", "refunds",
        "updatedAt"}, "opportunity", "deliveredAt");
    PurchaseId id = f.value("id", PurchaseId.class);
    CustomerId customer = f.value("customer", CustomerId.class);
    Option<OpportunityId> opportunity = f.optional("opportunity", OpportunityId.class);
    String channel = f.text("channel");
    List<LineItem> lines = f.list("lines", LineItem.class);
    Money total = f.value("total", Money.class);
    PaymentTerms terms = f.value("terms", PaymentTerms.class);
    Instant purchasedAt = f.value("purchasedAt", Instant.class);
    ActorId recordedBy = f.value("recordedBy", ActorId.class);
    List<Payment> payments = f.list("payments", Payment.class);
    List<Payment> refunds = f.list("refunds", Payment.class);
    Option<Instant> deliveredAt = f.optional("deliveredAt", Instant.class);
    Instant updatedAt = f.value("updatedAt", Instant.class);
    return Fields.construct(p, "purchase", () -> new Purchase(id, customer, opportunity, channel,
        lines, total, terms, purchasedAt, recordedBy, payments, refunds, deliveredAt, updatedAt));
  }
}
