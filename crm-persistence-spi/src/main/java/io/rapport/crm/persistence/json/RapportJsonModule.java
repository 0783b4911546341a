package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.IdKind;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.PricingRuleId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.kernel.WorkingHours;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;

/**
 * Maps every kernel value to plain JSON with stable field names (see docs/json.md). Reading goes
 * through the kernel's validating factories, so an invalid value is reported with its violations
 * and path, never half-built. Keeps crm-core free of Jackson.
 */
public final class RapportJsonModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** The readers of every value this module maps, by exact type; all are stateless. */
  private static final java.util.Map<Class<?>, Reader<?>> READERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The id types, all written as their plain string value. */
  static final Seq<IdKind<?>> ID_KINDS = List.of(ActorId.KIND, EventId.KIND, CustomerId.KIND,
      InteractionId.KIND, EmployeeId.KIND, TeamId.KIND, ActivityId.KIND, LeadId.KIND,
      PipelineId.KIND, OpportunityId.KIND, ProductId.KIND, TicketId.KIND, SlaPolicyId.KIND,
      ArticleId.KIND, LoyaltyProgramId.KIND, LoyaltyAccountId.KIND, PriceBookId.KIND,
      PricingRuleId.KIND, PurchaseId.KIND, QuoteId.KIND, SurveyId.KIND);

  /** Creates the module. */
  public RapportJsonModule() {
    super("rapport-kernel", Version.unknownVersion());
    addValue(Money.class, (m, g) -> {
      g.writeStartObject();
      g.writeStringField("amount", m.amount().toPlainString());
      g.writeStringField("currency", m.currency().getCurrencyCode());
      g.writeEndObject();
    }, (p, n) -> {
      Fields f = Fields.of(p, n, "money", "amount", "currency");
      return Fields.valid(p, Money.validated(f.text("amount"), f.text("currency")), "money");
    });
    addValue(Quantity.class, (q, g) -> {
      g.writeStartObject();
      g.writeStringField("amount", q.amount().toPlainString());
      g.writeStringField("unit", q.unit().symbol());
      g.writeEndObject();
    }, (p, n) -> {
      Fields f = Fields.of(p, n, "quantity", "amount", "unit");
      return Fields.valid(p, Quantity.validated(f.text("amount"), f.text("unit")), "quantity");
    });
    addValue(UnitPrice.class, (u, g) -> {
      g.writeStartObject();
      g.writeStringField("amount", u.amount().toPlainString());
      g.writeStringField("currency", u.currency().getCurrencyCode());
      g.writeStringField("unit", u.unit().symbol());
      g.writeEndObject();
    }, (p, n) -> {
      Fields f = Fields.of(p, n, "unit price", "amount", "currency", "unit");
      return Fields.valid(p, UnitPrice.validated(f.text("amount"), f.text("currency"),
          f.text("unit")), "unit price");
    });
    addValue(Percentage.class, (v, g) -> g.writeString(v.toString()),
        (p, n) -> Fields.valid(p, Percentage.validated(Fields.text(p, n, null), "percentage"),
            "percentage"));
    addValue(Violation.class, (v, g) -> {
      g.writeStartObject();
      g.writeStringField("code", v.code());
      g.writeStringField("field", v.field());
      g.writeStringField("message", v.message());
      g.writeEndObject();
    }, (p, n) -> {
      Fields f = Fields.of(p, n, "violation", "code", "field", "message");
      String code = f.text("code");
      String field = f.text("field");
      if (code.isBlank() || field.isBlank()) {
        throw new ValueProblem(p, "json.invalid_value", null,
            "A violation's code and field must not be blank", List.empty());
      }
      return Violation.of(code, field, f.text("message"));
    });
    addValue(WorkingHours.class, RapportJsonModule::writeHours, RapportJsonModule::readHours);
    addValue(TimeWindow.class, (w, g) -> {
      g.writeStartObject();
      g.writeStringField("start", IsoInstants.format(w.start()));
      g.writeStringField("end", IsoInstants.format(w.end()));
      g.writeEndObject();
    }, (p, n) -> {
      Fields f = Fields.of(p, n, "time window", "start", "end");
      Instant start = instant(p, f.text("start"), "start");
      Instant end = instant(p, f.text("end"), "end");
      if (!start.isBefore(end)) {
        throw new ValueProblem(p, "json.invalid_value", "end",
            "A time window ends after it starts", List.empty());
      }
      return TimeWindow.of(start, end);
    });
    addValue(BusinessCalendar.class, RapportJsonModule::writeCalendar,
        RapportJsonModule::readCalendar);
    for (IdKind<?> kind : ID_KINDS) {
      addId(kind);
    }
    addSerializer(Instant.class, new JsonSerializer<Instant>() {
      @Override
      public void serialize(Instant value, JsonGenerator g, SerializerProvider provider)
          throws IOException {
        g.writeString(IsoInstants.format(value));
      }
    });
    addDeserializer(Instant.class, new JsonDeserializer<Instant>() {
      @Override
      public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
          throw new ValueProblem(p, "json.wrong_type", null,
              "Expected an ISO-8601 instant string such as 2026-11-23T09:00:00Z", List.empty());
        }
        return instant(p, p.getText(), null);
      }
    });
    READERS.put(Instant.class, (Reader<Instant>) (p, n) -> {
      if (n == null || !n.isTextual()) {
        throw new ValueProblem(p, "json.wrong_type", null,
            "Expected an ISO-8601 instant string such as 2026-11-23T09:00:00Z", List.empty());
      }
      return instant(p, n.textValue(), null);
    });
    CustomerJson.addTo(this);
    InteractionJson.addTo(this);
    WorkJson.addTo(this);
    SalesJson.addTo(this);
    ServiceJson.addTo(this);
    KnowledgeJson.addTo(this);
    LoyaltyJson.addTo(this);
    PricingJson.addTo(this);
    PricingRulesJson.addTo(this);
    EventJson.addTo(this);
  }

  /** Writes one value. */
  @FunctionalInterface
  interface Writer<T> {
    void write(T value, JsonGenerator generator) throws IOException;
  }

  /** Reads one value from its JSON tree. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonParser parser, JsonNode node) throws IOException;
  }

  /** Returns the reader registered for a type, to read nested values without a tree round trip. */
  @SuppressWarnings("unchecked")
  static <T> Reader<T> readerFor(Class<T> type) {
    return (Reader<T>) READERS.get(type);
  }

  <T> void addValue(Class<T> type, Writer<T> writer, Reader<T> reader) {
    READERS.put(type, reader);
    addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
        writer.write(value, g);
      }
    });
    addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return reader.read(p, ctxt.readTree(p));
      }
    });
  }

  @SuppressWarnings("unchecked")
  private <I extends TypedId> void addId(IdKind<I> kind) {
    I sample = kind.parse("x");
    Class<I> type = (Class<I>) sample.getClass();
    addValue(type, (id, g) -> g.writeString(id.value()),
        (p, n) -> Fields.valid(p, kind.validated(Fields.text(p, n, null)), kind.name()));
  }

  private static void writeHours(WorkingHours hours, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("start", hours.start().toString());
    g.writeStringField("end", hours.end().toString());
    g.writeEndObject();
  }

  private static WorkingHours readHours(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "working hours", "start", "end");
    LocalTime start = time(p, f.text("start"), "start");
    LocalTime end = time(p, f.text("end"), "end");
    return Fields.valid(p, WorkingHours.validate(start, end), "working hours");
  }

  private static void writeCalendar(BusinessCalendar calendar, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("zone", calendar.zone().getId());
    g.writeObjectFieldStart("weeklySchedule");
    for (Map.Entry<DayOfWeek, Seq<WorkingHours>> day : calendar.weeklySchedule().toJavaMap().entrySet()) {
      g.writeArrayFieldStart(day.getKey().name());
      for (WorkingHours hours : day.getValue()) {
        writeHours(hours, g);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("holidays");
    for (Map.Entry<LocalDate, String> holiday : calendar.holidays().toJavaMap().entrySet()) {
      g.writeStartObject();
      g.writeStringField("date", holiday.getKey().toString());
      g.writeStringField("name", holiday.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("specialDays");
    for (Map.Entry<LocalDate, Seq<WorkingHours>> day : calendar.specialDays().toJavaMap().entrySet()) {
      g.writeStartObject();
      g.writeStringField("date", day.getKey().toString());
      g.writeArrayFieldStart("hours");
      for (WorkingHours hours : day.getValue()) {
        writeHours(hours, g);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static BusinessCalendar readCalendar(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "business calendar", "zone", "weeklySchedule", "holidays",
        "specialDays");
    ZoneId zone;
    try {
      zone = ZoneId.of(f.text("zone"));
    } catch (DateTimeException unknown) {
      throw new ValueProblem(p, "json.invalid_value", "zone",
          "Unknown time zone '" + f.text("zone") + "'", List.empty());
    }
    BusinessCalendar.Builder builder = BusinessCalendar.builder(zone);
    JsonNode weekly = f.object("weeklySchedule");
    for (Iterator<Map.Entry<String, JsonNode>> it = weekly.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> day = it.next();
      DayOfWeek dayOfWeek;
      try {
        dayOfWeek = DayOfWeek.valueOf(day.getKey());
      } catch (IllegalArgumentException unknown) {
        throw new ValueProblem(p, "json.unknown_property", "weeklySchedule." + day.getKey(),
            "Unknown day of week '" + day.getKey() + "'", List.empty());
      }
      for (WorkingHours hours : hoursList(p, day.getValue(), "weeklySchedule." + day.getKey())) {
        builder.workingHours(dayOfWeek, hours.start(), hours.end());
      }
    }
    int index = 0;
    for (JsonNode holiday : f.array("holidays")) {
      Fields h = Fields.of(p, holiday, "holiday", "date", "name");
      builder.holiday(date(p, h.text("date"), "holidays[" + index + "].date"), h.text("name"));
      index++;
    }
    index = 0;
    for (JsonNode special : f.array("specialDays")) {
      Fields s = Fields.of(p, special, "special day", "date", "hours");
      LocalDate date = date(p, s.text("date"), "specialDays[" + index + "].date");
      builder.specialDay(date, hoursList(p, s.array("hours"), "specialDays[" + index + "].hours")
          .toJavaArray(WorkingHours[]::new));
      index++;
    }
    return Fields.valid(p, builder.validate(), "business calendar");
  }

  private static Seq<WorkingHours> hoursList(JsonParser p, JsonNode array, String field)
      throws IOException {
    if (!array.isArray()) {
      throw new ValueProblem(p, "json.wrong_type", field, "Expected an array of working hours",
          List.empty());
    }
    List<WorkingHours> hours = List.empty();
    for (JsonNode each : array) {
      hours = hours.prepend(readHours(p, each));
    }
    return hours.reverse();
  }

  private static Instant instant(JsonParser p, String text, String field) throws ValueProblem {
    try {
      Instant fast = IsoInstants.parseUtc(text);
      return fast != null ? fast : Instant.parse(text);
    } catch (DateTimeException malformed) {
      throw new ValueProblem(p, "json.invalid_value", field,
          "Expected an ISO-8601 instant such as 2026-11-23T09:00:00Z", List.empty());
    }
  }

  private static LocalTime time(JsonParser p, String text, String field) throws ValueProblem {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeException malformed) {
      throw new ValueProblem(p, "json.invalid_value", field, "Expected a time such as 09:00",
          List.empty());
    }
  }

  private static LocalDate date(JsonParser p, String text, String field) throws ValueProblem {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException malformed) {
      throw new ValueProblem(p, "json.invalid_value", field, "Expected a date such as 2026-10-01",
          List.empty());
    }
  }
}
