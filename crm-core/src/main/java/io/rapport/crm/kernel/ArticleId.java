package io.rapport.crm.kernel;

/**
 * Identifies a knowledge-base article. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record ArticleId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<ArticleId> KIND = IdKind.of("articleId", ArticleId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public ArticleId {
    IdKind.check(value, "articleId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static ArticleId parse(String value) {
    return new ArticleId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
