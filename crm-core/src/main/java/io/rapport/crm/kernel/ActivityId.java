package io.rapport.crm.kernel;

/**
 * Identifies an employee's activity: a task, a call to make, a meeting, a hand-off. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record ActivityId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<ActivityId> KIND = IdKind.of("activityId", ActivityId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public ActivityId {
    IdKind.check(value, "activityId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static ActivityId parse(String value) {
    return new ActivityId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
