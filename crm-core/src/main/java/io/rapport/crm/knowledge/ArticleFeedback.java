package io.rapport.crm.knowledge;

/**
 * Counts how readers rated a knowledge article: helpful or not. Immutable and thread-safe.
 *
 * @param helpful the number of "helpful" votes, not negative
 * @param notHelpful the number of "not helpful" votes, not negative
 */
public record ArticleFeedback(long helpful, long notHelpful) {

  /** No votes yet. */
  public static final ArticleFeedback NONE = new ArticleFeedback(0, 0);
}
