package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

/**
 * Names the segment of the customers whose recency, frequency and monetary scores all fall in
 * the rule's ranges. Immutable and thread-safe.
 *
 * @param name the segment's name, such as {@code "champions"}
 * @param recency the range of recency scores
 * @param frequency the range of frequency scores
 * @param monetary the range of monetary scores
 */
public record RfmRule(String name, ScoreRange recency, ScoreRange frequency,
    ScoreRange monetary) {

  /**
   * Checks that the parts are present; the name and ranges are checked by
   * {@link RfmSegments#validated}.
   *
   * @throws NullPointerException when a part is null
   */
  public RfmRule {
    requireNonNull(name, "name");
    requireNonNull(recency, "recency");
    requireNonNull(frequency, "frequency");
    requireNonNull(monetary, "monetary");
  }

  /**
   * Returns a rule on recency and frequency that accepts any monetary score.
   *
   * @param name the segment's name
   * @param recency the range of recency scores
   * @param frequency the range of frequency scores
   * @param bins the number of bins of the scores
   * @return the rule
   */
  public static RfmRule of(String name, ScoreRange recency, ScoreRange frequency, int bins) {
    return new RfmRule(name, recency, frequency, ScoreRange.of(1, bins));
  }

  /**
   * Returns the rule that accepts every score, to close a rule list.
   *
   * @param name the segment's name
   * @param bins the number of bins of the scores
   * @return the catch-all rule
   */
  public static RfmRule catchAll(String name, int bins) {
    ScoreRange all = ScoreRange.of(1, bins);
    return new RfmRule(name, all, all, all);
  }

  /**
   * Tells whether scores match this rule.
   *
   * @param r the recency score
   * @param f the frequency score
   * @param m the monetary score
   * @return true when each score lies in its range
   */
  public boolean matches(int r, int f, int m) {
    return recency.contains(r) && frequency.contains(f) && monetary.contains(m);
  }

  boolean coversAll(int bins) {
    return covers(recency, bins) && covers(frequency, bins) && covers(monetary, bins);
  }

  private static boolean covers(ScoreRange range, int bins) {
    return range.low() <= 1 && range.high() >= bins;
  }
}
