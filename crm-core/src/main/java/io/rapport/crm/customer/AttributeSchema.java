package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Declares the custom attributes a host gives its customers, and checks values against them. A
 * value of the wrong type, a choice outside the enumeration, an amount in another currency, text
 * that is too long, an unknown attribute or a missing required one are each reported, all at once,
 * with the field {@code attributes.<name>}. Immutable and thread-safe.
 *
 * <p>The empty schema accepts no attributes at all.
 */
public final class AttributeSchema {

  /** The schema without attributes. */
  public static final AttributeSchema EMPTY = new AttributeSchema(TreeMap.empty());

  private final SortedMap<String, AttributeDefinition> definitions;

  private AttributeSchema(SortedMap<String, AttributeDefinition> definitions) {
    this.definitions = definitions;
  }

  /**
   * Returns a schema of the given definitions.
   *
   * @param definitions the definitions, with distinct names
   * @return the schema
   * @throws NullPointerException if definitions or one of them is null
   * @throws IllegalArgumentException if two share a name
   */
  public static AttributeSchema of(AttributeDefinition... definitions) {
    requireNonNull(definitions, "definitions");
    SortedMap<String, AttributeDefinition> byName = TreeMap.empty();
    for (AttributeDefinition definition : definitions) {
      requireNonNull(definition, "definitions element");
      if (byName.containsKey(definition.name())) {
        throw new IllegalArgumentException("Two attributes are named " + definition.name());
      }
      byName = byName.put(definition.name(), definition);
    }
    return new AttributeSchema(byName);
  }

  /** Returns the definitions by name. */
  public SortedMap<String, AttributeDefinition> definitions() {
    return definitions;
  }

  /**
   * Reads outside input (attribute name to text) into typed values, reporting every problem.
   * Numbers are plain decimals, dates ISO ({@code 2026-11-23}), money as {@code CNY 1280.00}.
   *
   * @param input the values as text; a null or blank value counts as absent
   * @return the typed values, or every violation ({@code attribute.unknown},
   *     {@code attribute.required}, {@code attribute.text.too_long}, {@code attribute.number.malformed},
   *     {@code attribute.date.malformed}, {@code attribute.money.malformed},
   *     {@code attribute.money.wrong_currency}, {@code attribute.choice.unknown})
   */
  public Validation<Seq<Violation>, SortedMap<String, AttributeValue>> validated(
      java.util.Map<String, String> input) {
    requireNonNull(input, "input");
    List<Violation> problems = List.empty();
    SortedMap<String, AttributeValue> values = TreeMap.empty();
    for (java.util.Map.Entry<String, String> entry : new java.util.TreeMap<>(input).entrySet()) {
      String name = entry.getKey();
      String text = entry.getValue();
      if (text == null || text.isBlank()) {
        continue;
      }
      AttributeDefinition definition = definitions.get(name).getOrNull();
      if (definition == null) {
        problems = problems.append(unknown(name));
        continue;
      }
      Validation<Violation, AttributeValue> value = parse(definition, text.strip());
      if (value.isInvalid()) {
        problems = problems.append(value.getError());
      } else {
        values = values.put(name, value.get());
      }
    }
    problems = problems.appendAll(missing(values));
    return problems.isEmpty() ? Validation.valid(values) : Validation.invalid(problems);
  }

  /**
   * Checks typed values against the schema, reporting every problem.
   *
   * @param values the values by attribute name
   * @return the same values, or every violation (the codes of {@link #validated(java.util.Map)},
   *     and {@code attribute.wrong_type})
   */
  public Validation<Seq<Violation>, SortedMap<String, AttributeValue>> check(
      Map<String, AttributeValue> values) {
    requireNonNull(values, "values");
    List<Violation> problems = List.empty();
    for (io.vavr.Tuple2<String, AttributeValue> entry : TreeMap.ofEntries(values)) {
      AttributeDefinition definition = definitions.get(entry._1).getOrNull();
      if (definition == null) {
        problems = problems.append(unknown(entry._1));
      } else if (entry._2.type() != definition.type()) {
        problems = problems.append(Violation.of("attribute.wrong_type", field(entry._1),
            "Attribute " + entry._1 + " is " + definition.type() + ", not " + entry._2.type()));
      } else {
        Validation<Violation, AttributeValue> value = parse(definition, entry._2.text());
        if (value.isInvalid()) {
          problems = problems.append(value.getError());
        }
      }
    }
    SortedMap<String, AttributeValue> sorted = TreeMap.ofEntries(values);
    problems = problems.appendAll(missing(sorted));
    return problems.isEmpty() ? Validation.valid(sorted) : Validation.invalid(problems);
  }

  private Seq<Violation> missing(Map<String, AttributeValue> values) {
    return definitions.values().filter(d -> d.required() && !values.containsKey(d.name()))
        .map(d -> Violation.of("attribute.required", field(d.name()),
            "Attribute " + d.name() + " is required"))
        .toList();
  }

  private Violation unknown(String name) {
    return Violation.of("attribute.unknown", field(name), "Unknown attribute " + Checks.quote(name)
        + "; declared: " + (definitions.isEmpty() ? "none" : definitions.keySet().mkString(", ")));
  }

  private static String field(String name) {
    return "attributes." + name;
  }

  private static Validation<Violation, AttributeValue> parse(AttributeDefinition d, String text) {
    String field = field(d.name());
    switch (d.type()) {
      case TEXT:
        return text.length() > d.maxLength()
            ? Validation.invalid(Violation.of("attribute.text.too_long", field,
                d.name() + " holds at most " + d.maxLength() + " characters, not " + text.length()))
            : Validation.valid(new AttributeValue.Text(text));
      case NUMBER:
        try {
          if (text.length() > 100) {
            throw new NumberFormatException();
          }
          return Validation.valid(new AttributeValue.Number(new BigDecimal(text)));
        } catch (NumberFormatException malformed) {
          return Validation.invalid(Violation.of("attribute.number.malformed", field,
              d.name() + " must be a decimal number such as 12.5: " + Checks.quote(text)));
        }
      case DATE:
        try {
          return Validation.valid(new AttributeValue.Date(LocalDate.parse(text)));
        } catch (DateTimeException malformed) {
          return Validation.invalid(Violation.of("attribute.date.malformed", field,
              d.name() + " must be a date such as 2026-11-23: " + Checks.quote(text)));
        }
      case MONEY:
        Money money;
        try {
          money = Money.parse(text);
        } catch (InvalidValueException malformed) {
          return Validation.invalid(Violation.of("attribute.money.malformed", field,
              d.name() + " must be an amount such as CNY 1280.00: " + Checks.quote(text)));
        }
        if (d.currency().exists(c -> !c.equals(money.currency()))) {
          return Validation.invalid(Violation.of("attribute.money.wrong_currency", field,
              d.name() + " must be in " + d.currency().get() + ", not " + money.currency()));
        }
        return Validation.valid(new AttributeValue.Amount(money));
      default:
        return d.choices().contains(text) ? Validation.valid(new AttributeValue.Choice(text))
            : Validation.invalid(Violation.of("attribute.choice.unknown", field,
                d.name() + " is one of " + d.choices().mkString(", ") + ", not " + Checks.quote(text)));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttributeSchema
        && definitions.equals(((AttributeSchema) other).definitions);
  }

  @Override
  public int hashCode() {
    return definitions.hashCode();
  }

  @Override
  public String toString() {
    return "AttributeSchema" + definitions.values().map(AttributeDefinition::name).toList();
  }
}
