package io.rapport.crm.testkit.storage;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleFeedback;
import io.rapport.crm.knowledge.ArticleStatus;
import io.rapport.crm.knowledge.ArticleVersion;
import io.vavr.collection.HashSet;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;

/**
 * Builds the knowledge articles the storage contracts save, through the canonical constructors
 * only, keeping every record invariant: versions numbered from 1 in time order, the live version
 * matching the status, and each change setting the update time.
 */
final class KnowledgeRecords {

  static final ActorId TCK = ActorId.parse("tck");

  private KnowledgeRecords() {}

  private static ArticleVersion version(int number, Instant at) {
    return new ArticleVersion(number, "如何保养红木家具 — caring for rosewood (" + number + ")",
        "红木家具需要定期保养。 Wipe it with a soft, dry cloth.", at, TCK,
        number == 1 ? Option.none() : Option.of("Revision " + number));
  }

  /**
   * Returns an article created at an instant in a status: a draft or a retired article with one
   * version and none live, a published one with its one version live, one in review with a second
   * version under review while the first stays live.
   */
  static Article article(String id, Locale locale, Option<String> translationOf, String category,
      ArticleStatus status, Instant createdAt) {
    Vector<ArticleVersion> versions = Vector.of(version(1, createdAt));
    Option<Integer> live = status == ArticleStatus.PUBLISHED ? Option.of(1) : Option.none();
    if (status == ArticleStatus.IN_REVIEW) {
      versions = versions.append(version(2, createdAt));
      live = Option.of(1);
    }
    return new Article(ArticleId.parse(id), locale, translationOf.map(ArticleId::parse), category,
        HashSet.of("红木", "care"), status, versions, live, new ArticleFeedback(3, 1), createdAt,
        TCK, createdAt);
  }

  /** Returns the article with its latest version published at an instant. */
  static Article published(Article a, Instant at) {
    return new Article(a.id(), a.locale(), a.translationOf(), a.category(), a.tags(),
        ArticleStatus.PUBLISHED, a.versions(), Option.of(a.versions().size()), a.feedback(),
        a.createdAt(), a.createdBy(), at);
  }

  /** Returns the article retired at an instant: no version stays live. */
  static Article retired(Article a, Instant at) {
    return new Article(a.id(), a.locale(), a.translationOf(), a.category(), a.tags(),
        ArticleStatus.RETIRED, a.versions(), Option.none(), a.feedback(), a.createdAt(),
        a.createdBy(), at);
  }

  /** Returns the article with a new draft version at an instant; a published version stays live. */
  static Article revised(Article a, Instant at) {
    return new Article(a.id(), a.locale(), a.translationOf(), a.category(), a.tags(),
        ArticleStatus.DRAFT, a.versions().append(version(a.versions().size() + 1, at)),
        a.liveVersion(), a.feedback(), a.createdAt(), a.createdBy(), at);
  }

  /** Returns the article moved to another category, or translating another article, at an instant. */
  static Article moved(Article a, String category, Option<String> translationOf, Instant at) {
    return new Article(a.id(), a.locale(), translationOf.map(ArticleId::parse), category, a.tags(),
        a.status(), a.versions(), a.liveVersion(), a.feedback(), a.createdAt(), a.createdBy(), at);
  }

  /** Returns the article with one more helpful vote at an instant. */
  static Article voted(Article a, Instant at) {
    return new Article(a.id(), a.locale(), a.translationOf(), a.category(), a.tags(), a.status(),
        a.versions(), a.liveVersion(), new ArticleFeedback(a.feedback().helpful() + 1,
            a.feedback().notHelpful()), a.createdAt(), a.createdBy(), at);
  }
}
