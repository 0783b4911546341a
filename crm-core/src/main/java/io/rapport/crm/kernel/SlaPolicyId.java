package io.rapport.crm.kernel;

/**
 * Identifies a service-level policy. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record SlaPolicyId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<SlaPolicyId> KIND = IdKind.of("slaPolicyId", SlaPolicyId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public SlaPolicyId {
    IdKind.check(value, "slaPolicyId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static SlaPolicyId parse(String value) {
    return new SlaPolicyId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
