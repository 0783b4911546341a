package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

/**
 * Pairs a lead with how its business ended, won or lost, for a {@link NaiveBayesModel} to learn
 * from. The host decides what counts as won (a purchase, a won opportunity) and gives the lead as
 * it stood when it was worked. Immutable and thread-safe.
 *
 * @param lead the lead
 * @param won whether its business was won
 */
public record TrainingExample(Lead lead, boolean won) {

  /**
   * Checks the component.
   *
   * @throws NullPointerException if lead is null
   */
  public TrainingExample {
    requireNonNull(lead, "lead");
  }

  /**
   * Returns a won example.
   *
   * @param lead the lead
   * @return the example
   */
  public static TrainingExample won(Lead lead) {
    return new TrainingExample(lead, true);
  }

  /**
   * Returns a lost example.
   *
   * @param lead the lead
   * @return the example
   */
  public static TrainingExample lost(Lead lead) {
    return new TrainingExample(lead, false);
  }
}
