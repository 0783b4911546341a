package io.rapport.crm.value;

/**
 * Reports a survey score with its confidence interval: the point estimate as observed, the
 * centre the interval method uses, the bounds and the margin of error, all on the score's own
 * scale (NPS points −100..100, percentages 0..100, or scale points for a mean). Immutable and
 * thread-safe.
 *
 * <p>The bounds are the method's interval clipped to the score's range and, if the observed
 * score falls outside it (possible only with a handful of answers or a low confidence level),
 * widened just enough to contain it; so {@code low ≤ observed ≤ high} always holds.
 *
 * @param observed the score as computed from the answers
 * @param centre the centre of the interval (the adjusted score for adjusted-Wald methods)
 * @param low the lower bound
 * @param high the upper bound
 * @param marginOfError the half-width of the method's interval before clipping,
 *     {@code z × standard error}
 * @param confidence the confidence level, such as 0.95
 */
public record ScoreInterval(double observed, double centre, double low, double high,
    double marginOfError, double confidence) {

  /**
   * Tells whether a value lies within the bounds, both included.
   *
   * @param value the value
   * @return true if {@code low ≤ value ≤ high}
   */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  static ScoreInterval of(double observed, double centre, double margin, double confidence,
      double floor, double ceiling) {
    double low = Math.max(floor, Math.min(centre - margin, observed));
    double high = Math.min(ceiling, Math.max(centre + margin, observed));
    return new ScoreInterval(observed, centre, low, high, margin, confidence);
  }
}
