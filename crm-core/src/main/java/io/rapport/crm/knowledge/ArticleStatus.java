package io.rapport.crm.knowledge;

/** Tells where the latest version of a knowledge article stands in its review workflow. */
public enum ArticleStatus {
  /** Being written; a published earlier version, if any, stays live. */
  DRAFT,
  /** Submitted for review; a published earlier version, if any, stays live. */
  IN_REVIEW,
  /** The latest version is live: readers and search see it. */
  PUBLISHED,
  /** Withdrawn: no version is live. */
  RETIRED
}
