package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.AttributeType;
import io.rapport.crm.customer.AttributeValue;
import io.rapport.crm.customer.ConsentChannel;
import io.rapport.crm.customer.ConsentLedger;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.ConsentRecord;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerName;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.Lifecycle;
import io.rapport.crm.customer.LifecycleChange;
import io.rapport.crm.customer.LifecycleStage;
import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.customer.MessagingHandle;
import io.rapport.crm.customer.PartyKind;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.customer.PostalAddress;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Maps customers and merge journals to JSON and back, strictly: optional properties may be absent,
 * anything unknown, missing or malformed is a {@link CodecException} with its path. Enumerations
 * are written by name; contact values carry a {@code kind}.
 */
final class CustomerJson {

  private CustomerJson() {}

  static void addTo(RapportJsonModule module) {
    module.addValue(ContactValue.class, CustomerJson::writeContactValue, CustomerJson::readContactValue);
    module.addValue(ContactPoint.class, CustomerJson::writeContactPoint, CustomerJson::readContactPoint);
    module.addValue(CustomerName.class, CustomerJson::writeName, CustomerJson::readName);
    module.addValue(LifecycleChange.class, CustomerJson::writeChange, CustomerJson::readChange);
    module.addValue(ConsentRecord.class, CustomerJson::writeConsent, CustomerJson::readConsent);
    module.addValue(AcquisitionSource.class, CustomerJson::writeSource, CustomerJson::readSource);
    module.addValue(AttributeValue.class, CustomerJson::writeAttribute, CustomerJson::readAttribute);
    module.addValue(Customer.class, CustomerJson::writeCustomer, CustomerJson::readCustomer);
    module.addValue(MergeJournal.class, CustomerJson::writeJournal, CustomerJson::readJournal);
  }

  private static void optional(JsonGenerator g, String name, Option<?> value) throws IOException {
    if (value.isDefined()) {
      write(g, name, value.get());
    }
  }

  /** Writes ids, instants and text directly; anything else through its serializer. */
  private static void write(JsonGenerator g, String name, Object value) throws IOException {
    if (value instanceof io.rapport.crm.kernel.TypedId) {
      g.writeStringField(name, ((io.rapport.crm.kernel.TypedId) value).value());
    } else if (value instanceof Instant) {
      g.writeStringField(name, IsoInstants.format((Instant) value));
    } else if (value instanceof String) {
      g.writeStringField(name, (String) value);
    } else {
      g.writeObjectField(name, value);
    }
  }

  private static void writeContactValue(ContactValue value, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (value instanceof EmailAddress) {
      g.writeStringField("kind", "email");
      g.writeStringField("value", ((EmailAddress) value).value());
    } else if (value instanceof PhoneNumber) {
      g.writeStringField("kind", "phone");
      g.writeStringField("value", ((PhoneNumber) value).e164());
    } else if (value instanceof PostalAddress) {
      PostalAddress address = (PostalAddress) value;
      g.writeStringField("kind", "postal");
      g.writeArrayFieldStart("lines");
      for (String line : address.lines()) {
        g.writeString(line);
      }
      g.writeEndArray();
      g.writeStringField("locality", address.locality());
      g.writeStringField("region", address.region());
      g.writeStringField("postalCode", address.postalCode());
      g.writeStringField("country", address.country());
    } else if (value instanceof io.rapport.crm.customer.MaskedContact) {
      throw com.fasterxml.jackson.databind.JsonMappingException.from(g,
          "A masked contact value (" + value + ") has no stored form: a reader who saw it masked"
              + " saves through the access decorator, which puts the real value back");
    } else {
      MessagingHandle handle = (MessagingHandle) value;
      g.writeStringField("kind", "messaging");
      g.writeStringField("network", handle.network().name().toLowerCase(Locale.ROOT));
      g.writeStringField("handle", handle.handle());
    }
    g.writeEndObject();
  }

