package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.SortedSet;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.util.Currency;

/**
 * Declares one custom attribute of customers: its name, type, whether it is required, whether it
 * holds personal data (erased with the customer), and the constraints of its type. Immutable and
 * thread-safe.
 *
 * @param name lower-case letters, digits, {@code _} and {@code .}, starting with a letter, such as
 *     {@code birthday} or {@code wood.preference}
 * @param type the value's type
 * @param required whether every customer must have a value
 * @param personal whether the value is personal data, removed when the customer is erased
 * @param maxLength for text, the most characters allowed (1 to 10 000)
 * @param choices for an enumeration, the allowed codes; empty otherwise
 * @param currency for money, the only currency allowed, or empty for any
 */
public record AttributeDefinition(String name, AttributeType type, boolean required,
    boolean personal, int maxLength, SortedSet<String> choices, Option<Currency> currency) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the name is malformed, the length out of range, or an
   *     enumeration has no choices
   */
  public AttributeDefinition {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(choices, "choices");
    requireNonNull(currency, "currency");
    if (!name.matches("[a-z][a-z0-9_.]{0,63}")) {
      throw new IllegalArgumentException("An attribute name has lower-case letters, digits, _ and ., "
          + "starting with a letter: " + Checks.quote(name));
    }
    if (maxLength < 1 || maxLength > 10_000) {
      throw new IllegalArgumentException("maxLength must be 1 to 10000: " + maxLength);
    }
    if (type == AttributeType.ENUM && choices.isEmpty()) {
      throw new IllegalArgumentException("The enumeration " + name + " needs at least one choice");
    }
  }

  /** Declares an optional, non-personal text attribute of up to 200 characters. */
  public static AttributeDefinition text(String name) {
    return new AttributeDefinition(name, AttributeType.TEXT, false, false, 200, TreeSet.empty(),
        Option.none());
  }

  /** Declares an optional number attribute. */
  public static AttributeDefinition number(String name) {
    return new AttributeDefinition(name, AttributeType.NUMBER, false, false, 200, TreeSet.empty(),
        Option.none());
  }

  /** Declares an optional date attribute. */
  public static AttributeDefinition date(String name) {
    return new AttributeDefinition(name, AttributeType.DATE, false, false, 200, TreeSet.empty(),
        Option.none());
  }

  /** Declares an optional money attribute in one currency. */
  public static AttributeDefinition money(String name, Currency currency) {
    return new AttributeDefinition(name, AttributeType.MONEY, false, false, 200, TreeSet.empty(),
        Option.of(requireNonNull(currency, "currency")));
  }

  /** Declares an optional enumeration attribute with its choices. */
  public static AttributeDefinition choice(String name, String... choices) {
    return new AttributeDefinition(name, AttributeType.ENUM, false, false, 200,
        TreeSet.of(requireNonNull(choices, "choices")), Option.none());
  }

  /** Returns this definition, required. */
  public AttributeDefinition asRequired() {
    return new AttributeDefinition(name, type, true, personal, maxLength, choices, currency);
  }

  /** Returns this definition, marked as personal data (erased with the customer). */
  public AttributeDefinition asPersonal() {
    return new AttributeDefinition(name, type, required, true, maxLength, choices, currency);
  }

  /** Returns this text definition with another maximum length. */
  public AttributeDefinition withMaxLength(int length) {
    return new AttributeDefinition(name, type, required, personal, length, choices, currency);
  }
}
