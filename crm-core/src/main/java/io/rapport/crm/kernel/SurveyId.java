package io.rapport.crm.kernel;

/**
 * Identifies a survey such as an NPS or CSAT survey. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record SurveyId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<SurveyId> KIND = IdKind.of("surveyId", SurveyId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public SurveyId {
    IdKind.check(value, "surveyId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static SurveyId parse(String value) {
    return new SurveyId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
