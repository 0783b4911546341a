package io.rapport.crm.search.lucene;

import io.rapport.crm.persistence.knowledge.ArticleSearch;
import io.rapport.crm.testkit.storage.ArticleSearchContract;

/** The Lucene index keeps the article search contract. */
class LuceneArticleSearchContractTest extends ArticleSearchContract {

  @Override
  protected ArticleSearch newSearch() {
    return LuceneArticleSearch.create();
  }
}
