package io.rapport.crm.search.lucene;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleVersion;
import io.rapport.crm.persistence.knowledge.ArticleSearch;
import io.rapport.crm.persistence.knowledge.ArticleSearchException;
import io.rapport.crm.persistence.knowledge.SearchHit;
import io.rapport.crm.persistence.knowledge.SearchQuery;
import io.rapport.crm.persistence.knowledge.SearchResults;
import io.rapport.crm.persistence.knowledge.SuggestRequest;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Searches knowledge articles in an in-memory Lucene index: the reference {@link ArticleSearch}.
 * Thread-safe: one index writer takes every change, and searches read the latest refreshed view,
 * refreshed after every change, so a search sees every article indexed before it began.
 *
 * <pre>{@code
 * try (LuceneArticleSearch search = LuceneArticleSearch.create()) {
 *   search.rebuild(allArticles);                 // at start-up
 *   search.index(savedArticle);                   // after every save
 *   SearchResults found = search.search(SearchQuery.of("红木 家具 保养").withLimit(5));
 *   SearchResults forTicket = search.suggest(subject + "\n" + description, Option.none(), 3);
 * }
 * }</pre>
 *
 * <p><b>Analysis.</b> One analyzer serves every language in the same fields: Unicode word
 * breaking, width folding, lower case, CJK text as overlapping character pairs (single characters
 * too on the index side, so a one-character query still finds longer words), English stop words
 * and Porter stemming. It was chosen over the dictionary-based smartcn segmenter by measuring both
 * on the Chinese relevance cases of this module's tests: pairs found every expected article
 * (first or second) where smartcn missed queries whose words it segments differently in the query
 * and in the text; and pairs need no locale-specific fields, so mixed Chinese and English text and
 * queries without a locale work unchanged. See docs/guides/knowledge-search.md.
 *
 * <p><b>Ranking.</b> BM25 (k1 1.2, b 0.75). Each query term scores in the title (boost 3), the
 * tags (boost 2) and the body (boost 1), and the scores add up. Only the first
 * {@value #MAX_QUERY_TERMS} distinct terms of a query count. Suggestions take the
 * {@value #MAX_SUGGEST_TERMS} most telling terms of the ticket's text (by tf-idf among the titles
 * and bodies, as Lucene's MoreLikeThis picks them) and rank with them as a search does.
 */
public final class LuceneArticleSearch implements ArticleSearch {

  /** The most distinct terms of a query text that count. */
  public static final int MAX_QUERY_TERMS = 200;

  /** The most terms of a ticket's text a suggestion searches for. */
  public static final int MAX_SUGGEST_TERMS = 25;

  static final String ID = "id";
  static final String VERSION = "version";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String TAGS = "tags";
  static final String TAG = "tag";
  static final String CATEGORY = "category";
  static final String LANGUAGE = "language";

  static final float TITLE_BOOST = 3f;
  static final float TAGS_BOOST = 2f;
  static final float BODY_BOOST = 1f;

  /** The weight of a single CJK character of a query that is also part of one of its pairs. */
  static final float SINGLE_WEIGHT = 0.25f;

  private final Analyzer indexAnalyzer;
  private final Analyzer queryAnalyzer;
  private final Analyzer suggestAnalyzer;
  private final ByteBuffersDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final AtomicBoolean closed = new AtomicBoolean();

  LuceneArticleSearch(Analyzer indexAnalyzer, Analyzer queryAnalyzer, Analyzer suggestAnalyzer) {
    this.indexAnalyzer = indexAnalyzer;
    this.queryAnalyzer = queryAnalyzer;
    this.suggestAnalyzer = suggestAnalyzer;
    this.directory = new ByteBuffersDirectory();
    try {
      IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setCommitOnClose(false)
          .setRAMBufferSizeMB(64);
      this.writer = new IndexWriter(directory, config);
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException failed) {
      throw new ArticleSearchException("Could not open the in-memory article index", failed);
    }
  }

  /**
   * Returns a new, empty index.
   *
   * @return the index; close it when done
   * @throws ArticleSearchException if the index cannot be opened
   */
  public static LuceneArticleSearch create() {
    return new LuceneArticleSearch(ArticleAnalyzer.withSingles(), ArticleAnalyzer.withSingles(),
        ArticleAnalyzer.pairsOnly());
  }

  /**
   * Replaces the whole index with the live versions of some articles, at start-up: faster than
   * indexing them one by one, and searches see the new index only once it is complete. Articles
   * without a live version are left out; for an id given twice, the last one counts. Index
   * changes made while it runs may be lost, so rebuild before serving changes.
   *
   * @param articles every article, in any order
   * @throws NullPointerException if articles or an article is null
   * @throws ArticleSearchException if the index fails or is closed
   */
  public void rebuild(Iterable<Article> articles) {
    requireNonNull(articles, "articles");
    write(() -> {
      writer.deleteAll();
      for (Article article : articles) {
        requireNonNull(article, "articles element");
        if (article.isLive()) {
          writer.updateDocument(new Term(ID, article.id().value()), document(article));
        }
      }
    });
  }

  @Override
  public void index(Article article) {
    requireNonNull(article, "article");
    Term id = new Term(ID, article.id().value());
    write(() -> {
      if (article.isLive()) {
        writer.updateDocument(id, document(article));
      } else {
        writer.deleteDocuments(id);
      }
    });
  }

  @Override
  public void remove(ArticleId id) {
    requireNonNull(id, "id");
    write(() -> writer.deleteDocuments(new Term(ID, id.value())));
  }

  @Override
  public SearchResults search(SearchQuery query) {
    requireNonNull(query, "query");
    return read(searcher -> {
      LinkedHashMap<String, Float> terms = analyse(query.text(), MAX_QUERY_TERMS);
      return run(searcher, terms, query.locale(), query.categories(), query.tags(),
          query.limit());
    });
  }

  @Override
  public SearchResults suggest(SuggestRequest request) {
    requireNonNull(request, "request");
    if (request.ticketText().isBlank()) {
      return SearchResults.NONE;
    }
    return read(searcher -> {
      MoreLikeThis interesting = new MoreLikeThis(searcher.getIndexReader());
      interesting.setAnalyzer(suggestAnalyzer);
      interesting.setFieldNames(new String[] {TITLE, BODY});
      interesting.setMinTermFreq(1);
      interesting.setMinDocFreq(1);
      interesting.setMaxQueryTerms(MAX_SUGGEST_TERMS);
      interesting.setMaxNumTokensParsed(SuggestRequest.MAX_TEXT);
      interesting.setBoost(true);
      java.util.List<Object> text = java.util.List.of(request.ticketText());
      Query like = interesting.like(Map.of(TITLE, text, BODY, text));
      LinkedHashMap<String, Float> terms = new LinkedHashMap<>();
      if (like instanceof BooleanQuery) {
        for (BooleanClause clause : ((BooleanQuery) like).clauses()) {
          float weight = 1f;
          Query picked = clause.getQuery();
          if (picked instanceof BoostQuery) {
            weight = ((BoostQuery) picked).getBoost();
            picked = ((BoostQuery) picked).getQuery();
          }
          if (picked instanceof TermQuery) {
            terms.merge(((TermQuery) picked).getTerm().text(), weight, Math::max);
          }
        }
      }
      return run(searcher, terms, request.locale(), io.vavr.collection.TreeSet.empty(),
          io.vavr.collection.TreeSet.empty(), request.limit());
    });
  }

  @Override
  public long count() {
    return read(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  /**
   * Closes the index and releases its memory. Later calls throw an
   * {@link ArticleSearchException}; closing twice does nothing.
   *
   * @throws ArticleSearchException if releasing fails
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      IOUtils.close(searchers, writer, suggestAnalyzer, queryAnalyzer, indexAnalyzer,
          directory);
    } catch (IOException failed) {
      throw new ArticleSearchException("Could not close the article index", failed);
    }
  }

  private SearchResults run(IndexSearcher searcher, LinkedHashMap<String, Float> terms,
      Option<Locale> locale, Set<String> categories, Set<String> tags, int limit)
      throws IOException {
    if (terms.isEmpty()) {
      return SearchResults.NONE;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(relevance(terms), Occur.MUST);
    locale.forEach(language ->
        query.add(new TermQuery(new Term(LANGUAGE, language.getLanguage())), Occur.FILTER));
    if (!categories.isEmpty()) {
      query.add(new TermInSetQuery(CATEGORY, categories.map(BytesRef::new).toJavaList()),
          Occur.FILTER);
    }
    for (String tag : tags) {
      query.add(new TermQuery(new Term(TAG, tag.toLowerCase(Locale.ROOT))), Occur.FILTER);
    }
    TopDocs top = searcher.search(query.build(),
        new TopScoreDocCollectorManager(limit, null, Integer.MAX_VALUE));
    StoredFields stored = searcher.storedFields();
    java.util.Set<String> wanted = java.util.Set.copyOf(terms.keySet());
    java.util.List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc found : top.scoreDocs) {
      Document document = stored.document(found.doc);
      String body = document.get(BODY);
      hits.add(new SearchHit(ArticleId.parse(document.get(ID)),
          document.getField(VERSION).numericValue().intValue(), document.get(TITLE),
          found.score, Snippets.around(body, wanted, indexAnalyzer, BODY)));
    }
    return new SearchResults(List.ofAll(hits), Math.max(top.totalHits.value, hits.size()));
  }

  /**
   * Returns the query of weighted terms: each scores in the title, the tags and the body, times
   * its weight.
   */
  private static Query relevance(Map<String, Float> terms) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> term : terms.entrySet()) {
      String text = term.getKey();
      float weight = term.getValue();
      any.add(new BoostQuery(new TermQuery(new Term(TITLE, text)), TITLE_BOOST * weight),
          Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term(TAGS, text)), TAGS_BOOST * weight),
          Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term(BODY, text)), BODY_BOOST * weight),
          Occur.SHOULD);
    }
    return any.build();
  }

  /**
   * Returns the distinct analysed terms of a query text, in order, at most {@code max}, with
   * their weights: 1, except a single CJK character that is part of a pair of the query, which
   * weighs {@value #SINGLE_WEIGHT}. Pairs carry the meaning of CJK words; their characters only
   * help when the text words them differently (虫蛀 against 防蛀 and 生虫).
   */
  private LinkedHashMap<String, Float> analyse(String text, int max) throws IOException {
    java.util.List<String> singles = new ArrayList<>();
    LinkedHashMap<String, Float> terms = new LinkedHashMap<>();
    StringBuilder pairs = new StringBuilder();
    try (TokenStream tokens = queryAnalyzer.tokenStream(BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String value = term.toString();
        if (CJKBigramFilter.SINGLE_TYPE.equals(type.type())) {
          singles.add(value);
        } else if (CJKBigramFilter.DOUBLE_TYPE.equals(type.type())) {
          pairs.append(value).append(' ');
        }
        if (terms.size() < max) {
          terms.putIfAbsent(value, 1f);
        }
      }
      tokens.end();
    }
    for (String single : singles) {
      if (terms.containsKey(single) && pairs.indexOf(single) >= 0) {
        terms.put(single, SINGLE_WEIGHT);
      }
    }
    return terms;
  }

  /** Returns the document of an article's live version. */
  private static Document document(Article article) {
    ArticleVersion live = article.live().get();
    Document document = new Document();
    document.add(new StringField(ID, article.id().value(), Field.Store.YES));
    document.add(new StoredField(VERSION, live.number()));
    document.add(new TextField(TITLE, live.title(), Field.Store.YES));
    document.add(new TextField(BODY, live.body(), Field.Store.YES));
    for (String tag : article.tags()) {
      document.add(new TextField(TAGS, tag, Field.Store.NO));
      document.add(new StringField(TAG, tag.toLowerCase(Locale.ROOT), Field.Store.NO));
    }
    document.add(new StringField(CATEGORY, article.category(), Field.Store.NO));
    document.add(new StringField(LANGUAGE, article.locale().getLanguage(), Field.Store.NO));
    return document;
  }

  private void write(IndexWork work) {
    ensureOpen();
    try {
      work.run();
      searchers.maybeRefreshBlocking();
    } catch (IOException | AlreadyClosedException failed) {
      throw failure(failed);
    }
  }

  private <T> T read(SearchWork<T> work) {
    ensureOpen();
    IndexSearcher searcher;
    try {
      searcher = searchers.acquire();
    } catch (IOException | AlreadyClosedException failed) {
      throw failure(failed);
    }
    try {
      return work.run(searcher);
    } catch (IOException | AlreadyClosedException | IndexSearcher.TooManyClauses failed) {
      throw failure(failed);
    } finally {
      release(searcher);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException | AlreadyClosedException failed) {
      throw failure(failed);
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new ArticleSearchException("The article index is closed", null);
    }
  }

  private ArticleSearchException failure(Exception failed) {
    return closed.get() ? new ArticleSearchException("The article index is closed", failed)
        : new ArticleSearchException("The article index failed: " + failed.getMessage(), failed);
  }

  /** A change to the index. */
  @FunctionalInterface
  private interface IndexWork {
    void run() throws IOException;
  }

  /** A read of the index. */
  @FunctionalInterface
  private interface SearchWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }
}
