package io.rapport.crm.kernel;

/**
 * Identifies a service ticket. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record TicketId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<TicketId> KIND = IdKind.of("ticketId", TicketId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public TicketId {
    IdKind.check(value, "ticketId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static TicketId parse(String value) {
    return new TicketId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
