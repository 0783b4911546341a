package io.rapport.crm.kernel;

/**
 * Identifies a sales lead. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record LeadId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<LeadId> KIND = IdKind.of("leadId", LeadId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public LeadId {
    IdKind.check(value, "leadId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static LeadId parse(String value) {
    return new LeadId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
