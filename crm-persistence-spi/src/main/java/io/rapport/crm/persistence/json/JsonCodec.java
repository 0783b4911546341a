package io.rapport.crm.persistence.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.kernel.WorkingHours;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes Rapport's types as JSON. Thread-safe; build one and share it.
 *
 * <p>Values are plain JSON (see docs/json.md). Stored documents wrap a value in an envelope
 * {@code {"schemaVersion":1,"type":"money","data":{…}}}: the type is an explicit registered name,
 * never a class name, and a document written by a newer schema is refused. There is no default
 * typing. Reading is strict (unknown properties and nulls for required fields are errors, numbers
 * are never doubles) and bounded ({@link Builder} sets the limits). Anything wrong with the input
 * raises a {@link CodecException} naming the path, never another exception.
 */
public final class JsonCodec {

  /** The schema version this codec writes and the newest it reads. */
  public static final int SCHEMA_VERSION = 1;

  private final ObjectMapper mapper;
  private final Map<String, Class<?>> typesByName = new ConcurrentHashMap<>();
  private final Map<Class<?>, String> namesByType = new ConcurrentHashMap<>();

  private JsonCodec(Builder builder) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(builder.maxNestingDepth)
            .maxNumberLength(builder.maxNumberLength)
            .maxStringLength(builder.maxStringLength)
            .maxDocumentLength(builder.maxDocumentLength)
            .build())
        .build();
    this.mapper = JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .addModule(new RapportJsonModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    register("money", Money.class);
    register("quantity", Quantity.class);
    register("unit_price", UnitPrice.class);
    register("percentage", Percentage.class);
    register("working_hours", WorkingHours.class);
    register("business_calendar", BusinessCalendar.class);
    register("violation", Violation.class);
    register("customer", io.rapport.crm.customer.Customer.class);
    register("customer_merge", io.rapport.crm.customer.MergeJournal.class);
    register("interaction", io.rapport.crm.customer.Interaction.class);
    register("employee", io.rapport.crm.work.Employee.class);
    register("team", io.rapport.crm.work.Team.class);
    register("activity", io.rapport.crm.work.Activity.class);
    register("pipeline", io.rapport.crm.sales.Pipeline.class);
    register("opportunity", io.rapport.crm.sales.Opportunity.class);
    register("lead", io.rapport.crm.sales.Lead.class);
    register("purchase", io.rapport.crm.sales.Purchase.class);
    register("ticket", io.rapport.crm.service.Ticket.class);
    register("sla_policy", io.rapport.crm.service.SlaPolicy.class);
    register("article", io.rapport.crm.knowledge.Article.class);
    register("loyalty_program", io.rapport.crm.loyalty.LoyaltyProgram.class);
    register("loyalty_account", io.rapport.crm.loyalty.LoyaltyAccount.class);
    register("price_book", io.rapport.crm.pricing.PriceBook.class);
    register("pricing_rules", io.rapport.crm.pricing.RuleSet.class);
    register("audit_entry", io.rapport.crm.persistence.audit.AuditEntry.class);
    EventTypes.registerAll(this);
  }

  /** Returns a codec with the standard limits. */
  public static JsonCodec standard() {
    return builder().build();
  }

  /** Returns a builder to set the read limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers a type under a stable name for documents, such as {@code ("tally", Tally.class)}.
   * Aggregates and events are registered by their issues; records of kernel values need nothing
   * more.
   *
   * @param name lower-case letters, digits, underscores and dots, such as {@code ticket.escalated}
   * @param type the class
   * @return this codec
   * @throws IllegalArgumentException if the name is malformed or already names another type
   */
  public JsonCodec register(String name, Class<?> type) {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (!name.matches("[a-z][a-z0-9_.]{0,62}")) {
      throw new IllegalArgumentException("A type name has lower-case letters, digits, _ and .: " + name);
    }
    Class<?> known = typesByName.putIfAbsent(name, type);
    if (known != null && !known.equals(type)) {
      throw new IllegalArgumentException("'" + name + "' already names " + known.getName());
    }
    namesByType.putIfAbsent(type, name);
    return this;
  }

  /**
   * Writes a value as plain JSON.
   *
   * @param value the value
   * @return the JSON text
   * @throws CodecException if the value has no JSON form ({@code json.unknown_type})
   */
  public String encode(Object value) {
    requireNonNull(value, "value");
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException | RuntimeException unwritable) {
      throw new CodecException("json.unknown_type", "$",
          "Cannot write " + value.getClass().getName() + " as JSON" + why(unwritable),
          List.empty(), unwritable);
    }
  }

  /**
   * Reads plain JSON into a value.
   *
   * @param json the JSON text
   * @param type the expected type
   * @param <T> the expected type
   * @return the value
   * @throws CodecException if the JSON is malformed, exceeds a limit or does not describe a valid
   *     value of the type
   */
  public <T> T decode(String json, Class<T> type) {
    requireNonNull(json, "json");
    requireNonNull(type, "type");
    try {
      T value = mapper.readValue(json, type);
      if (value == null) {
        throw new CodecException("json.wrong_type", "$", "Expected a value, got null",
            List.empty(), null);
      }
      return value;
    } catch (CodecException already) {
      throw already;
    } catch (Exception | StackOverflowError failure) {
      throw translate(failure);
    }
  }

  /**
   * Writes a value as a stored document with its schema version and registered type name.
   *
   * @param value the value, of a registered type
   * @return the document
   * @throws CodecException if the value's type is not registered ({@code json.unknown_type})
   */
  public String encodeDocument(Object value) {
    requireNonNull(value, "value");
    String name = namesByType.get(value.getClass());
    if (name == null) {
      throw new CodecException("json.unknown_type", "$", "No type name is registered for "
          + value.getClass().getName(), List.empty(), null);
    }
    java.io.StringWriter out = new java.io.StringWriter(256);
    try (com.fasterxml.jackson.core.JsonGenerator generator = mapper.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeNumberField("schemaVersion", SCHEMA_VERSION);
      generator.writeStringField("type", name);
      generator.writeFieldName("data");
      mapper.writeValue(generator, value);
      generator.writeEndObject();
    } catch (java.io.IOException | RuntimeException unwritable) {
      throw new CodecException("json.unknown_type", "$.data",
          "Cannot write " + value.getClass().getName() + " as JSON" + why(unwritable),
          List.empty(), unwritable);
    }
    return out.toString();
  }

  /**
   * Reads a stored document, checking its schema version and type name.
   *
   * @param json the document
   * @param expected the type the caller expects
   * @param <T> the expected type
   * @return the value
   * @throws CodecException if the document is malformed, from a newer schema
   *     ({@code json.unsupported_schema_version}), of another or unknown type
   *     ({@code json.unknown_type}), or its data is not a valid value
   */
  public <T> T decodeDocument(String json, Class<T> expected) {
    requireNonNull(json, "json");
    requireNonNull(expected, "expected");
    T fast = decodeInWrittenOrder(json, expected);
    if (fast != null) {
      return fast;
    }
    JsonNode document;
    try {
      document = mapper.readTree(json);
    } catch (Exception | StackOverflowError failure) {
      throw translate(failure);
    }
    if (document == null || !document.isObject()) {
      throw new CodecException("json.wrong_type", "$", "Expected a document object", List.empty(), null);
    }
    for (java.util.Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("schemaVersion") && !name.equals("type") && !name.equals("data")) {
        throw new CodecException("json.unknown_property", "$." + name,
            "Unknown property '" + name + "' in a document", List.empty(), null);
      }
    }
    JsonNode version = document.get("schemaVersion");
    if (version == null || !version.isIntegralNumber()) {
      throw new CodecException("json.missing_property", "$.schemaVersion",
          "A document needs an integer schemaVersion", List.empty(), null);
    }
    if (!version.canConvertToInt() || version.intValue() > SCHEMA_VERSION || version.intValue() < 1) {
      throw new CodecException("json.unsupported_schema_version", "$.schemaVersion",
          "This codec reads schema versions 1 to " + SCHEMA_VERSION + ", not " + version.asText(),
          List.empty(), null);
    }
    JsonNode type = document.get("type");
    if (type == null || !type.isTextual()) {
      throw new CodecException("json.missing_property", "$.type", "A document needs a type name",
          List.empty(), null);
    }
    Class<?> registered = typesByName.get(type.textValue());
    if (registered == null || !expected.isAssignableFrom(registered)) {
      throw new CodecException("json.unknown_type", "$.type", "Expected a document of "
          + namesByType.getOrDefault(expected, expected.getSimpleName()) + ", got '"
          + type.textValue() + "'", List.empty(), null);
    }
    JsonNode data = document.get("data");
    if (data == null || data.isNull()) {
      throw new CodecException("json.missing_property", "$.data", "A document needs data",
          List.empty(), null);
    }
    try {
      return expected.cast(mapper.treeToValue(data, registered));
    } catch (Exception | StackOverflowError failure) {
      CodecException translated = translate(failure);
      throw new CodecException(translated.code(), underData(translated.path()),
          translated.getMessage(), translated.violations()
              .map(v -> Violation.of(v.code(), underData(v.field()), v.message())), failure);
    }
  }

  /**
   * Reads a document whose envelope comes in the order this codec writes it (schemaVersion, type,
   * data) in one pass, without building a tree; returns null to let the general path handle any
   * other order or any problem in the envelope.
   */
  private <T> T decodeInWrittenOrder(String json, Class<T> expected) {
    Class<?> registered;
    com.fasterxml.jackson.core.JsonParser parser;
    try {
      parser = mapper.createParser(json);
      if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT
          || !"schemaVersion".equals(parser.nextFieldName())
          || parser.nextToken() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
          || parser.getNumberType() != com.fasterxml.jackson.core.JsonParser.NumberType.INT
          || parser.getIntValue() != SCHEMA_VERSION
          || !"type".equals(parser.nextFieldName())) {
        return null;
      }
      String type = parser.nextTextValue();
      registered = type == null ? null : typesByName.get(type);
      if (registered == null || !expected.isAssignableFrom(registered)
          || !"data".equals(parser.nextFieldName())) {
        return null;
      }
      parser.nextToken();
    } catch (Exception | StackOverflowError failure) {
      return null;
    }
    try (com.fasterxml.jackson.core.JsonParser data = parser) {
      Object value = mapper.readerFor(registered)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(data);
      if (value == null || data.nextToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT
          || data.nextToken() != null) {
        return null;
      }
      return expected.cast(value);
    } catch (Exception | StackOverflowError failure) {
      CodecException translated = translate(failure);
      throw new CodecException(translated.code(), underData(translated.path()),
          translated.getMessage(), translated.violations()
              .map(v -> Violation.of(v.code(), underData(v.field()), v.message())), failure);
    }
  }

  /** Returns ": " and what a writer said went wrong, when it said something. */
  private static String why(Exception unwritable) {
    String said = unwritable instanceof JsonProcessingException
        ? ((JsonProcessingException) unwritable).getOriginalMessage() : unwritable.getMessage();
    return said == null || said.isBlank() ? "" : ": " + said;
  }

  private static String underData(String path) {
    return path.startsWith("$") ? "$.data" + path.substring(1) : path;
  }

  private static CodecException translate(Throwable failure) {
    if (failure instanceof StreamConstraintsException) {
      return new CodecException("json.limit_exceeded", "$", failure.getMessage(), List.empty(), failure);
    }
    if (failure instanceof StackOverflowError) {
      return new CodecException("json.limit_exceeded", "$", "The document nests too deeply",
          List.empty(), null);
    }
    if (failure instanceof JsonMappingException) {
      JsonMappingException mapping = (JsonMappingException) failure;
      String path = path(mapping);
      ValueProblem problem = find(mapping);
      if (problem != null) {
        String at = problem.relativeField == null ? path : path + "." + problem.relativeField;
        Seq<Violation> violations = problem.violations.map(v -> v.under(at));
        return new CodecException(problem.code, at, problem.getOriginalMessage(), violations, failure);
      }
      Throwable cause = mapping.getCause();
      if (cause instanceof StreamConstraintsException) {
        return new CodecException("json.limit_exceeded", path, cause.getMessage(), List.empty(), failure);
      }
      if (cause instanceof InvalidValueException) {
        Seq<Violation> violations = ((InvalidValueException) cause).violations().map(v -> v.under(path));
        return new CodecException("json.invalid_value", path, cause.getMessage(), violations, failure);
      }
      if (mapping instanceof UnrecognizedPropertyException) {
        return new CodecException("json.unknown_property", path, mapping.getOriginalMessage(),
            List.empty(), failure);
      }
      if (mapping instanceof MismatchedInputException) {
        String code = mapping.getOriginalMessage().contains("Missing") ? "json.missing_property"
            : "json.wrong_type";
        return new CodecException(code, path, mapping.getOriginalMessage(), List.empty(), failure);
      }
      return new CodecException("json.invalid_value", path, mapping.getOriginalMessage(),
          List.empty(), failure);
    }
    if (failure instanceof JsonProcessingException) {
      return new CodecException("json.malformed", "$",
          ((JsonProcessingException) failure).getOriginalMessage(), List.empty(), failure);
    }
    return new CodecException("json.invalid_value", "$", String.valueOf(failure.getMessage()),
        List.empty(), failure);
  }

  private static ValueProblem find(JsonMappingException mapping) {
    for (Throwable t = mapping; t != null; t = t.getCause()) {
      if (t instanceof ValueProblem) {
        return (ValueProblem) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Sets the read limits of a codec. */
  public static final class Builder {
    private int maxNestingDepth = 64;
    private int maxNumberLength = 64;
    private int maxStringLength = 1 << 20;
    private long maxDocumentLength = 16L << 20;

    private Builder() {}

    /**
     * Sets how deeply arrays and objects may nest (default 64).
     *
     * @param depth 1 or more
     * @return this builder
     */
    public Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = positive(depth, "depth");
      return this;
    }

    /**
     * Sets how many characters a number may have (default 64).
     *
     * @param length 1 or more
     * @return this builder
     */
    public Builder maxNumberLength(int length) {
      this.maxNumberLength = positive(length, "length");
      return this;
    }

    /**
     * Sets how many characters a string may have (default 1 MiB).
     *
     * @param length 1 or more
     * @return this builder
     */
    public Builder maxStringLength(int length) {
      this.maxStringLength = positive(length, "length");
      return this;
    }

    /**
     * Sets how many characters a whole document may have (default 16 MiB).
     *
     * @param length 1 or more
     * @return this builder
     */
    public Builder maxDocumentLength(long length) {
      if (length < 1) {
        throw new IllegalArgumentException("length must be positive: " + length);
      }
      this.maxDocumentLength = length;
      return this;
    }

    /** Returns the codec. */
    public JsonCodec build() {
      return new JsonCodec(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
