package io.rapport.crm.kernel;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;

/**
 * Names a unit in which goods are counted or weighed. Every weight unit has an exact size in grams,
 * so conversions between weights are exact decimal arithmetic.
 *
 * <p>Chinese market units are first-class: one {@link #JIN} (市斤) is exactly 500 g and one
 * {@link #LIANG} (两) is exactly 50 g. One {@link #POUND} is exactly 453.59237 g (the international
 * avoirdupois pound).
 */
public enum QuantityUnit {
  /** A piece: goods counted in whole items. */
  PIECE("pc", Dimension.COUNT, BigDecimal.ONE),
  /** A gram. */
  GRAM("g", Dimension.MASS, BigDecimal.ONE),
  /** A kilogram: 1000 g. */
  KILOGRAM("kg", Dimension.MASS, new BigDecimal("1000")),
  /** A jin (市斤): exactly 500 g. */
  JIN("jin", Dimension.MASS, new BigDecimal("500")),
  /** A liang (两): exactly 50 g, a tenth of a jin. */
  LIANG("liang", Dimension.MASS, new BigDecimal("50")),
  /** An international avoirdupois pound: exactly 453.59237 g. */
  POUND("lb", Dimension.MASS, new BigDecimal("453.59237"));

  /** Names what a unit measures; only units of one dimension convert into each other. */
  public enum Dimension {
    /** Whole items. */
    COUNT,
    /** Weight (mass). */
    MASS
  }

  private final String symbol;
  private final Dimension dimension;
  private final BigDecimal sizeInBaseUnit;

  QuantityUnit(String symbol, Dimension dimension, BigDecimal sizeInBaseUnit) {
    this.symbol = symbol;
    this.dimension = dimension;
    this.sizeInBaseUnit = sizeInBaseUnit;
  }

  /** Returns the short symbol used in text, such as {@code kg} or {@code jin}. */
  public String symbol() {
    return symbol;
  }

  /** Returns what this unit measures. */
  public Dimension dimension() {
    return dimension;
  }

  /** Returns the size of this unit in its dimension's base unit (pieces, or grams). */
  public BigDecimal sizeInBaseUnit() {
    return sizeInBaseUnit;
  }

  /** Returns the base unit of this unit's dimension: {@link #PIECE} or {@link #GRAM}. */
  public QuantityUnit baseUnit() {
    return dimension == Dimension.COUNT ? PIECE : GRAM;
  }

  /** Returns whether quantities in this unit convert into the other unit. */
  public boolean isConvertibleTo(QuantityUnit other) {
    return dimension == other.dimension;
  }

  /**
   * Finds a unit by its symbol, for outside input.
   *
   * @param symbol the symbol, such as {@code "jin"}
   * @param field the field name to report a violation under
   * @return the unit, or a violation {@code quantity.unit.unknown}
   */
  public static Validation<Seq<Violation>, QuantityUnit> fromSymbol(String symbol, String field) {
    for (QuantityUnit unit : values()) {
      if (unit.symbol.equals(symbol)) {
        return Validation.valid(unit);
      }
    }
    return Checks.invalid("quantity.unit.unknown", field,
        "Expected one of pc, g, kg, jin, liang, lb, but got " + Checks.quote(symbol));
  }
}
