package io.rapport.crm.knowledge;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;

/**
 * Tells where the latest version of a knowledge article stands in its review workflow, and which
 * statuses each one may move to.
 *
 * <table>
 *   <caption>Allowed moves</caption>
 *   <tr><th>from</th><th>to</th><th>command</th></tr>
 *   <tr><td>{@code DRAFT}</td><td>{@code IN_REVIEW}, {@code RETIRED}</td>
 *       <td>submitForReview, retire (revise stays in {@code DRAFT})</td></tr>
 *   <tr><td>{@code IN_REVIEW}</td><td>{@code PUBLISHED}, {@code DRAFT}, {@code RETIRED}</td>
 *       <td>publish, sendBack, retire</td></tr>
 *   <tr><td>{@code PUBLISHED}</td><td>{@code DRAFT}, {@code RETIRED}</td>
 *       <td>revise (a new version), retire</td></tr>
 *   <tr><td>{@code RETIRED}</td><td>{@code DRAFT}</td><td>revise (a new version)</td></tr>
 * </table>
 *
 * <p>Recategorizing and retagging are allowed in every status; feedback needs a live version.
 */
public enum ArticleStatus {
  /** Being written; a published earlier version, if any, stays live. */
  DRAFT,
  /** Submitted for review; a published earlier version, if any, stays live. */
  IN_REVIEW,
  /** The latest version is live: readers and search see it. */
  PUBLISHED,
  /** Withdrawn: no version is live. */
  RETIRED;

  /** Returns the statuses this one may move to, in the order of the table above. */
  public Set<ArticleStatus> allowedNext() {
    switch (this) {
      case DRAFT:
        return LinkedHashSet.of(IN_REVIEW, RETIRED);
      case IN_REVIEW:
        return LinkedHashSet.of(PUBLISHED, DRAFT, RETIRED);
      case PUBLISHED:
        return LinkedHashSet.of(DRAFT, RETIRED);
      default:
        return LinkedHashSet.of(DRAFT);
    }
  }

  /**
   * Tells whether this status may move to another.
   *
   * @param next the status asked for
   * @return true if the table allows the move
   * @throws NullPointerException if next is null
   */
  public boolean mayMoveTo(ArticleStatus next) {
    return allowedNext().contains(requireNonNull(next, "next"));
  }
}
