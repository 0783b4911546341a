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
