package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Holds the value of one custom attribute of a customer, typed as its {@link AttributeDefinition}
 * declares: text, number, date, money or one choice of an enumeration. Immutable and thread-safe.
 */
public sealed interface AttributeValue {

  /** Returns the type of this value. */
  AttributeType type();

  /** Returns the value as text, as {@link AttributeSchema#validated} reads it back. */
  String text();

  /**
   * Holds free text.
   *
   * @param value the text
   */
  record Text(String value) implements AttributeValue {
    /**
     * Checks the value.
     *
     * @throws NullPointerException if value is null
     */
    public Text {
      requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.TEXT;
    }

    @Override
    public String text() {
      return value;
    }
  }

  /**
   * Holds an exact number.
   *
   * @param value the number, without trailing zeros
   */
  record Number(BigDecimal value) implements AttributeValue {
    /**
     * Checks and normalises the value.
     *
     * @throws NullPointerException if value is null
     */
    public Number {
      requireNonNull(value, "value");
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
      if (value.scale() < 0) {
        value = value.setScale(0);
      }
    }

    @Override
    public AttributeType type() {
      return AttributeType.NUMBER;
    }

    @Override
    public String text() {
      return value.toPlainString();
    }
  }

  /**
   * Holds a calendar date.
   *
   * @param value the date
   */
  record Date(LocalDate value) implements AttributeValue {
    /**
     * Checks the value.
     *
     * @throws NullPointerException if value is null
     */
    public Date {
      requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.DATE;
    }

    @Override
    public String text() {
      return value.toString();
    }
  }

  /**
   * Holds an amount of money.
   *
   * @param value the amount
   */
  record Amount(Money value) implements AttributeValue {
    /**
     * Checks the value.
     *
     * @throws NullPointerException if value is null
     */
    public Amount {
      requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.MONEY;
    }

    @Override
    public String text() {
      return value.toString();
    }
  }

  /**
   * Holds one choice of an enumeration.
   *
   * @param value the choice's code
   */
  record Choice(String value) implements AttributeValue {
    /**
     * Checks the value.
     *
     * @throws NullPointerException if value is null
     */
    public Choice {
      requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.ENUM;
    }

    @Override
    public String text() {
      return value;
    }
  }
}
