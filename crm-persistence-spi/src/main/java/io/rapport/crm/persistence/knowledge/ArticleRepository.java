package io.rapport.crm.persistence.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleStatus;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * Stores knowledge articles and answers their queries: the articles of one status or of one
 * category (most recently updated first) and the translations of an article (by language tag).
 * Full-text search is a separate port ({@code ArticleSearch}). Obtain one with
 * {@link #in(CrmStore)} or {@link #in(Transaction)}; every query is a lookup in an index declared
 * on {@link #TYPE}, derived from the article's components alone.
 */
public final class ArticleRepository extends ForwardingRepository<ArticleId, Article> {

  /** The index of articles by status, most recently updated first. */
  public static final String BY_STATUS = "by_status";
  /** The index of articles by category, most recently updated first. */
  public static final String BY_CATEGORY = "by_category";
  /** The index of translations by the article they translate, by language tag. */
  public static final String BY_ORIGINAL = "by_original";

  /** The aggregate type of articles, with the indexes of every article query. */
  public static final AggregateType<ArticleId, Article> TYPE =
      AggregateType.of("article", Article.class, ArticleId.KIND)
          .withIndex(Index.sorted(BY_STATUS, (Article a) ->
              List.of(IndexEntry.newestFirst(a.status().name(), a.updatedAt()))))
          .withIndex(Index.sorted(BY_CATEGORY, (Article a) ->
              List.of(IndexEntry.newestFirst(a.category(), a.updatedAt()))))
          .withIndex(Index.sorted(BY_ORIGINAL, (Article a) -> a.translationOf()
              .map(original -> new IndexEntry(original.value(), languageKey(a.locale())))));

  private ArticleRepository(Repository<ArticleId, Article> delegate) {
    super(delegate);
  }

  /**
   * Returns the article repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static ArticleRepository in(CrmStore store) {
    return new ArticleRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the article repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static ArticleRepository in(Transaction tx) {
    return new ArticleRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /** Returns a locale's BCP 47 tag, cut to the longest sort key (tags are short in practice). */
  private static String languageKey(Locale locale) {
    String tag = locale.toLanguageTag();
    return tag.length() <= IndexEntry.MAX_SORT_KEY_LENGTH ? tag
        : tag.substring(0, IndexEntry.MAX_SORT_KEY_LENGTH);
  }

  /**
   * Lists the articles whose latest version has a status, most recently updated first; ties in id
   * order. A published article being revised is listed as a draft or in review: its status is
   * that of its latest version.
   *
   * @param status the status
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Article>, IndexCursor> inStatus(ArticleStatus status,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_STATUS, requireNonNull(status, "status").name(), limit)
        .after(after));
  }

  /**
   * Lists the articles of a category, of every status, most recently updated first; ties in id
   * order.
   *
   * @param category the category's code, such as {@code care}
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page; empty for an empty code
   */
  public Page<Versioned<Article>, IndexCursor> inCategory(String category,
      Option<IndexCursor> after, int limit) {
    requireNonNull(category, "category");
    if (category.isEmpty() || category.length() > IndexEntry.MAX_KEY_LENGTH) {
      return new Page<>(List.empty(), Option.none());
    }
    return query(IndexQuery.of(BY_CATEGORY, category, limit).after(after));
  }

  /**
   * Lists the translations of an article (the articles whose {@code translationOf} is it), of
   * every status, by BCP 47 language tag ({@code de}, {@code en-US}, {@code zh-CN},
   * {@code zh-Hant-TW}); ties in id order.
   *
   * @param original the translated article
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Article>, IndexCursor> translationsOf(ArticleId original,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_ORIGINAL, requireNonNull(original, "original").value(), limit)
        .after(after));
  }
}
