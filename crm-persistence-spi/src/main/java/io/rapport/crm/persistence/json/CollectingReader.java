package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one JSON tree into a value, going on after a problem so that every problem is reported at
 * once, each with its path: an unknown, missing or wrongly typed property, an invalid value, and
 * the violations of the checking constructors, mapped under the property they were read from.
 * {@link ServiceJson} and {@link KnowledgeJson} read through it; a part that fails is null, and a
 * record whose parts failed is not built (see {@link Obj#build} and {@link Obj#buildAnyway}).
 *
 * <p>{@link #finish} raises the problems as one {@link ValueProblem}: a single structural problem
 * exactly as {@link Fields} reports it (its code, its path, no violations); otherwise
 * {@code json.invalid_value} (or the one code every problem shares) at the record's path, with
 * every problem as a violation whose field is its path.
 */
final class CollectingReader {

  /** Reads a part of a record from its JSON node, or returns null after recording its problems. */
  @FunctionalInterface
  interface Part<T> {
    T read(CollectingReader reader, JsonNode node, String path);
  }

  /** One problem: a violation, and whether it is about the JSON's shape rather than a value. */
  private static final class Found {
    final Violation violation;
    final String field;
    final boolean structural;

    Found(String code, String field, String message, boolean structural) {
      this.violation = Violation.of(code, field == null ? "value" : field, message);
      this.field = field;
      this.structural = structural;
    }
  }

  private final JsonParser parser;
  private final java.util.List<Found> found = new ArrayList<>();

  private CollectingReader(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Reads a whole value with a part reader and returns it, or throws every problem found.
   *
   * @throws ValueProblem if anything is wrong
   */
  static <T> T read(JsonParser parser, JsonNode node, String what, Part<T> part)
      throws ValueProblem {
    if (node == null || !node.isObject()) {
      throw new ValueProblem(parser, "json.wrong_type", null,
          "Expected " + what + " as a JSON object", List.empty());
    }
    CollectingReader reader = new CollectingReader(parser);
    T value = part.read(reader, node, "");
    return reader.finish(value, what);
  }

  private <T> T finish(T value, String what) throws ValueProblem {
    if (found.isEmpty()) {
      if (value == null) {
        throw new IllegalStateException("A part of " + what + " failed without a problem");
      }
      return value;
    }
    if (found.size() == 1 && found.get(0).structural) {
      Found only = found.get(0);
      throw new ValueProblem(parser, only.violation.code(), only.field, only.violation.message(),
          List.empty());
    }
    Seq<Violation> violations = Vector.ofAll(found).map(f -> f.violation);
    String first = violations.head().code();
    String code = first.startsWith("json.") && violations.forAll(v -> v.code().equals(first))
        ? first : "json.invalid_value";
    throw new ValueProblem(parser, code, null, violations.size() + " problems in " + what + ": "
        + violations.mkString("; "), violations);
  }

  // ---- recording

  /** Returns a child path: {@code name} at the root, {@code path.name} below it. */
  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Returns the path of an array element. */
  static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  private void structural(String code, String field, String message) {
    found.add(new Found(code, field.isEmpty() ? null : field, message, true));
  }

  /** Records a problem with a value read well-formed, at its path. */
  void invalid(String field, String message) {
    structural("json.invalid_value", field, message);
  }

  /** Records the violations of a checking constructor or factory, under a path. */
  void violations(String path, Seq<Violation> violations, boolean scalar) {
    for (Violation v : violations) {
      String field = path.isEmpty() ? v.field() : scalar ? path : v.under(path).field();
      found.add(new Found(v.code(), field, v.message(), false));
    }
  }

  private int count() {
    return found.size();
  }

  // ---- reading parts

  /**
   * Starts reading an object that must have the required properties and may have the optional
   * ones; records every unknown and missing property. Returns null (after recording) if the node
   * is not an object.
   */
  Obj object(JsonNode node, String path, String what, String[] required, String... optional) {
    if (node == null || !node.isObject()) {
      structural("json.wrong_type", path, "Expected " + what + " as a JSON object");
      return null;
    }
    Obj obj = new Obj(node, path, count());
    java.util.List<String> allowed = new ArrayList<>(Arrays.asList(required));
    allowed.addAll(Arrays.asList(optional));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        structural("json.unknown_property", child(path, name),
            "Unknown property '" + name + "' in " + what + "; expected " + allowed);
      }
    }
    for (String name : required) {
      if (!node.has(name) || node.get(name).isNull()) {
        structural("json.missing_property", child(path, name),
            "Missing property '" + name + "' in " + what);
        obj.failed.add(name);
      }
    }
    return obj;
  }

  /** Reads text from a node, or returns null after recording a wrong type. */
  String text(JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      structural("json.wrong_type", path, "Expected '" + path + "' as a JSON string");
      return null;
    }
    return node.textValue();
  }

  /** Reads a value of a type the module maps (an id, an instant, a percentage, a role, …). */
  <T> T mapped(JsonNode node, String path, Class<T> type) {
    RapportJsonModule.Reader<T> reader = RapportJsonModule.readerFor(type);
    if (reader == null) {
      throw new IllegalStateException("No JSON reader for " + type.getName());
    }
    try {
      return reader.read(parser, node);
    } catch (JsonMappingException problem) {
      record(problem, path, node != null && node.isValueNode());
      return null;
    } catch (IOException unreadable) {
      structural("json.invalid_value", path, String.valueOf(unreadable.getMessage()));
      return null;
    }
  }

  private void record(JsonMappingException mapping, String path, boolean scalar) {
    StringBuilder at = new StringBuilder(path);
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        at.append(at.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        at.append('[').append(reference.getIndex()).append(']');
      }
    }
    ValueProblem problem = null;
    for (Throwable t = mapping; t != null && problem == null; t = t.getCause()) {
      if (t instanceof ValueProblem) {
        problem = (ValueProblem) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (problem == null) {
      structural("json.invalid_value", at.toString(), String.valueOf(mapping.getOriginalMessage()));
      return;
    }
    String field = problem.relativeField == null ? at.toString()
        : child(at.toString(), problem.relativeField);
    if (problem.violations.isEmpty()) {
      structural(problem.code, field, String.valueOf(problem.getOriginalMessage()));
    } else {
      violations(field, problem.violations, scalar && problem.relativeField == null);
    }
  }

  /** Reads one part of a record at a path with a part reader. */
  <T> T part(JsonNode node, String path, Part<T> part) {
    return part.read(this, node, path);
  }

  /** Reads the name of a constant of an enum, or returns null after recording the problem. */
  <E extends Enum<E>> E constant(JsonNode node, String path, Class<E> type) {
    String text = text(node, path);
    if (text == null) {
      return null;
    }
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equals(text)) {
        return candidate;
      }
    }
    invalid(path, "Unknown value '" + text + "'; expected one of "
        + Arrays.toString(type.getEnumConstants()));
    return null;
  }

  /**
   * Builds a value from text with a checking constructor (such as a category code), mapping its
   * violations to the path; returns null after recording the problem.
   */
  <T> T checked(JsonNode node, String path, java.util.function.Function<String, T> constructor) {
    String text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      return constructor.apply(text);
    } catch (InvalidValueException invalid) {
      violations(path, invalid.violations(), true);
    } catch (IllegalArgumentException invalid) {
      invalid(path, String.valueOf(invalid.getMessage()));
    }
    return null;
  }

  /** Reads a time zone id such as {@code Asia/Shanghai}, reporting an unknown one. */
  java.time.ZoneId zone(JsonNode node, String path) {
    String text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      return java.time.ZoneId.of(text);
    } catch (java.time.DateTimeException unknown) {
      invalid(path, "Unknown time zone '" + text + "'; expected an id such as Asia/Shanghai");
      return null;
    }
  }

  /** Reads an ISO 4217 currency code such as {@code CNY}, reporting an unknown one. */
  java.util.Currency currency(JsonNode node, String path) {
    String text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      return java.util.Currency.getInstance(text);
    } catch (IllegalArgumentException unknown) {
      invalid(path, "Unknown currency '" + text + "'; expected an ISO 4217 code such as CNY");
      return null;
    }
  }

  /** The property naming the variant of a sealed type in a JSON object. */
  static final String KIND = "kind";

  /**
   * Reads the {@value #KIND} of an object standing for a variant of a sealed type, reporting a
   * value that is not an object, or an object without a kind.
   *
   * @return the kind, or null after reporting why there is none
   */
  String kindOf(JsonNode n, String path, String what, String[] properties) {
    if (n == null || !n.isObject()) {
      object(n, path, what, new String[0]);
      return null;
    }
    JsonNode kind = n.get(KIND);
    if (kind == null || kind.isNull()) {
      object(n, path, what, new String[] {KIND}, properties);
      return null;
    }
    return text(kind, child(path, KIND));
  }

  /** Reports a kind no variant has, listing the known ones; answers null. */
  <T> T unknownKind(String path, String kind, String what, String kinds) {
    invalid(child(path, KIND), "Unknown " + what + " kind '" + kind + "'; expected one of "
        + kinds);
    return null;
  }

  /** Returns the property names of a variant's object: {@value #KIND}, then the given ones. */
  static String[] withKind(String... names) {
    String[] all = new String[names.length + 1];
    all[0] = KIND;
    System.arraycopy(names, 0, all, 1, names.length);
    return all;
  }

  /** One JSON object being read: its properties, and which of them failed. */
  final class Obj {
    private final JsonNode node;
    private final String path;
    private final int problemsBefore;
    private final Set<String> failed = new HashSet<>();

    private Obj(JsonNode node, String path, int problemsBefore) {
      this.node = node;
      this.path = path;
      this.problemsBefore = problemsBefore;
    }

    /** Returns the path of a property. */
    String at(String name) {
      return child(path, name);
    }

    /** Returns whether a property is present and not null. */
    boolean has(String name) {
      JsonNode value = node.get(name);
      return value != null && !value.isNull();
    }

    /** Returns whether any property of this object (or inside it) had a problem. */
    boolean failed() {
      return count() > problemsBefore || !failed.isEmpty();
    }

    private <T> T note(String name, T value) {
      if (value == null) {
        failed.add(name);
      }
      return value;
    }

    /** Reads a required string property. */
    String text(String name) {
      return has(name) ? note(name, CollectingReader.this.text(node.get(name), at(name))) : null;
    }

    /** Reads an optional string property: empty when absent, null when it failed. */
    Option<String> optionalText(String name) {
      if (!has(name)) {
        return Option.none();
      }
      String text = text(name);
      return text == null ? null : Option.of(text);
    }

    /** Reads a required integer property that must fit an int. */
    Integer integer(String name) {
      Long value = number(name);
      if (value == null) {
        return null;
      }
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        invalid(at(name), "Expected '" + name + "' to fit an int, got " + value);
        failed.add(name);
        return null;
      }
      return value.intValue();
    }

    /** Reads a required integer property that must fit a long. */
    Long number(String name) {
      if (!has(name)) {
        return null;
      }
      JsonNode value = node.get(name);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        structural("json.wrong_type", at(name), "Expected '" + name + "' as an integer");
        failed.add(name);
        return null;
      }
      return value.longValue();
    }

    /** Reads a required boolean property. */
    Boolean bool(String name) {
      if (!has(name)) {
        return null;
      }
      JsonNode value = node.get(name);
      if (!value.isBoolean()) {
        structural("json.wrong_type", at(name), "Expected '" + name + "' as a boolean");
        failed.add(name);
        return null;
      }
      return value.booleanValue();
    }

    /** Reads a required property naming a constant of an enum. */
    <E extends Enum<E>> E constant(String name, Class<E> type) {
      return has(name) ? note(name, CollectingReader.this.constant(node.get(name), at(name), type))
          : null;
    }

    /** Reads a required property of a type the module maps. */
    <T> T value(String name, Class<T> type) {
      return has(name) ? note(name, mapped(node.get(name), at(name), type)) : null;
    }

    /** Reads an optional property of a type the module maps: empty when absent, null if failed. */
    <T> Option<T> optional(String name, Class<T> type) {
      if (!has(name)) {
        return Option.none();
      }
      T value = value(name, type);
      return value == null ? null : Option.of(value);
    }

    /** Reads a required text property through a checking constructor. */
    <T> T checked(String name, java.util.function.Function<String, T> constructor) {
      return has(name)
          ? note(name, CollectingReader.this.checked(node.get(name), at(name), constructor))
          : null;
    }

    /** Reads a required property with a part reader. */
    <T> T part(String name, Part<T> part) {
      return has(name) ? note(name, part.read(CollectingReader.this, node.get(name), at(name)))
          : null;
    }

    /** Reads an optional property with a part reader: empty when absent, null if it failed. */
    <T> Option<T> optionalPart(String name, Part<T> part) {
      if (!has(name)) {
        return Option.none();
      }
      T value = part(name, part);
      return value == null ? null : Option.of(value);
    }

    /**
     * Reads an array property, each element with a part reader. Returns the elements read; if any
     * failed, the property is marked as failed and the failing elements are left out. Null if the
     * property is missing or not an array.
     */
    <T> Vector<T> list(String name, Part<T> element) {
      if (!has(name)) {
        return null;
      }
      JsonNode array = node.get(name);
      if (!array.isArray()) {
        structural("json.wrong_type", at(name), "Expected '" + name + "' as an array");
        failed.add(name);
        return null;
      }
      Vector<T> items = Vector.empty();
      for (int i = 0; i < array.size(); i++) {
        T item = element.read(CollectingReader.this, array.get(i), element(at(name), i));
        if (item == null) {
          failed.add(name);
        } else {
          items = items.append(item);
        }
      }
      return items;
    }

    /** Reads an optional array property: empty when absent. */
    <T> Vector<T> optionalList(String name, Part<T> element) {
      return has(name) ? list(name, element) : Vector.empty();
    }

    /**
     * Reads an array property whose elements must not repeat, into a set; a repeat is
     * {@code json.invalid_value} on the property.
     */
    <T> io.vavr.collection.Set<T> set(String name, Part<T> element) {
      Vector<T> items = list(name, element);
      if (items == null) {
        return null;
      }
      io.vavr.collection.Set<T> set = io.vavr.collection.HashSet.ofAll(items);
      if (set.size() != items.size()) {
        invalid(at(name), "The elements of '" + name + "' must not repeat");
        failed.add(name);
        return null;
      }
      return failed.contains(name) ? null : set;
    }

    /** Reads an optional array property as a set: empty when absent. */
    <T> io.vavr.collection.Set<T> optionalSet(String name, Part<T> element) {
      return has(name) ? set(name, element) : io.vavr.collection.HashSet.empty();
    }

    /** Returns a part's value if it read, else a stand-in used only to check the other parts. */
    <T> T or(T value, T standIn) {
      return value != null ? value : standIn;
    }

    /**
     * Builds the record through its checking constructor once every part read, mapping the
     * constructor's violations under this object's path; returns null if a part failed or the
     * constructor refused.
     */
    <T> T build(Supplier<T> constructor) {
      if (failed()) {
        return null;
      }
      return attempt(constructor);
    }

    /**
     * Builds the record like {@link #build}, but also when parts failed: then the constructor gets
     * stand-ins for the failed parts (see {@link #or}) and only its violations about the parts
     * that read are kept, so that a record with a bad property still has its other properties
     * checked against the record's rules. A property listed in {@code dependents} under a failed
     * one is treated as failed too (its rules refer to the failed one). Returns null if anything
     * failed.
     */
    <T> T buildAnyway(Supplier<T> withStandIns, java.util.Map<String, java.util.List<String>>
        dependents) {
      if (!failed()) {
        return attempt(withStandIns);
      }
      Set<String> excluded = new HashSet<>(failed);
      for (String name : failed) {
        excluded.addAll(dependents.getOrDefault(name, java.util.List.of()));
      }
      try {
        withStandIns.get();
      } catch (InvalidValueException invalid) {
        violations(path, invalid.violations().filter(v -> !excluded.contains(root(v.field()))),
            false);
      } catch (RuntimeException ignored) {
        // the stand-ins are not a record worth reporting on; the failed parts are reported
      }
      return null;
    }

    private <T> T attempt(Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (InvalidValueException invalid) {
        violations(path, invalid.violations(), false);
      } catch (IllegalArgumentException invalid) {
        found.add(new Found("json.invalid_value", path.isEmpty() ? null : path,
            String.valueOf(invalid.getMessage()), false));
      }
      return null;
    }
  }

  /** Returns the first property of a violation's field: {@code targets} of {@code targets[1].x}. */
  static String root(String field) {
    int end = field.length();
    int dot = field.indexOf('.');
    int bracket = field.indexOf('[');
    if (dot >= 0) {
      end = dot;
    }
    if (bracket >= 0 && bracket < end) {
      end = bracket;
    }
    return field.substring(0, end);
  }
}
