package io.rapport.crm.kernel;

/**
 * Identifies a loyalty program. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record LoyaltyProgramId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<LoyaltyProgramId> KIND = IdKind.of("loyaltyProgramId", LoyaltyProgramId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public LoyaltyProgramId {
    IdKind.check(value, "loyaltyProgramId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static LoyaltyProgramId parse(String value) {
    return new LoyaltyProgramId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
