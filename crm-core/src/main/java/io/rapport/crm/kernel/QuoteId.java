package io.rapport.crm.kernel;

/**
 * Identifies a price quote. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record QuoteId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<QuoteId> KIND = IdKind.of("quoteId", QuoteId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public QuoteId {
    IdKind.check(value, "quoteId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static QuoteId parse(String value) {
    return new QuoteId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
