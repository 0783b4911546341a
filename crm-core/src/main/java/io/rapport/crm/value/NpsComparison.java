package io.rapport.crm.value;

/**
 * Reports whether two NPS results (two periods, two segments) differ by more than sampling error:
 * the adjusted-Wald z-test of Sauro and Lewis, on the difference of the two adjusted NPS with
 * the sum of their variances. Immutable and thread-safe.
 *
 * @param difference the observed difference, {@code later − earlier}, in NPS points
 * @param adjustedDifference the difference of the adjusted NPS, in points
 * @param standardError the standard error of the adjusted difference, in points
 * @param z the test statistic, {@code adjustedDifference / standardError}
 * @param pValue the two-sided p-value, in [0, 1]
 */
public record NpsComparison(double difference, double adjustedDifference, double standardError,
    double z, double pValue) {

  /**
   * Tells whether the difference is significant at a level.
   *
   * @param alpha the significance level, such as 0.05, strictly between 0 and 1
   * @return true if {@code pValue < alpha}
   * @throws io.rapport.crm.kernel.InvalidValueException if alpha is not strictly between 0 and 1
   *     ({@code value.survey.confidence_out_of_range}, field {@code confidence})
   */
  public boolean isSignificant(double alpha) {
    SurveyStats.requireConfidence(alpha);
    return pValue < alpha;
  }
}
