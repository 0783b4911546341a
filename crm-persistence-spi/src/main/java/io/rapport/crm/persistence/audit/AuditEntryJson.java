package io.rapport.crm.persistence.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Maps an {@link AuditEntry} to its stored JSON shape:
 * {@code {"id":…,"recordType":…,"recordId":…,"sequence":1,"at":…,"actor":…,"command":…,
 * "changes":[{"path":…,"before":…,"after":…}],"scrubbed":false}}, with {@code before} and
 * {@code after} left out when absent.
 */
final class AuditEntryJson {

  private static final Set<String> ENTRY_FIELDS = Set.of("id", "recordType", "recordId",
      "sequence", "at", "actor", "command", "changes", "scrubbed");
  private static final Set<String> CHANGE_FIELDS = Set.of("path", "before", "after");

  private AuditEntryJson() {}

  /** Writes an entry. */
  static final class Writer extends StdSerializer<AuditEntry> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(AuditEntry.class);
    }

    @Override
    public void serialize(AuditEntry entry, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeStartObject();
      out.writeStringField("id", entry.id().value());
      out.writeStringField("recordType", entry.recordType());
      out.writeStringField("recordId", entry.recordId());
      out.writeNumberField("sequence", entry.sequence());
      out.writeStringField("at", entry.at().toString());
      out.writeStringField("actor", entry.actor().value());
      out.writeStringField("command", entry.command());
      out.writeArrayFieldStart("changes");
      for (FieldChange change : entry.changes()) {
        out.writeStartObject();
        out.writeStringField("path", change.path());
        if (change.before().isDefined()) {
          out.writeStringField("before", change.before().get());
        }
        if (change.after().isDefined()) {
          out.writeStringField("after", change.after().get());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeBooleanField("scrubbed", entry.scrubbed());
      out.writeEndObject();
    }
  }

  /** Reads an entry strictly: unknown, missing and mistyped properties are refused. */
  static final class Reader extends StdDeserializer<AuditEntry> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(AuditEntry.class);
    }

    @Override
    public AuditEntry deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode node = context.readTree(parser);
      check(parser, node, ENTRY_FIELDS, Set.of(), "an audit entry");
      JsonNode changes = node.get("changes");
      if (!changes.isArray()) {
        throw JsonMappingException.from(parser, "Missing or mistyped changes: expected an array");
      }
      List<FieldChange> read = List.empty();
      for (JsonNode change : changes) {
        check(parser, change, CHANGE_FIELDS, Set.of("before", "after"), "a field change");
        read = read.append(new FieldChange(text(parser, change, "path"),
            Option.of(change.get("before")).map(JsonNode::textValue),
            Option.of(change.get("after")).map(JsonNode::textValue)));
      }
      JsonNode sequence = node.get("sequence");
      JsonNode scrubbed = node.get("scrubbed");
      if (!sequence.canConvertToLong() || !sequence.isIntegralNumber() || !scrubbed.isBoolean()) {
        throw JsonMappingException.from(parser,
            "An audit entry has an integer sequence and a boolean scrubbed");
      }
      try {
        return new AuditEntry(EventId.parse(text(parser, node, "id")),
            text(parser, node, "recordType"), text(parser, node, "recordId"), sequence.longValue(),
            Instant.parse(text(parser, node, "at")), ActorId.parse(text(parser, node, "actor")),
            text(parser, node, "command"), read, scrubbed.booleanValue());
      } catch (IllegalArgumentException | DateTimeParseException invalid) {
        throw JsonMappingException.from(parser, invalid.getMessage(), invalid);
      }
    }

    private static void check(JsonParser parser, JsonNode node, Set<String> fields,
        Set<String> optional, String what) throws JsonMappingException {
      if (node == null || !node.isObject()) {
        throw JsonMappingException.from(parser, "Expected " + what + " object");
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!fields.contains(name)) {
          throw JsonMappingException.from(parser, "Unknown property '" + name + "' in " + what);
        }
      }
      for (String field : fields) {
        if (!optional.contains(field) && (node.get(field) == null || node.get(field).isNull())) {
          throw JsonMappingException.from(parser, "Missing property '" + field + "' in " + what);
        }
        if (optional.contains(field) && node.get(field) != null && !node.get(field).isTextual()) {
          throw JsonMappingException.from(parser, "Expected JSON text in '" + field + "' of " + what);
        }
      }
    }

    private static String text(JsonParser parser, JsonNode node, String field)
        throws JsonMappingException {
      JsonNode value = node.get(field);
      if (!value.isTextual()) {
        throw JsonMappingException.from(parser, "Expected text in '" + field + "'");
      }
      return value.textValue();
    }
  }
}
