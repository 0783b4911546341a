package io.rapport.crm.knowledge;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * Counts how readers rated a knowledge article: helpful or not. Immutable and thread-safe.
 *
 * <p>{@link #usefulness()} ranks articles by their votes without favouring the lucky few: an
 * article with one helpful vote out of one is not more useful than one with 95 out of 100.
 *
 * @param helpful the number of "helpful" votes, not negative
 * @param notHelpful the number of "not helpful" votes, not negative
 */
public record ArticleFeedback(long helpful, long notHelpful) {

  /** No votes yet. */
  public static final ArticleFeedback NONE = new ArticleFeedback(0, 0);

  /** The standard normal quantile of 97.5 %: the z of a two-sided 95 % interval. */
  static final double Z_95 = 1.959963984540054;

  /**
   * Checks the counts.
   *
   * @throws InvalidValueException with every broken invariant:
   *     {@code article.feedback.helpful.negative}, {@code article.feedback.not_helpful.negative}
   */
  public ArticleFeedback {
    List<Violation> problems = List.empty();
    if (helpful < 0) {
      problems = problems.append(Violation.of("article.feedback.helpful.negative", "helpful",
          "A count of votes cannot be negative, but got " + helpful));
    }
    if (notHelpful < 0) {
      problems = problems.append(Violation.of("article.feedback.not_helpful.negative",
          "notHelpful", "A count of votes cannot be negative, but got " + notHelpful));
    }
    ArticleChecks.orThrow(problems);
  }

  /**
   * Returns these counts with one more vote.
   *
   * @param wasHelpful whether the reader found the article helpful
   * @return the new counts
   * @throws ArithmeticException if the count would overflow a {@code long}
   */
  public ArticleFeedback plus(boolean wasHelpful) {
    return wasHelpful ? new ArticleFeedback(Math.addExact(helpful, 1), notHelpful)
        : new ArticleFeedback(helpful, Math.addExact(notHelpful, 1));
  }

  /**
   * Returns the number of votes, helpful or not.
   *
   * @return the sum of both counts
   * @throws ArithmeticException if the sum overflows a {@code long}
   */
  public long total() {
    return Math.addExact(helpful, notHelpful);
  }

  /**
   * Returns how useful readers found the article: the lower bound of the Wilson score interval
   * (95 %, two-sided) of the share of helpful votes, or 0 without helpful votes. With {@code n}
   * votes of which a share {@code p} were helpful and {@code z = 1.96}, it is
   * {@code (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)}: 0.207 for 1 of 1, 0.764 for 19
   * of 20, 0.888 for 95 of 100. It grows with the share and with the evidence, so sorting by it
   * puts well-proven articles first.
   *
   * @return a number from 0 to 1
   */
  public double usefulness() {
    if (helpful == 0) {
      return 0;
    }
    double n = (double) helpful + (double) notHelpful;
    double p = helpful / n;
    double z2 = Z_95 * Z_95;
    double centre = p + z2 / (2 * n);
    double spread = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Math.max(0, (centre - spread) / (1 + z2 / n));
  }
}
