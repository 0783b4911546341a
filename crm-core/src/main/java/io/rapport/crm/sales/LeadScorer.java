package io.rapport.crm.sales;

import java.time.LocalDate;

/**
 * Scores a lead from 0 to 100 with an explanation of how the score came about. Implementations
 * are pure: the same lead on the same day always gets the same score, and the time comes in as a
 * parameter, never from a clock. {@link PointsModel} adds up points from rules;
 * {@link NaiveBayesModel} learns from won and lost history.
 */
public interface LeadScorer {

  /**
   * Scores a lead.
   *
   * @param lead the lead
   * @param asOf the day to score on, for conditions on time such as "timeline within 90 days"
   * @return the score with its explanation
   * @throws NullPointerException if an argument is null
   */
  LeadScore score(Lead lead, LocalDate asOf);
}
