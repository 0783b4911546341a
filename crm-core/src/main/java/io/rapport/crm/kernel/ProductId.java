package io.rapport.crm.kernel;

/**
 * Identifies a product or service that is sold. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record ProductId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<ProductId> KIND = IdKind.of("productId", ProductId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public ProductId {
    IdKind.check(value, "productId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static ProductId parse(String value) {
    return new ProductId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
