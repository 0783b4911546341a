package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;

/**
 * Maps every domain event (see {@link EventTypes}) to plain JSON: an object with one property per
 * record component, in declaration order. Values the module already maps (ids, money, instants,
 * record references, …) keep their shapes; an empty {@code Option} is left out (absent or
 * {@code null} reads as empty); {@code Seq} and {@code Set} are arrays (a set of comparable values
 * sorted, so equal sets write equal JSON); enumerations are their names; a locale is its language
 * tag; a date is ISO-8601; a {@code BigDecimal} is a plain string; any other record, such as the
 * event stamp, is an object of its components in turn. Reading is strict like the rest of the
 * codec and goes through each record's canonical constructor, so its checks apply. Every type an
 * event needs is checked when the module is built, so an event with an unmappable component fails
 * at once rather than when first stored.
 */
final class EventJson {

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return new Shape(type);
    }
  };

  private EventJson() {}

  /** Adds a mapping for every named event to the module. */
  static void addTo(RapportJsonModule module) {
    for (Class<?> type : EventTypes.BY_NAME.values()) {
      add(module, type);
    }
  }

  private static <T> void add(RapportJsonModule module, Class<T> type) {
    check(type, type.getName(), new java.util.HashSet<>());
    module.addValue(type, (value, g) -> writeRecord(value, g),
        (p, n) -> type.cast(readRecord(p, n, type)));
  }

  /** Fails if some component, at any depth, has no JSON form here. */
  private static void check(Type type, String where, java.util.Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    Class<?> raw = raw(type);
    if (Option.class.equals(raw) || Seq.class.equals(raw) || List.class.equals(raw)
        || Set.class.equals(raw)) {
      if (!(type instanceof ParameterizedType)) {
        throw new IllegalStateException("No element type for " + where);
      }
      check(((ParameterizedType) type).getActualTypeArguments()[0], where + "[]", seen);
    } else if (kind(raw) == Kind.RECORD) {
      for (RecordComponent component : raw.getRecordComponents()) {
        check(component.getGenericType(), where + "." + component.getName(), seen);
      }
    } else if (kind(raw) == Kind.UNKNOWN) {
      throw new IllegalStateException("No JSON form for " + type.getTypeName() + " at " + where);
    }
  }

  private enum Kind { MAPPED, STRING, INT, LONG, BOOLEAN, DECIMAL, ENUM, LOCALE, DATE, SUPER_MAPPED,
    RECORD, UNKNOWN }

  private static Kind kind(Class<?> raw) {
    if (RapportJsonModule.readerFor(raw) != null) {
      return Kind.MAPPED;
    } else if (raw == String.class) {
      return Kind.STRING;
    } else if (raw == int.class || raw == Integer.class) {
      return Kind.INT;
    } else if (raw == long.class || raw == Long.class) {
      return Kind.LONG;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return Kind.BOOLEAN;
    } else if (raw == BigDecimal.class) {
      return Kind.DECIMAL;
    } else if (raw.isEnum()) {
      return Kind.ENUM;
    } else if (raw == Locale.class) {
      return Kind.LOCALE;
    } else if (raw == LocalDate.class) {
      return Kind.DATE;
    } else if (mappedSuper(raw) != null) {
      return Kind.SUPER_MAPPED;
    } else if (raw.isRecord()) {
      return Kind.RECORD;
    }
    return Kind.UNKNOWN;
  }

  /** Returns a mapped interface of a type (a sealed family such as a ledger entry), or null. */
  private static Class<?> mappedSuper(Class<?> raw) {
    for (Class<?> each : raw.getInterfaces()) {
      if (RapportJsonModule.readerFor(each) != null) {
        return each;
      }
    }
    return null;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    throw new IllegalStateException("No JSON form for " + type.getTypeName());
  }

  private static Type element(Type type) {
    return ((ParameterizedType) type).getActualTypeArguments()[0];
  }

  private static void writeRecord(Object value, JsonGenerator g) throws IOException {
    Shape shape = SHAPES.get(value.getClass());
    g.writeStartObject();
    for (int i = 0; i < shape.names.length; i++) {
      Object component = shape.get(value, i);
      if (component instanceof Option && ((Option<?>) component).isEmpty()) {
        continue;
      }
      g.writeFieldName(shape.names[i]);
      write(component, shape.types[i], g);
    }
    g.writeEndObject();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void write(Object value, Type type, JsonGenerator g) throws IOException {
    Class<?> raw = raw(type);
    if (Option.class.equals(raw)) {
      Option<?> option = (Option<?>) value;
      if (option.isEmpty()) {
        g.writeNull();
      } else {
        write(option.get(), element(type), g);
      }
      return;
    }
    if (Seq.class.equals(raw) || List.class.equals(raw) || Set.class.equals(raw)) {
      Iterable<?> items = (Iterable<?>) value;
      if (value instanceof Set && Comparable.class.isAssignableFrom(raw(element(type)))) {
        items = ((Set) value).toSortedSet();
      }
      g.writeStartArray();
      for (Object item : items) {
        write(item, element(type), g);
      }
      g.writeEndArray();
      return;
    }
    switch (kind(raw)) {
      case STRING:
        g.writeString((String) value);
        break;
      case INT:
        g.writeNumber((Integer) value);
        break;
      case LONG:
        g.writeNumber((Long) value);
        break;
      case BOOLEAN:
        g.writeBoolean((Boolean) value);
        break;
      case DECIMAL:
        g.writeString(((BigDecimal) value).toPlainString());
        break;
      case ENUM:
        g.writeString(((Enum<?>) value).name());
        break;
      case LOCALE:
        g.writeString(((Locale) value).toLanguageTag());
        break;
      case DATE:
        g.writeString(value.toString());
        break;
      case RECORD:
        writeRecord(value, g);
        break;
      default:
        g.writeObject(value);
        break;
    }
  }

  private static Object readRecord(JsonParser p, JsonNode n, Class<?> type) throws IOException {
    Shape shape = SHAPES.get(type);
    if (n == null || !n.isObject()) {
      throw new ValueProblem(p, "json.wrong_type", null,
          "Expected " + shape.what + " as a JSON object", List.empty());
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (shape.index(name) < 0) {
        throw new ValueProblem(p, "json.unknown_property", name, "Unknown property '" + name
            + "' in " + shape.what + "; expected " + java.util.Arrays.toString(shape.names),
            List.empty());
      }
    }
    Object[] arguments = new Object[shape.names.length];
    for (int i = 0; i < shape.names.length; i++) {
      JsonNode value = n.get(shape.names[i]);
      boolean optional = Option.class.equals(raw(shape.types[i]));
      if (value == null || value.isNull()) {
        if (!optional) {
          throw new ValueProblem(p, "json.missing_property", shape.names[i],
              "Missing property '" + shape.names[i] + "' in " + shape.what, List.empty());
        }
        arguments[i] = Option.none();
        continue;
      }
      try {
        arguments[i] = read(p, value, shape.types[i]);
      } catch (JsonMappingException problem) {
        throw JsonMappingException.wrapWithPath(problem, (Object) null, shape.names[i]);
      }
    }
    return shape.construct(p, arguments);
  }

  private static Object read(JsonParser p, JsonNode n, Type type) throws IOException {
    Class<?> raw = raw(type);
    if (Option.class.equals(raw)) {
      return n == null || n.isNull() ? Option.none() : Option.some(read(p, n, element(type)));
    }
    if (n == null || n.isNull()) {
      throw new ValueProblem(p, "json.missing_property", null, "Missing value", List.empty());
    }
    if (Seq.class.equals(raw) || List.class.equals(raw) || Set.class.equals(raw)) {
      if (!n.isArray()) {
        throw wrong(p, "an array");
      }
      java.util.List<Object> items = new java.util.ArrayList<>(n.size());
      for (int i = 0; i < n.size(); i++) {
        try {
          items.add(read(p, n.get(i), element(type)));
        } catch (JsonMappingException problem) {
          throw JsonMappingException.wrapWithPath(problem, (Object) null, i);
        }
      }
      if (!Set.class.equals(raw)) {
        return List.ofAll(items);
      }
      Set<Object> set = HashSet.ofAll(items);
      if (set.size() != items.size()) {
        throw new ValueProblem(p, "json.invalid_value", null, "The elements of a set must not repeat",
            List.empty());
      }
      return set;
    }
    switch (kind(raw)) {
      case STRING:
        return text(p, n);
      case INT:
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
          throw wrong(p, "an integer");
        }
        return n.intValue();
      case LONG:
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
          throw wrong(p, "an integer");
        }
        return n.longValue();
      case BOOLEAN:
        if (!n.isBoolean()) {
          throw wrong(p, "a boolean");
        }
        return n.booleanValue();
      case DECIMAL:
        try {
          return new BigDecimal(text(p, n));
        } catch (NumberFormatException malformed) {
          throw new ValueProblem(p, "json.invalid_value", null, "Expected a decimal such as \"1.5\"",
              List.empty());
        }
      case ENUM:
        return constant(p, text(p, n), raw);
      case LOCALE:
        String tag = text(p, n);
        Locale locale = Locale.forLanguageTag(tag);
        if (tag.isEmpty() || !locale.toLanguageTag().equals(tag)) {
          throw new ValueProblem(p, "json.invalid_value", null,
              "Expected a language tag such as zh-CN, not '" + tag + "'", List.empty());
        }
        return locale;
      case DATE:
        try {
          return LocalDate.parse(text(p, n));
        } catch (DateTimeException malformed) {
          throw new ValueProblem(p, "json.invalid_value", null,
              "Expected a date such as 2026-10-01", List.empty());
        }
      case RECORD:
        return readRecord(p, n, raw);
      case SUPER_MAPPED:
        Object value = RapportJsonModule.readerFor(mappedSuper(raw)).read(p, n);
        if (!raw.isInstance(value)) {
          throw new ValueProblem(p, "json.invalid_value", null, "Expected a "
              + raw.getSimpleName() + ", got a " + value.getClass().getSimpleName(), List.empty());
        }
        return value;
      default:
        return RapportJsonModule.readerFor(raw).read(p, n);
    }
  }

  private static Object constant(JsonParser p, String text, Class<?> type) throws ValueProblem {
    for (Object candidate : type.getEnumConstants()) {
      if (((Enum<?>) candidate).name().equals(text)) {
        return candidate;
      }
    }
    throw new ValueProblem(p, "json.invalid_value", null, "Unknown value '" + text
        + "'; expected one of " + java.util.Arrays.toString(type.getEnumConstants()), List.empty());
  }

  private static String text(JsonParser p, JsonNode n) throws ValueProblem {
    if (!n.isTextual()) {
      throw wrong(p, "a JSON string");
    }
    return n.textValue();
  }

  private static ValueProblem wrong(JsonParser p, String shape) {
    return new ValueProblem(p, "json.wrong_type", null, "Expected " + shape, List.empty());
  }

  /** The components and canonical constructor of one record type. */
  private static final class Shape {
    final String what;
    final String[] names;
    final Type[] types;
    final Method[] accessors;
    final Constructor<?> constructor;

    Shape(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      this.what = type.getSimpleName();
      this.names = new String[components.length];
      this.types = new Type[components.length];
      this.accessors = new Method[components.length];
      Class<?>[] parameters = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        names[i] = components[i].getName();
        types[i] = components[i].getGenericType();
        accessors[i] = components[i].getAccessor();
        accessors[i].trySetAccessible();
        parameters[i] = components[i].getType();
      }
      try {
        this.constructor = type.getDeclaredConstructor(parameters);
      } catch (NoSuchMethodException impossible) {
        throw new IllegalStateException("A record without its canonical constructor: " + type,
            impossible);
      }
      constructor.trySetAccessible();
    }

    int index(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    Object get(Object value, int i) {
      try {
        return accessors[i].invoke(value);
      } catch (IllegalAccessException | InvocationTargetException unreadable) {
        throw new IllegalStateException("Cannot read " + what + "." + names[i], unreadable);
      }
    }

    Object construct(JsonParser p, Object[] arguments) throws ValueProblem {
      try {
        return constructor.newInstance(arguments);
      } catch (InvocationTargetException refused) {
        Throwable cause = refused.getCause();
        if (cause instanceof InvalidValueException) {
          InvalidValueException invalid = (InvalidValueException) cause;
          throw new ValueProblem(p, "json.invalid_value", null,
              "Invalid " + what + ": " + invalid.violations().mkString("; "), invalid.violations());
        }
        throw new ValueProblem(p, "json.invalid_value", null,
            "Invalid " + what + ": " + cause, List.empty());
      } catch (ReflectiveOperationException | IllegalArgumentException unbuildable) {
        throw new ValueProblem(p, "json.invalid_value", null,
            "Cannot build " + what + ": " + unbuildable.getMessage(), List.empty());
      }
    }
  }
}