  private static ContactValue readContactValue(JsonParser p, JsonNode n) throws IOException {
    if (n == null || !n.isObject() || !n.has("kind")) {
      throw new ValueProblem(p, "json.missing_property", "kind",
          "A contact value needs a kind: email, phone, postal or messaging", List.empty());
    }
    String kind = Fields.text(p, n.get("kind"), "kind");
    switch (kind) {
      case "email":
        return Fields.valid(p, EmailAddress.validated(Fields.of(p, n, "email", "kind", "value")
            .text("value"), "value"), "email");
      case "phone": {
        String e164 = Fields.of(p, n, "phone", "kind", "value").text("value");
        return Fields.construct(p, "phone number", () -> PhoneNumber.restore(e164));
      }
      case "postal": {
        Fields f = Fields.of(p, n, "postal address", "kind", "lines", "locality", "region",
            "postalCode", "country");
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (JsonNode line : f.array("lines")) {
          lines.add(Fields.text(p, line, "lines"));
        }
        return Fields.valid(p, PostalAddress.validated(lines, f.text("locality"), f.text("region"),
            f.text("postalCode"), f.text("country")), "postal address");
      }
      case "messaging": {
        Fields f = Fields.of(p, n, "messaging handle", "kind", "network", "handle");
        return Fields.valid(p, MessagingHandle.validated(f.text("network"), f.text("handle"),
            "handle"), "messaging handle");
      }
      default:
        throw new ValueProblem(p, "json.invalid_value", "kind", "Unknown contact kind '" + kind
            + "'; expected email, phone, postal or messaging", List.empty());
    }
  }

