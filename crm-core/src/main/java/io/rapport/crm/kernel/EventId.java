package io.rapport.crm.kernel;

/**
 * Identifies one domain event. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record EventId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<EventId> KIND = IdKind.of("eventId", EventId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public EventId {
    IdKind.check(value, "eventId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static EventId parse(String value) {
    return new EventId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
