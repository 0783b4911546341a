package io.rapport.crm.kernel;

/**
 * Identifies one interaction with a customer on any channel: a call, an email, a chat, a store visit. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record InteractionId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<InteractionId> KIND = IdKind.of("interactionId", InteractionId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public InteractionId {
    IdKind.check(value, "interactionId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static InteractionId parse(String value) {
    return new InteractionId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
