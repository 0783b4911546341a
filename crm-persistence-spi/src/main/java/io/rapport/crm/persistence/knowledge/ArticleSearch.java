package io.rapport.crm.persistence.knowledge;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.knowledge.Article;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * Finds knowledge articles by their text, the way readers and agents look for them: the port of
 * full-text search, kept up to date by the host from the articles it saves. Implementations are
 * thread-safe; {@code io.rapport.crm.search.lucene.LuceneArticleSearch} is the reference one.
 *
 * <p><b>What is searchable.</b> Only an article's live version: the latest version of a published
 * article, or the published earlier version of an article whose revision is being drafted or
 * reviewed. Drafts never published and retired articles are not found. {@link #index(Article)}
 * after every save keeps it so; it replaces whatever was indexed for the article.
 *
 * <p><b>Ranking.</b> BM25 relevance over the live version's title, body and the article's tags.
 * A term found in the title counts more than in the body (title boost 3, tags 2, body 1), so for
 * the same term a title match outranks a body-only match; an article matching more of the
 * query's terms ranks higher. Text in Chinese, Japanese, Korean and English is searchable in the
 * same fields: words are compared as the index analyses them (the reference implementation
 * lower-cases and stems English, so "cleaning" finds "clean", ignores English stop words, and
 * matches CJK text by pairs of characters, so 红木家具 finds 红木 and 家具). A query whose text
 * has no searchable terms finds nothing. Filters never change the scores: when a locale is given,
 * an article in another language never shows, however good its match.
 *
 * <p><b>Failures.</b> A bad query cannot be built ({@link SearchQuery} and
 * {@link SuggestRequest} refuse it with codes); a failing or closed index throws an
 * {@link ArticleSearchException}, never the search engine's own exception.
 */
public interface ArticleSearch extends AutoCloseable {

  /**
   * Makes an article's live version searchable, replacing what was indexed for it, or removes
   * the article when it has no live version (a first draft, a retired article).
   *
   * @param article the article as saved
   * @throws NullPointerException if article is null
   * @throws ArticleSearchException if the index fails or is closed
   */
  void index(Article article);

  /**
   * Removes an article from the index, if it is there.
   *
   * @param id the article's id
   * @throws NullPointerException if id is null
   * @throws ArticleSearchException if the index fails or is closed
   */
  void remove(ArticleId id);

  /**
   * Searches the live versions of the indexed articles.
   *
   * @param query the text, filters and limit
   * @return the best hits, best first, and the number of articles that matched
   * @throws NullPointerException if query is null
   * @throws ArticleSearchException if the index fails or is closed
   */
  SearchResults search(SearchQuery query);

  /**
   * Suggests articles that may answer a ticket: the indexed articles that best match the most
   * telling terms of the ticket's text (terms frequent in the ticket and rare among the
   * articles), ranked as a search is.
   *
   * @param request the ticket's text, the language and the limit
   * @return the suggestions, best first, and the number of articles that matched
   * @throws NullPointerException if request is null
   * @throws ArticleSearchException if the index fails or is closed
   */
  SearchResults suggest(SuggestRequest request);

  /**
   * Suggests articles that may answer a ticket, from its subject and description; see
   * {@link #suggest(SuggestRequest)}. Text beyond {@value SuggestRequest#MAX_TEXT} characters is
   * left out.
   *
   * @param ticketText the ticket's subject and description
   * @param locale the language of the articles to suggest, or empty for every language
   * @param limit how many suggestions to return at most, 1 to {@value SearchQuery#MAX_LIMIT}
   * @return the suggestions, best first, and the number of articles that matched
   * @throws NullPointerException if an argument or the locale is null
   * @throws InvalidValueException if the locale has no language
   *     ({@code search.locale.no_language}) or the limit is out of range
   *     ({@code search.limit.out_of_range})
   * @throws ArticleSearchException if the index fails or is closed
   */
  default SearchResults suggest(String ticketText, Option<Locale> locale, int limit) {
    return suggest(SuggestRequest.of(ticketText, locale, limit));
  }

  /**
   * Returns how many articles are searchable.
   *
   * @return the number of indexed articles
   * @throws ArticleSearchException if the index fails or is closed
   */
  long count();

  /**
   * Releases the index. Later calls throw an {@link ArticleSearchException}; closing twice does
   * nothing.
   *
   * @throws ArticleSearchException if releasing fails
   */
  @Override
  void close();
}
