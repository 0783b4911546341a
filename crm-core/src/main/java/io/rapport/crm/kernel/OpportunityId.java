package io.rapport.crm.kernel;

/**
 * Identifies a sales opportunity. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record OpportunityId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<OpportunityId> KIND = IdKind.of("opportunityId", OpportunityId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public OpportunityId {
    IdKind.check(value, "opportunityId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static OpportunityId parse(String value) {
    return new OpportunityId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
