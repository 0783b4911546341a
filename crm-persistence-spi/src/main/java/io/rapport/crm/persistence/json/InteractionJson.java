package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.MessagingHandle;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Maps interactions, their channels, record references and timeline entries to JSON.
 *
 * <p>A record reference is its text, {@code "ticketId/T-17"}. A channel is an object with a
 * {@code "kind"} discriminator ({@code call}, {@code email}, {@code sms}, {@code chat},
 * {@code social}, {@code web_form}, {@code store_visit}, {@code meeting}) and the kind's details;
 * durations are ISO-8601 strings ({@code "PT4M"}), enums their constant names, phone numbers E.164
 * strings. Optional properties (a call's {@code from} and {@code to}, an {@code employee}) are left
 * out when empty. Channel violations are reported relative to the channel object.
 */
final class InteractionJson {

  private static final String CHANNEL_PREFIX = "channel.";

  private InteractionJson() {}

  /** Adds the mappings to the module. */
  static void addTo(RapportJsonModule module) {
    module.addValue(RecordRef.class, (ref, g) -> g.writeString(ref.toString()),
        InteractionJson::readRef);
    module.addValue(Channel.class, InteractionJson::writeChannel, InteractionJson::readChannel);
    module.addValue(Interaction.class, InteractionJson::writeInteraction,
        InteractionJson::readInteraction);
    module.addValue(TimelineEntry.class, InteractionJson::writeEntry, InteractionJson::readEntry);
  }

  private static RecordRef readRef(JsonParser p, JsonNode n) throws IOException {
    String text = Fields.text(p, n, null);
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new ValueProblem(p, "json.invalid_value", null,
          "Expected a record reference such as 'ticketId/T-17'", List.empty());
    }
    return Fields.valid(p, RecordRef.validated(text.substring(0, slash), text.substring(slash + 1)),
        "record reference");
  }

  private static void writeChannel(Channel channel, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", channel.kind().code());
    if (channel instanceof Channel.Call) {
      Channel.Call call = (Channel.Call) channel;
      g.writeStringField("direction", call.direction().name());
      g.writeStringField("duration", call.duration().toString());
      g.writeStringField("outcome", call.outcome().name());
      if (call.from().isDefined()) {
        g.writeStringField("from", call.from().get().e164());
      }
      if (call.to().isDefined()) {
        g.writeStringField("to", call.to().get().e164());
      }
    } else if (channel instanceof Channel.Email) {
      Channel.Email email = (Channel.Email) channel;
      g.writeStringField("direction", email.direction().name());
      g.writeStringField("subject", email.subject());
    } else if (channel instanceof Channel.Sms) {
      g.writeStringField("direction", ((Channel.Sms) channel).direction().name());
    } else if (channel instanceof Channel.Chat) {
      g.writeStringField("platform", ((Channel.Chat) channel).platform());
    } else if (channel instanceof Channel.Social) {
      g.writeStringField("network", ((Channel.Social) channel).network().name());
    } else if (channel instanceof Channel.WebForm) {
      g.writeStringField("formName", ((Channel.WebForm) channel).formName());
    } else if (channel instanceof Channel.StoreVisit) {
      g.writeStringField("store", ((Channel.StoreVisit) channel).store());
    } else {
      Channel.Meeting meeting = (Channel.Meeting) channel;
      g.writeStringField("location", meeting.location());
      g.writeStringField("duration", meeting.duration().toString());
    }
    g.writeEndObject();
  }

  private static Channel readChannel(JsonParser p, JsonNode n) throws IOException {
    if (n == null || !n.isObject()) {
      throw new ValueProblem(p, "json.wrong_type", null, "Expected a channel as a JSON object",
          List.empty());
    }
    if (!n.hasNonNull("kind")) {
      throw new ValueProblem(p, "json.missing_property", "kind", "Missing property 'kind' in channel",
          List.empty());
    }
    String kind = Fields.text(p, n.get("kind"), "kind");
    Fields f;
    switch (kind) {
      case "call":
        f = Fields.withOptional(p, n, "call",
            new String[] {"kind", "direction", "duration", "outcome"}, "from", "to");
        return channel(p, Channel.Call.validated(f.constant("direction", Channel.Direction.class),
            duration(p, f.text("duration"), "duration"),
            f.constant("outcome", Channel.CallOutcome.class), phone(p, f, "from"), phone(p, f, "to")));
      case "email":
        f = Fields.of(p, n, "email", "kind", "direction", "subject");
        return channel(p, Channel.Email.validated(f.constant("direction", Channel.Direction.class),
            f.text("subject")));
      case "sms":
        f = Fields.of(p, n, "sms", "kind", "direction");
        return channel(p, Channel.Sms.validated(f.constant("direction", Channel.Direction.class)));
      case "chat":
        f = Fields.of(p, n, "chat", "kind", "platform");
        return channel(p, Channel.Chat.validated(f.text("platform")));
      case "social":
        f = Fields.of(p, n, "social message", "kind", "network");
        return channel(p, Channel.Social.validated(
            f.constant("network", MessagingHandle.Network.class)));
      case "web_form":
        f = Fields.of(p, n, "web form", "kind", "formName");
        return channel(p, Channel.WebForm.validated(f.text("formName")));
      case "store_visit":
        f = Fields.of(p, n, "store visit", "kind", "store");
        return channel(p, Channel.StoreVisit.validated(f.text("store")));
      case "meeting":
        f = Fields.of(p, n, "meeting", "kind", "location", "duration");
        return channel(p, Channel.Meeting.validated(f.text("location"),
            duration(p, f.text("duration"), "duration")));
      default:
        throw new ValueProblem(p, "json.invalid_value", "kind", "Unknown channel kind '" + kind
            + "'; expected one of " + List.of(Channel.Kind.values()).map(Channel.Kind::code)
                .mkString(", "), List.empty());
    }
  }

  /** Returns a valid channel, or throws its violations with fields relative to the channel. */
  private static Channel channel(JsonParser p, Validation<Seq<Violation>, ? extends Channel> result)
      throws ValueProblem {
    return Fields.valid(p, result.mapError(errors -> errors.map(v -> v.field().startsWith(CHANNEL_PREFIX)
        ? Violation.of(v.code(), v.field().substring(CHANNEL_PREFIX.length()), v.message()) : v)),
        "channel");
  }

  private static Option<PhoneNumber> phone(JsonParser p, Fields f, String name) throws ValueProblem {
    Option<String> text = f.optionalText(name);
    if (text.isEmpty()) {
      return Option.none();
    }
    try {
      return Option.of(PhoneNumber.restore(text.get()));
    } catch (InvalidValueException invalid) {
      throw new ValueProblem(p, "json.invalid_value", null, "Invalid phone number in '" + name
          + "': " + invalid.getMessage(), invalid.violations().map(v ->
              Violation.of(v.code(), name, v.message())));
    }
  }

  private static Duration duration(JsonParser p, String text, String field) throws ValueProblem {
    try {
      return Duration.parse(text);
    } catch (DateTimeException | ArithmeticException malformed) {
      throw new ValueProblem(p, "json.invalid_value", field,
          "Expected an ISO-8601 duration such as PT4M30S", List.empty());
    }
  }

  private static void writeInteraction(Interaction interaction, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", interaction.id().value());
    g.writeStringField("customer", interaction.customer().value());
    g.writeFieldName("channel");
    writeChannel(interaction.channel(), g);
    g.writeStringField("occurredAt", IsoInstants.format(interaction.occurredAt()));
    if (interaction.employee().isDefined()) {
      g.writeStringField("employee", interaction.employee().get().value());
    }
    g.writeStringField("summary", interaction.summary());
    g.writeArrayFieldStart("links");
    for (RecordRef link : interaction.links()) {
      g.writeString(link.toString());
    }
    g.writeEndArray();
    g.writeStringField("recordedAt", IsoInstants.format(interaction.recordedAt()));
    g.writeStringField("recordedBy", interaction.recordedBy().value());
    g.writeArrayFieldStart("formerCustomers");
    for (CustomerId former : interaction.formerCustomers()) {
      g.writeString(former.value());
    }
    g.writeEndArray();
    g.writeBooleanField("erased", interaction.erased());
    g.writeEndObject();
  }

  private static Interaction readInteraction(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "interaction", new String[] {"id", "customer", "channel",
        "occurredAt", "summary", "links", "recordedAt", "recordedBy", "formerCustomers", "erased"},
        "employee");
    InteractionId id = f.value("id", InteractionId.class);
    CustomerId customer = f.value("customer", CustomerId.class);
    Channel channel = f.value("channel", Channel.class);
    Instant occurredAt = f.value("occurredAt", Instant.class);
    Option<EmployeeId> employee = f.optional("employee", EmployeeId.class);
    String summary = f.text("summary");
    List<RecordRef> links = f.list("links", RecordRef.class);
    Instant recordedAt = f.value("recordedAt", Instant.class);
    ActorId recordedBy = f.value("recordedBy", ActorId.class);
    List<CustomerId> formerCustomers = f.list("formerCustomers", CustomerId.class);
    boolean erased = f.bool("erased");
    return Fields.construct(p, "interaction", () -> new Interaction(id, customer, channel, occurredAt,
        employee, summary, HashSet.ofAll(links), recordedAt, recordedBy, formerCustomers, erased));
  }

  private static void writeEntry(TimelineEntry entry, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("at", IsoInstants.format(entry.at()));
    g.writeStringField("source", entry.source().toString());
    g.writeStringField("kind", entry.kind());
    g.writeStringField("title", entry.title());
    if (entry.employee().isDefined()) {
      g.writeStringField("employee", entry.employee().get().value());
    }
    g.writeEndObject();
  }

  private static TimelineEntry readEntry(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "timeline entry",
        new String[] {"at", "source", "kind", "title"}, "employee");
    return Fields.valid(p, TimelineEntry.validated(f.value("at", Instant.class),
        f.value("source", RecordRef.class), f.text("kind"), f.text("title"),
        f.optional("employee", EmployeeId.class)), "timeline entry");
  }
}
