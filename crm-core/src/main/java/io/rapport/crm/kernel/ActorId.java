package io.rapport.crm.kernel;

/**
 * Identifies who did something: an employee, a customer, an integration or the system itself. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record ActorId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<ActorId> KIND = IdKind.of("actorId", ActorId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public ActorId {
    IdKind.check(value, "actorId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static ActorId parse(String value) {
    return new ActorId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
