package io.rapport.crm.persistence.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;

/**
 * Names one article a search found: which one, the live version that matched, its title, how
 * well it matched and a short excerpt of the matching text. Immutable and thread-safe.
 *
 * @param id the article's id
 * @param version the number of the article's live version, which is what was searched
 * @param title that version's title
 * @param score the relevance: higher is better; comparable only within one result
 * @param snippet a short excerpt of the body around the first match (or its beginning), at most
 *     about 200 characters, possibly elided with "…"
 */
public record SearchHit(ArticleId id, int version, String title, double score, String snippet) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SearchHit {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(snippet, "snippet");
  }
}
