package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Arrays;
import java.util.Iterator;

/** Reads the fields of one JSON object strictly: no unknown, no missing, no wrongly typed field. */
final class Fields {

  private final JsonParser parser;
  private final JsonNode node;

  private Fields(JsonParser parser, JsonNode node) {
    this.parser = parser;
    this.node = node;
  }

  /** Reads an object that must have exactly the named fields. */
  static Fields of(JsonParser parser, JsonNode node, String what, String... names)
      throws ValueProblem {
    if (node == null || !node.isObject()) {
      throw new ValueProblem(parser, "json.wrong_type", null,
          "Expected " + what + " as a JSON object", List.empty());
    }
    java.util.List<String> allowed = Arrays.asList(names);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new ValueProblem(parser, "json.unknown_property", name,
            "Unknown property '" + name + "' in " + what + "; expected " + allowed, List.empty());
      }
    }
    for (String name : names) {
      if (!node.has(name) || node.get(name).isNull()) {
        throw new ValueProblem(parser, "json.missing_property", name,
            "Missing property '" + name + "' in " + what, List.empty());
      }
    }
    return new Fields(parser, node);
  }

  /**
   * Reads an object that must have the required fields and may have the optional ones (absent or
   * null meaning empty); any other field is an error.
   */
  static Fields withOptional(JsonParser parser, JsonNode node, String what, String[] required,
      String... optional) throws ValueProblem {
    if (node == null || !node.isObject()) {
      throw new ValueProblem(parser, "json.wrong_type", null,
          "Expected " + what + " as a JSON object", List.empty());
    }
    java.util.List<String> allowed = new java.util.ArrayList<>(Arrays.asList(required));
    allowed.addAll(Arrays.asList(optional));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new ValueProblem(parser, "json.unknown_property", name,
            "Unknown property '" + name + "' in " + what + "; expected " + allowed, List.empty());
      }
    }
    for (String name : required) {
      if (!node.has(name) || node.get(name).isNull()) {
        throw new ValueProblem(parser, "json.missing_property", name,
            "Missing property '" + name + "' in " + what, List.empty());
      }
    }
    return new Fields(parser, node);
  }

  /** Returns whether a field is present and not null. */
  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  /** Returns an optional field that must be a JSON string when present. */
  io.vavr.control.Option<String> optionalText(String name) throws ValueProblem {
    return has(name) ? io.vavr.control.Option.of(text(name)) : io.vavr.control.Option.none();
  }

  /** Returns a field that must be a JSON boolean. */
  boolean bool(String name) throws ValueProblem {
    return shaped(name, node.get(name).isBoolean(), "a boolean").booleanValue();
  }

  /** Returns a field that must be a JSON integer that fits a long. */
  long integer(String name) throws ValueProblem {
    JsonNode value = node.get(name);
    return shaped(name, value.isIntegralNumber() && value.canConvertToLong(), "an integer")
        .longValue();
  }

  /** Returns a field that must name one constant of an enum, as written by {@code name()}. */
  <E extends Enum<E>> E constant(String name, Class<E> type) throws ValueProblem {
    String text = text(name);
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equals(text)) {
        return candidate;
      }
    }
    throw new ValueProblem(parser, "json.invalid_value", name, "Unknown value '" + text
        + "' for '" + name + "'; expected one of " + Arrays.toString(type.getEnumConstants()),
        List.empty());
  }

  /** Returns a field read as a value of a mapped type, such as Money, an id or an Instant. */
  <T> T value(String name, Class<T> type) throws java.io.IOException {
    return read(parser, node.get(name), type, name);
  }

  /** Returns an optional field read as a value of a mapped type. */
  <T> io.vavr.control.Option<T> optional(String name, Class<T> type) throws java.io.IOException {
    return has(name) ? io.vavr.control.Option.of(value(name, type)) : io.vavr.control.Option.none();
  }

  /** Returns a field that must be an array, each element read as a value of a mapped type. */
  <T> List<T> list(String name, Class<T> type) throws java.io.IOException {
    JsonNode array = array(name);
    java.util.List<T> items = new java.util.ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      try {
        items.add(requireValue(direct(parser, array.get(i), type), parser, name));
      } catch (com.fasterxml.jackson.databind.JsonMappingException problem) {
        throw com.fasterxml.jackson.databind.JsonMappingException.wrapWithPath(
            com.fasterxml.jackson.databind.JsonMappingException.wrapWithPath(problem, array, i),
            node, name);
      }
    }
    return List.ofAll(items);
  }

  /** Reads one value of a mapped type, adding the field to the path of any problem. */
  static <T> T read(JsonParser parser, JsonNode value, Class<T> type, String field)
      throws java.io.IOException {
    try {
      return requireValue(direct(parser, value, type), parser, field);
    } catch (com.fasterxml.jackson.databind.JsonMappingException problem) {
      throw com.fasterxml.jackson.databind.JsonMappingException.wrapWithPath(problem, value, field);
    }
  }

  /** Reads with the module's own reader when it has one, else through Jackson. */
  private static <T> T direct(JsonParser parser, JsonNode value, Class<T> type)
      throws java.io.IOException {
    if (type == String.class) {
      return type.cast(text(parser, value, null));
    }
    RapportJsonModule.Reader<T> reader = RapportJsonModule.readerFor(type);
    if (reader != null && value != null && !value.isNull()) {
      return reader.read(parser, value);
    }
    return parser.getCodec().treeToValue(value, type);
  }

  private static <T> T requireValue(T value, JsonParser parser, String field) throws ValueProblem {
    if (value == null) {
      throw new ValueProblem(parser, "json.missing_property", null,
          "Missing value in '" + field + "'", List.empty());
    }
    return value;
  }

  /** Returns a field that must be a JSON string. */
  String text(String name) throws ValueProblem {
    return text(parser, node.get(name), name);
  }

  /** Returns a field that must be a JSON array. */
  JsonNode array(String name) throws ValueProblem {
    return shaped(name, node.get(name).isArray(), "an array");
  }

  /** Returns a field that must be a JSON object. */
  JsonNode object(String name) throws ValueProblem {
    return shaped(name, node.get(name).isObject(), "an object");
  }

  private JsonNode shaped(String name, boolean matches, String shape) throws ValueProblem {
    if (!matches) {
      throw new ValueProblem(parser, "json.wrong_type", name, "Expected '" + name + "' as " + shape,
          List.empty());
    }
    return node.get(name);
  }

  static String text(JsonParser parser, JsonNode value, String field) throws ValueProblem {
    if (value == null || !value.isTextual()) {
      throw new ValueProblem(parser, "json.wrong_type", field,
          "Expected " + (field == null ? "a" : "'" + field + "' as a") + " JSON string",
          List.empty());
    }
    return value.textValue();
  }

  /** Builds a value whose constructor checks invariants, turning its violations into a problem. */
  static <T> T construct(JsonParser parser, String what, java.util.function.Supplier<T> build)
      throws ValueProblem {
    try {
      return build.get();
    } catch (io.rapport.crm.kernel.InvalidValueException invalid) {
      throw new ValueProblem(parser, "json.invalid_value", null,
          "Invalid " + what + ": " + invalid.violations().mkString("; "), invalid.violations());
    } catch (IllegalArgumentException invalid) {
      throw new ValueProblem(parser, "json.invalid_value", null,
          "Invalid " + what + ": " + invalid.getMessage(), List.empty());
    }
  }

  /** Returns the value of a kernel validation, or throws its violations. */
  static <T> T valid(JsonParser parser, Validation<Seq<Violation>, T> result, String what)
      throws ValueProblem {
    if (result.isInvalid()) {
      throw new ValueProblem(parser, "json.invalid_value", null,
          "Invalid " + what + ": " + result.getError().mkString("; "), result.getError());
    }
    return result.get();
  }
}
