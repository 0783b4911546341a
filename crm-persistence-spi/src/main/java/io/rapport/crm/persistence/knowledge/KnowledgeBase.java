package io.rapport.crm.persistence.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleDraft;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Keeps the stored articles and the search index together: every change is stored in one
 * transaction and then indexed, so that publishing makes an article findable and retiring it hides
 * it; answers searches. Suggestions for a stored ticket are {@code ServiceDesk.suggestArticles}. Immutable and thread-safe if the
 * search is.
 *
 * <p>The index is derived data. If indexing fails after a change was stored (the index's own
 * failure, an {@link ArticleSearchException}), the stored article is right and the index stale
 * until {@link #rebuildIndex()} runs, as it should at every start of the host.
 */
public final class KnowledgeBase {

  private final CrmStore store;
  private final ArticleSearch search;

  private KnowledgeBase(CrmStore store, ArticleSearch search) {
    this.store = store;
    this.search = search;
  }

  /**
   * Returns the knowledge base of a store with a search index.
   *
   * @param store the store holding the articles and tickets
   * @param search the index
   * @return the knowledge base
   * @throws NullPointerException if an argument is null
   */
  public static KnowledgeBase of(CrmStore store, ArticleSearch search) {
    return new KnowledgeBase(requireNonNull(store, "store"), requireNonNull(search, "search"));
  }

  /**
   * Drafts and stores a new article ({@link Article#draft}); a draft is not searchable yet.
   *
   * @param id the article's id
   * @param draft the article's text and labels
   * @param stamp the event's id, time and actor
   * @return the stored article, or why nothing was stored: {@code knowledge.article_invalid} with
   *     every violation, or a version conflict when the id is taken
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Versioned<Article>> draft(ArticleId id, ArticleDraft draft,
      EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    Validation<Seq<Violation>, Transition<Article>> drafted = Article.draft(id, draft, stamp);
    if (drafted.isInvalid()) {
      return Either.left(new KnowledgeRefusal("knowledge.article_invalid",
          "The article cannot be drafted: " + drafted.getError().size() + " problem(s)",
          drafted.getError()));
    }
    Either<Rejection, Versioned<Article>> stored =
        store.inTransaction(tx -> save(tx, Version.NEW, drafted.get()));
    stored.forEach(article -> search.index(article.value()));
    return stored;
  }

  /**
   * Runs a command on a stored article (revise, submit for review, publish, send back, retire,
   * recategorize, retag, record feedback), stores it, then brings the index up to date.
   *
   * <pre>{@code
   * knowledge.update(articleId, stamp, (article, s) -> article.publish(s));
   * }</pre>
   *
   * @param id the article
   * @param stamp the stamp the command is given
   * @param command the command, given the stored article and the stamp
   * @return the stored article, or why nothing changed: {@code knowledge.article_not_found}, the
   *     command's rejection, or a version conflict
   * @throws NullPointerException if an argument is null, or the command returns null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Versioned<Article>> update(ArticleId id, EventStamp stamp,
      BiFunction<Article, EventStamp, ? extends Either<? extends Rejection, Transition<Article>>>
          command) {
    requireNonNull(id, "id");
    requireNonNull(stamp, "stamp");
    requireNonNull(command, "command");
    Either<Rejection, Versioned<Article>> stored = store.inTransaction(tx -> {
      Option<Versioned<Article>> found = ArticleRepository.in(tx).find(id);
      if (found.isEmpty()) {
        return Either.left(KnowledgeRefusal.of("knowledge.article_not_found",
            "No article " + id + " is stored"));
      }
      Either<? extends Rejection, Transition<Article>> done =
          requireNonNull(command.apply(found.get().value(), stamp), "command result");
      if (done.isLeft()) {
        return Either.left(done.getLeft());
      }
      return save(tx, found.get().version(), done.get());
    });
    stored.forEach(article -> search.index(article.value()));
    return stored;
  }

  /**
   * Searches the published articles.
   *
   * @param query the query
   * @return the hits, best first
   * @throws NullPointerException if query is null
   * @throws ArticleSearchException if the index fails
   */
  public SearchResults search(SearchQuery query) {
    return search.search(requireNonNull(query, "query"));
  }

  /**
   * Indexes every stored article again (published ones are added, others removed): run it at
   * start-up, since an in-memory index starts empty, and after an indexing failure.
   *
   * @return how many articles were read
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   * @throws ArticleSearchException if the index fails
   */
  public long rebuildIndex() {
    long count = 0;
    try (Stream<Versioned<Article>> articles = store.streamAll(ArticleRepository.TYPE)) {
      for (Versioned<Article> article : (Iterable<Versioned<Article>>) articles::iterator) {
        search.index(article.value());
        count++;
      }
    }
    return count;
  }

  private static Either<Rejection, Versioned<Article>> save(
      io.rapport.crm.persistence.Transaction tx, Version expected,
      Transition<Article> transition) {
    Either<VersionConflict, Version> saved =
        ArticleRepository.in(tx).save(transition.state(), expected);
    if (saved.isLeft()) {
      return Either.left(saved.getLeft());
    }
    tx.publish(transition.events());
    return Either.right(new Versioned<>(transition.state(), saved.get()));
  }
}
