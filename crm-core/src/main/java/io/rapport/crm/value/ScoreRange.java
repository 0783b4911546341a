package io.rapport.crm.value;

/**
 * States an inclusive range of scores, such as 4–5. Immutable and thread-safe.
 *
 * <p>The range is checked against the number of bins when the rules that use it are validated
 * ({@link RfmSegments#validated}), not here, so one rule set can be written before its bins are
 * known.
 *
 * @param low the lowest score in the range
 * @param high the highest score in the range
 */
public record ScoreRange(int low, int high) {

  /**
   * Returns the range {@code low..high}.
   *
   * @param low the lowest score
   * @param high the highest score
   * @return the range
   */
  public static ScoreRange of(int low, int high) {
    return new ScoreRange(low, high);
  }

  /**
   * Returns the range holding one score.
   *
   * @param score the score
   * @return the range {@code score..score}
   */
  public static ScoreRange exactly(int score) {
    return new ScoreRange(score, score);
  }

  /**
   * Tells whether a score lies in this range.
   *
   * @param score the score
   * @return true when {@code low ≤ score ≤ high}
   */
  public boolean contains(int score) {
    return low <= score && score <= high;
  }

  /**
   * Prints the range as {@code low–high}, or the single score.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return low == high ? Integer.toString(low) : low + "-" + high;
  }
}
