package io.rapport.crm.persistence.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Holds what a search found: the best hits, best first, and how many articles matched in all.
 * An index may stop counting past a threshold of its own (the Lucene index counts exactly up to
 * 1000), because counting every match of a common word costs more than finding the best ones.
 * Immutable and thread-safe.
 *
 * @param hits the best hits, at most the query's limit, best first
 * @param totalHits how many articles matched, at least the number of hits: exactly that many
 *     when {@code exactTotal}, otherwise at least that many
 * @param exactTotal whether {@code totalHits} is exact
 */
public record SearchResults(Seq<SearchHit> hits, long totalHits, boolean exactTotal) {

  /** Nothing found. */
  public static final SearchResults NONE = new SearchResults(List.empty(), 0, true);

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a hit is null
   * @throws IllegalArgumentException if totalHits is below the number of hits
   */
  public SearchResults {
    requireNonNull(hits, "hits");
    hits.forEach(hit -> requireNonNull(hit, "hits element"));
    if (totalHits < hits.size()) {
      throw new IllegalArgumentException("totalHits " + totalHits + " is below the "
          + hits.size() + " hits");
    }
  }

  /** Returns the ids of the hits, best first. */
  public Seq<ArticleId> ids() {
    return hits.map(SearchHit::id);
  }

  /** Tells whether nothing was found. */
  public boolean isEmpty() {
    return hits.isEmpty();
  }
}
