package io.rapport.crm.kernel;

/**
 * Identifies an employee. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record EmployeeId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<EmployeeId> KIND = IdKind.of("employeeId", EmployeeId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public EmployeeId {
    IdKind.check(value, "employeeId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static EmployeeId parse(String value) {
    return new EmployeeId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
