package io.rapport.crm.kernel;

/**
 * Identifies a price book. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record PriceBookId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<PriceBookId> KIND = IdKind.of("priceBookId", PriceBookId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public PriceBookId {
    IdKind.check(value, "priceBookId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static PriceBookId parse(String value) {
    return new PriceBookId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
