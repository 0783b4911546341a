package io.rapport.crm.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.StampedEvent;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * States a fact about an {@link Article}: one event per accepted command. Events carry ids,
 * version numbers, codes and tags, not the article's text: the text is on the article, in its
 * versions.
 */
public sealed interface ArticleEvent extends StampedEvent {

  /** Returns the id of the article the event happened to. */
  ArticleId articleId();

  /** Returns the article's id. */
  @Override
  default ArticleId aggregateId() {
    return articleId();
  }

  /**
   * States that an article was drafted: version 1, in {@code DRAFT}. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param articleId the article
   * @param locale its locale
   * @param category its category
   * @param translationOf the article it translates, or empty
   */
  record ArticleDrafted(EventStamp stamp, ArticleId articleId, Locale locale, String category,
      Option<ArticleId> translationOf) implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticleDrafted {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
      requireNonNull(locale, "locale");
      requireNonNull(category, "category");
      requireNonNull(translationOf, "translationOf");
    }
  }

  /**
   * States that an article's text was revised. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param articleId the article
   * @param version the number of the version written
   * @param added whether that version was added, rather than the draft version replaced
   * @param from the status before: {@code DRAFT}, {@code PUBLISHED} or {@code RETIRED}
   */
  record ArticleRevised(EventStamp stamp, ArticleId articleId, int version, boolean added,
      ArticleStatus from) implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticleRevised {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
      requireNonNull(from, "from");
    }
  }

  /**
   * States that an article's latest version was submitted for review. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param articleId the article
   * @param version the number of the version submitted
   */
  record ArticleSubmittedForReview(EventStamp stamp, ArticleId articleId, int version)
      implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticleSubmittedForReview {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
    }
  }

  /**
   * States that an article's latest version was published: readers and search see it now.
   * Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor (the reviewer)
   * @param articleId the article
   * @param version the number of the version now live
   * @param previousLive the number of the version live before, or empty
   */
  record ArticlePublished(EventStamp stamp, ArticleId articleId, int version,
      Option<Integer> previousLive) implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticlePublished {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
      requireNonNull(previousLive, "previousLive");
    }
  }

  /**
   * States that a reviewer sent an article's latest version back to its authors. Immutable and
   * thread-safe.
   *
   * @param stamp the command's id, time and actor (the reviewer)
   * @param articleId the article
   * @param version the number of the version sent back
   * @param note what the authors should change
   */
  record ArticleSentBack(EventStamp stamp, ArticleId articleId, int version, String note)
      implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticleSentBack {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
      requireNonNull(note, "note");
    }
  }

  /**
   * States that an article was retired: no version is live. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param articleId the article
   * @param previousLive the number of the version live before, or empty
   * @param from the status before
   */
  record ArticleRetired(EventStamp stamp, ArticleId articleId, Option<Integer> previousLive,
      ArticleStatus from) implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticleRetired {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
      requireNonNull(previousLive, "previousLive");
      requireNonNull(from, "from");
    }
  }

  /**
   * States that an article moved to another category. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param articleId the article
   * @param previous the category before
   * @param category the category now
   */
  record ArticleRecategorized(EventStamp stamp, ArticleId articleId, String previous,
      String category) implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticleRecategorized {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
      requireNonNull(previous, "previous");
      requireNonNull(category, "category");
    }
  }

  /**
   * States that an article's tags changed. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param articleId the article
   * @param added the tags it has now and had not before
   * @param removed the tags it had before and has no more
   */
  record ArticleRetagged(EventStamp stamp, ArticleId articleId, Set<String> added,
      Set<String> removed) implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticleRetagged {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
      requireNonNull(added, "added");
      requireNonNull(removed, "removed");
    }
  }

  /**
   * States that a reader rated an article's live version. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor (the reader, or the channel they used)
   * @param articleId the article
   * @param version the number of the live version rated
   * @param helpful whether the reader found it helpful
   */
  record ArticleFeedbackRecorded(EventStamp stamp, ArticleId articleId, int version,
      boolean helpful) implements ArticleEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ArticleFeedbackRecorded {
      requireNonNull(stamp, "stamp");
      requireNonNull(articleId, "articleId");
    }
  }
}
