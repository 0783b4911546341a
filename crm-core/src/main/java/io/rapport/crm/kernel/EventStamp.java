package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

/**
 * Carries what every command needs from outside the domain: the id its event will have, when it
 * happens and who does it. The host makes one per command from its clock, its {@link IdGenerator}
 * and the signed-in actor, so rules stay free of clock reads and randomness. Immutable and
 * thread-safe.
 *
 * @param eventId the id of the event the command produces
 * @param at when the command happens
 * @param by who issues it
 */
public record EventStamp(EventId eventId, java.time.Instant at, ActorId by) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EventStamp {
    requireNonNull(eventId, "eventId");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
  }

  /**
   * Returns a stamp.
   *
   * @param eventId the event's id
   * @param at when
   * @param by who
   * @return the stamp
   */
  public static EventStamp of(EventId eventId, java.time.Instant at, ActorId by) {
    return new EventStamp(eventId, at, by);
  }

  /**
   * Returns this stamp with a derived event id, for a command that produces several events: the
   * id followed by {@code .n}, same time and actor.
   *
   * @param n the event's position, 1 or more
   * @return the stamp of the n-th further event
   * @throws IllegalArgumentException if n is not positive
   * @throws InvalidValueException if the derived id would be longer than an id may be
   */
  public EventStamp next(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be positive: " + n);
    }
    return new EventStamp(EventId.parse(eventId.value() + "." + n), at, by);
  }
}
