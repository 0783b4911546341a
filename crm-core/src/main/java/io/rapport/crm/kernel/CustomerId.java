package io.rapport.crm.kernel;

/**
 * Identifies a customer: a person or an organization. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record CustomerId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<CustomerId> KIND = IdKind.of("customerId", CustomerId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public CustomerId {
    IdKind.check(value, "customerId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static CustomerId parse(String value) {
    return new CustomerId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
