package io.rapport.crm.kernel;

/**
 * Identifies a team of employees. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record TeamId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<TeamId> KIND = IdKind.of("teamId", TeamId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public TeamId {
    IdKind.check(value, "teamId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static TeamId parse(String value) {
    return new TeamId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
