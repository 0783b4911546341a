package io.rapport.crm.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Iterator;

/**
 * Diffs JSON documents into field changes and applies field changes to documents. A leaf is a
 * scalar, an array (one value, never split) or an empty object; objects are walked property by
 * property.
 */
final class JsonDocuments {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  private JsonDocuments() {}

  /** Parses JSON text; the text comes from the codec or from an entry this package wrote. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException malformed) {
      throw new IllegalArgumentException("Not JSON: " + malformed.getOriginalMessage(), malformed);
    }
  }

  /** Returns the changes that turn one document into another, before's paths first. */
  static Seq<FieldChange> diff(Option<JsonNode> before, Option<JsonNode> after) {
    Map<String, JsonNode> old = before.map(JsonDocuments::leaves).getOrElse(LinkedHashMap.empty());
    Map<String, JsonNode> now = after.map(JsonDocuments::leaves).getOrElse(LinkedHashMap.empty());
    List<FieldChange> changes = List.empty();
    for (String path : old.keySet().toList().appendAll(now.keySet().filter(p -> !old.containsKey(p)))) {
      Option<JsonNode> was = old.get(path);
      Option<JsonNode> is = now.get(path);
      if (!was.equals(is)) {
        changes = changes.prepend(new FieldChange(path, was.map(JsonNode::toString),
            is.map(JsonNode::toString)));
      }
    }
    return changes.reverse();
  }

  /** Returns the leaves of a document by path, in document order. */
  static Map<String, JsonNode> leaves(JsonNode document) {
    java.util.LinkedHashMap<String, JsonNode> leaves = new java.util.LinkedHashMap<>();
    if (document.isObject()) {
      for (Iterator<java.util.Map.Entry<String, JsonNode>> fields = document.fields(); fields.hasNext(); ) {
        java.util.Map.Entry<String, JsonNode> field = fields.next();
        collect(field.getValue(), "$" + segment(field.getKey()), leaves);
      }
    } else {
      leaves.put("$", document);
    }
    return LinkedHashMap.ofAll(leaves);
  }

  private static void collect(JsonNode node, String path, java.util.Map<String, JsonNode> leaves) {
    if (node.isObject() && node.size() > 0) {
      for (Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        java.util.Map.Entry<String, JsonNode> field = fields.next();
        collect(field.getValue(), path + segment(field.getKey()), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  /** Writes one property name as a path segment. */
  static String segment(String name) {
    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return "." + name;
    }
    return "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /**
   * Splits a path into property names.
   *
   * @throws IllegalArgumentException if the path is not one {@link #segment} writes
   */
  static List<String> names(String path) {
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("A path starts with $: " + path);
    }
    List<String> names = List.empty();
    int i = 1;
    while (i < path.length()) {
      if (path.charAt(i) == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          throw new IllegalArgumentException("An empty name in the path " + path);
        }
        names = names.append(path.substring(i + 1, end));
        i = end;
      } else if (path.startsWith("['", i)) {
        StringBuilder name = new StringBuilder();
        int j = i + 2;
        while (j < path.length() && path.charAt(j) != '\'') {
          if (path.charAt(j) == '\\' && j + 1 < path.length()) {
            j++;
          }
          name.append(path.charAt(j));
          j++;
        }
        if (!path.startsWith("']", j)) {
          throw new IllegalArgumentException("An unclosed name in the path " + path);
        }
        names = names.append(name.toString());
        i = j + 2;
      } else {
        throw new IllegalArgumentException("Not a field path: " + path);
      }
    }
    return names;
  }

  /**
   * Applies changes to a document in place: first every removal (emptied parent objects go too),
   * then every value set (missing parents are created).
   */
  static void apply(ObjectNode document, Seq<FieldChange> changes) {
    for (FieldChange change : changes.filter(c -> c.after().isEmpty())) {
      remove(document, names(change.path()));
    }
    for (FieldChange change : changes.filter(c -> c.after().isDefined())) {
      set(document, names(change.path()), parse(change.after().get()));
    }
  }

  /** Sets or removes one path's value in place. */
  static void put(ObjectNode document, String path, Option<String> value) {
    if (value.isEmpty()) {
      remove(document, names(path));
    } else {
      set(document, names(path), parse(value.get()));
    }
  }

  private static void set(ObjectNode document, List<String> names, JsonNode value) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("Cannot replace a whole document by a field change");
    }
    ObjectNode parent = document;
    for (String name : names.init()) {
      JsonNode child = parent.get(name);
      if (child == null || !child.isObject()) {
        child = parent.putObject(name);
      }
      parent = (ObjectNode) child;
    }
    parent.set(names.last(), value);
  }

  private static void remove(ObjectNode document, List<String> names) {
    if (names.isEmpty()) {
      document.removeAll();
      return;
    }
    JsonNode child = document.get(names.head());
    if (names.size() == 1) {
      document.remove(names.head());
    } else if (child != null && child.isObject()) {
      remove((ObjectNode) child, names.tail());
      if (child.size() == 0) {
        document.remove(names.head());
      }
    }
  }
}
