package io.rapport.crm.service;

/**
 * Gives the range of a customer satisfaction (CSAT) score, 1 to 5 by default, and the score at
 * or below which an answer counts as unhappy. Immutable and thread-safe.
 *
 * @param min the lowest score, at least 0
 * @param max the highest score, above min, at most 100
 * @param lowAtOrBelow the highest score that counts as unhappy, from min to below max
 */
public record CsatScale(int min, int max, int lowAtOrBelow) {

  /** The common scale: 1 to 5, where 1 and 2 are unhappy. */
  public static final CsatScale ONE_TO_FIVE = new CsatScale(1, 5, 2);
}
