package io.rapport.crm.kernel;

/**
 * Identifies a customer's account in a loyalty program. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record LoyaltyAccountId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<LoyaltyAccountId> KIND = IdKind.of("loyaltyAccountId", LoyaltyAccountId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public LoyaltyAccountId {
    IdKind.check(value, "loyaltyAccountId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static LoyaltyAccountId parse(String value) {
    return new LoyaltyAccountId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
