package io.rapport.crm.kernel;

/**
 * Identifies a sales pipeline. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record PipelineId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<PipelineId> KIND = IdKind.of("pipelineId", PipelineId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public PipelineId {
    IdKind.check(value, "pipelineId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static PipelineId parse(String value) {
    return new PipelineId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