  private static void writeContactPoint(ContactPoint point, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "value", point.value());
    optional(g, "label", point.label());
    g.writeBooleanField("primary", point.primary());
    g.writeBooleanField("verified", point.verified());
    optional(g, "validFrom", point.validFrom());
    optional(g, "validUntil", point.validUntil());
    g.writeEndObject();
  }

  private static ContactPoint readContactPoint(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "contact point",
        new String[] {"value", "primary", "verified"}, "label", "validFrom", "validUntil");
    ContactValue value = f.value("value", ContactValue.class);
    Option<String> label = f.optionalText("label");
    boolean primary = f.bool("primary");
    boolean verified = f.bool("verified");
    Option<Instant> from = f.optional("validFrom", Instant.class);
    Option<Instant> until = f.optional("validUntil", Instant.class);
    return Fields.construct(p, "contact point",
        () -> new ContactPoint(value, label, primary, verified, from, until));
  }

  private static void writeName(CustomerName name, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("displayName", name.displayName());
    optional(g, "familyName", name.familyName());
    optional(g, "givenNames", name.givenNames());
    optional(g, "phonetic", name.phonetic());
    g.writeEndObject();
  }

  private static CustomerName readName(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "name", new String[] {"displayName"}, "familyName",
        "givenNames", "phonetic");
    String display = f.text("displayName");
    Option<String> family = f.optionalText("familyName");
    Option<String> given = f.optionalText("givenNames");
    Option<String> phonetic = f.optionalText("phonetic");
    return Fields.construct(p, "name", () -> new CustomerName(display, family, given, phonetic));
  }

  private static void writeChange(LifecycleChange change, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (change.from().isDefined()) {
      g.writeStringField("from", change.from().get().name());
    }
    g.writeStringField("to", change.to().name());
    write(g, "at", change.at());
    write(g, "by", change.by());
    g.writeStringField("reason", change.reason());
    g.writeEndObject();
  }

  private static LifecycleChange readChange(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "lifecycle change", new String[] {"to", "at", "by", "reason"},
        "from");
    Option<LifecycleStage> from = f.has("from") ? Option.of(f.constant("from", LifecycleStage.class))
        : Option.none();
    LifecycleStage to = f.constant("to", LifecycleStage.class);
    Instant at = f.value("at", Instant.class);
    ActorId by = f.value("by", ActorId.class);
    String reason = f.text("reason");
    return Fields.construct(p, "lifecycle change", () -> new LifecycleChange(from, to, at, by, reason));
  }

  private static void writeConsent(ConsentRecord record, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("purpose", record.purpose().code());
    g.writeStringField("channel", record.channel().name());
    g.writeStringField("status", record.status().name());
    write(g, "capturedAt", record.capturedAt());
    g.writeStringField("source", record.source());
    g.writeStringField("evidence", record.evidence());
    write(g, "effectiveFrom", record.effectiveFrom());
    optional(g, "effectiveUntil", record.effectiveUntil());
    g.writeEndObject();
  }

  private static ConsentRecord readConsent(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "consent record", new String[] {"purpose", "channel",
        "status", "capturedAt", "source", "evidence", "effectiveFrom"}, "effectiveUntil");
    String purposeCode = f.text("purpose");
    ConsentPurpose purpose = Fields.construct(p, "consent purpose", () -> new ConsentPurpose(purposeCode));
    ConsentChannel channel = f.constant("channel", ConsentChannel.class);
    ConsentRecord.Status status = f.constant("status", ConsentRecord.Status.class);
    Instant captured = f.value("capturedAt", Instant.class);
    String source = f.text("source");
    String evidence = f.text("evidence");
    Instant from = f.value("effectiveFrom", Instant.class);
    Option<Instant> until = f.optional("effectiveUntil", Instant.class);
    return Fields.construct(p, "consent record",
        () -> new ConsentRecord(purpose, channel, status, captured, source, evidence, from, until));
  }

  private static void writeSource(AcquisitionSource source, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("channel", source.channel());
    optional(g, "campaign", source.campaign());
    optional(g, "referrer", source.referrer());
    optional(g, "referredBy", source.referredBy());
    g.writeEndObject();
  }

  private static AcquisitionSource readSource(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "acquisition source", new String[] {"channel"}, "campaign",
        "referrer", "referredBy");
    String channel = f.text("channel");
    Option<String> campaign = f.optionalText("campaign");
    Option<String> referrer = f.optionalText("referrer");
    Option<CustomerId> referredBy = f.optional("referredBy", CustomerId.class);
    return Fields.construct(p, "acquisition source",
        () -> new AcquisitionSource(channel, campaign, referrer, referredBy));
  }

  private static void writeAttribute(AttributeValue value, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", value.type().name());
    if (value instanceof AttributeValue.Amount) {
      write(g, "value", ((AttributeValue.Amount) value).value());
    } else {
      g.writeStringField("value", value.text());
    }
    g.writeEndObject();
  }

  private static AttributeValue readAttribute(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "attribute value", "type", "value");
    AttributeType type = f.constant("type", AttributeType.class);
    if (type == AttributeType.MONEY) {
      return new AttributeValue.Amount(f.value("value", Money.class));
    }
    String text = f.text("value");
    try {
      switch (type) {
        case TEXT:
          return new AttributeValue.Text(text);
        case NUMBER:
          if (text.length() > 100) {
            throw new NumberFormatException();
          }
          return new AttributeValue.Number(new BigDecimal(text));
        case DATE:
          return new AttributeValue.Date(LocalDate.parse(text));
        default:
          return new AttributeValue.Choice(text);
      }
    } catch (RuntimeException malformed) {
      throw new ValueProblem(p, "json.invalid_value", "value", "Malformed " + type + " value '"
          + text + "'", List.empty());
    }
  }

  private static void writeCustomer(Customer c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "id", c.id());
    g.writeStringField("kind", c.kind().name());
    write(g, "name", c.name());
    optional(g, "parent", c.parent());
    optional(g, "organizationName", c.organizationName());
    optional(g, "taxId", c.taxId());
    g.writeArrayFieldStart("contactPoints");
    for (ContactPoint point : c.contactPoints()) {
      writeContactPoint(point, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("lifecycle");
    for (LifecycleChange change : c.lifecycle().history()) {
      writeChange(change, g);
    }
    g.writeEndArray();
    optional(g, "owner", c.owner());
    optional(g, "team", c.team());
    g.writeArrayFieldStart("tags");
    for (String tag : c.tags()) {
      g.writeString(tag);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("attributes");
    for (io.vavr.Tuple2<String, AttributeValue> attribute : c.attributes()) {
      g.writeFieldName(attribute._1);
      writeAttribute(attribute._2, g);
    }
    g.writeEndObject();
    optional(g, "source", c.source());
    g.writeArrayFieldStart("consent");
    for (ConsentRecord record : c.consent().records()) {
      writeConsent(record, g);
    }
    g.writeEndArray();
    write(g, "createdAt", c.createdAt());
    write(g, "updatedAt", c.updatedAt());
    optional(g, "erasedAt", c.erasedAt());
    optional(g, "mergedInto", c.mergedInto());
    g.writeEndObject();
  }

  private static Customer readCustomer(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "customer", new String[] {"id", "kind", "name",
        "contactPoints", "lifecycle", "tags", "attributes", "consent", "createdAt", "updatedAt"},
        "parent", "organizationName", "taxId", "owner", "team", "source", "erasedAt", "mergedInto");
    CustomerId id = f.value("id", CustomerId.class);
    PartyKind kind = f.constant("kind", PartyKind.class);
    CustomerName name = f.value("name", CustomerName.class);
    Option<CustomerId> parent = f.optional("parent", CustomerId.class);
    Option<String> organization = f.optionalText("organizationName");
    Option<String> taxId = f.optionalText("taxId");
    List<ContactPoint> points = f.list("contactPoints", ContactPoint.class);
    List<LifecycleChange> history = f.list("lifecycle", LifecycleChange.class);
    Option<EmployeeId> owner = f.optional("owner", EmployeeId.class);
    Option<TeamId> team = f.optional("team", TeamId.class);
    List<String> tags = f.list("tags", String.class);
    SortedMap<String, AttributeValue> attributes = TreeMap.empty();
    for (Iterator<Map.Entry<String, JsonNode>> it = f.object("attributes").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      attributes = attributes.put(attribute.getKey(),
          Fields.read(p, attribute.getValue(), AttributeValue.class, "attributes." + attribute.getKey()));
    }
    Option<AcquisitionSource> source = f.optional("source", AcquisitionSource.class);
    List<ConsentRecord> consent = f.list("consent", ConsentRecord.class);
    Instant created = f.value("createdAt", Instant.class);
    Instant updated = f.value("updatedAt", Instant.class);
    Option<Instant> erased = f.optional("erasedAt", Instant.class);
    Option<CustomerId> mergedInto = f.optional("mergedInto", CustomerId.class);
    SortedMap<String, AttributeValue> values = attributes;
    return Fields.construct(p, "customer", () -> new Customer(id, kind, name, parent, organization,
        taxId, points, new Lifecycle(history), owner, team, TreeSet.ofAll(tags), values, source,
        new ConsentLedger(consent), created, updated, erased, mergedInto));
  }

  private static void writeJournal(MergeJournal j, JsonGenerator g) throws IOException {
    g.writeStartObject();
    write(g, "id", j.id());
    write(g, "survivor", j.survivor());
    write(g, "absorbed", j.absorbed());
    g.writeFieldName("survivorBefore");
    writeCustomer(j.survivorBefore(), g);
    g.writeFieldName("absorbedBefore");
    writeCustomer(j.absorbedBefore(), g);
    g.writeFieldName("survivorAfter");
    writeCustomer(j.survivorAfter(), g);
    g.writeFieldName("absorbedAfter");
    writeCustomer(j.absorbedAfter(), g);
    g.writeArrayFieldStart("repointed");
    for (RecordRef ref : j.repointed()) {
      g.writeString(ref.toString());
    }
    g.writeEndArray();
    write(g, "at", j.at());
    write(g, "by", j.by());
    optional(g, "undoneAt", j.undoneAt());
    g.writeEndObject();
  }

  private static MergeJournal readJournal(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "merge journal", new String[] {"id", "survivor",
        "absorbed", "survivorBefore", "absorbedBefore", "survivorAfter", "absorbedAfter",
        "repointed", "at", "by"}, "undoneAt");
    EventId id = f.value("id", EventId.class);
    CustomerId survivor = f.value("survivor", CustomerId.class);
    CustomerId absorbed = f.value("absorbed", CustomerId.class);
    Customer survivorBefore = f.value("survivorBefore", Customer.class);
    Customer absorbedBefore = f.value("absorbedBefore", Customer.class);
    Customer survivorAfter = f.value("survivorAfter", Customer.class);
    Customer absorbedAfter = f.value("absorbedAfter", Customer.class);
    List<RecordRef> repointed = f.list("repointed", RecordRef.class);
    Instant at = f.value("at", Instant.class);
    ActorId by = f.value("by", ActorId.class);
    Option<Instant> undone = f.optional("undoneAt", Instant.class);
    return Fields.construct(p, "merge journal", () -> new MergeJournal(id, survivor, absorbed,
        survivorBefore, absorbedBefore, survivorAfter, absorbedAfter, repointed, at, by, undone));
  }
}
