package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleFeedback;
import io.rapport.crm.knowledge.ArticleStatus;
import io.rapport.crm.knowledge.ArticleVersion;
import io.rapport.crm.persistence.knowledge.SearchQuery;
import io.rapport.crm.persistence.knowledge.SearchResults;
import io.rapport.crm.search.lucene.LuceneArticleSearch;
import io.vavr.collection.List;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Knowledge-base search on the Lucene index. Target (issue 6): p99 ≤ 10 ms for a search among
 * 100 k published articles, half Chinese and half English, with bodies of 100 to 300 words drawn
 * from vocabularies of 3000 words and 3000 characters with Zipf-distributed frequencies (as real
 * text has). The queries rotate over 512 texts of one to four words: half Chinese, half English,
 * a quarter with a locale filter, an eighth with a category filter. Mode {@code SampleTime}
 * reports the percentiles (p50, p99).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class KnowledgeSearchBenchmark {

  static final int ARTICLES = 100_000;
  static final int VOCABULARY = 3000;
  static final int QUERIES = 512;
  static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  static final ActorId AUTHOR = ActorId.parse("employee:E-author");

  private static final String CONSONANTS = "bcdfghjklmnprstvwz";
  private static final String VOWELS = "aeiou";

  private LuceneArticleSearch search;
  private SearchQuery[] queries;
  private String[] tickets;
  private int next;

  /** Builds the index of 100 k articles and the rotating queries. */
  @Setup(Level.Trial)
  public void index() {
    Vocabulary vocabulary = new Vocabulary();
    search = LuceneArticleSearch.create();
    search.rebuild(() -> articles(vocabulary));
    SplittableRandom random = new SplittableRandom(7);
    queries = new SearchQuery[QUERIES];
    tickets = new String[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      boolean chinese = i % 2 == 0;
      String text = vocabulary.text(chinese, 1 + random.nextInt(4), random, false);
      SearchQuery query = SearchQuery.of(text);
      if (i % 4 == 1) {
        query = query.inLocale(chinese ? Locale.CHINA : Locale.ENGLISH);
      }
      if (i % 8 == 3) {
        query = query.inCategories("category-" + random.nextInt(20));
      }
      queries[i] = query;
      tickets[i] = vocabulary.text(chinese, 30 + random.nextInt(60), random, true);
    }
  }

  /** Releases the index. */
  @TearDown(Level.Trial)
  public void close() {
    search.close();
  }

  /** Searches for the next query text: the ten best hits with snippets, and the total. */
  @Benchmark
  public SearchResults search() {
    return search.search(queries[next++ & (QUERIES - 1)]);
  }

  /** Suggests three articles for the next ticket text of 30 to 90 words. */
  @Benchmark
  public SearchResults suggestForATicket() {
    return search.suggest(tickets[next++ & (QUERIES - 1)], Option.none(), 3);
  }

  /** Generates the articles lazily, so the index is built without holding them all. */
  static Iterator<Article> articles(Vocabulary vocabulary) {
    SplittableRandom random = new SplittableRandom(20261123L);
    return new Iterator<>() {
      int n;

      @Override
      public boolean hasNext() {
        return n < ARTICLES;
      }

      @Override
      public Article next() {
        boolean chinese = n % 2 == 0;
        String title = vocabulary.text(chinese, 3 + random.nextInt(6), random, false);
        String body = vocabulary.text(chinese, 100 + random.nextInt(201), random, true);
        TreeSet<String> tags = TreeSet.empty();
        for (int t = random.nextInt(4); t > 0; t--) {
          tags = tags.add("tag-" + random.nextInt(200));
        }
        ArticleVersion version = new ArticleVersion(1, title, body, T0, AUTHOR, Option.none());
        Article article = new Article(ArticleId.parse("KB-" + n),
            chinese ? Locale.CHINA : Locale.ENGLISH, Option.none(),
            "category-" + random.nextInt(20), tags, ArticleStatus.PUBLISHED, List.of(version),
            Option.of(1), ArticleFeedback.NONE, T0, AUTHOR, T0);
        n++;
        return article;
      }
    };
  }

  /** Words and characters with Zipf-distributed frequencies. */
  static final class Vocabulary {

    final String[] words = new String[VOCABULARY];
    final String[] characters = new String[VOCABULARY];
    final double[] cumulative = new double[VOCABULARY];

    Vocabulary() {
      SplittableRandom random = new SplittableRandom(42);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < VOCABULARY; ) {
        StringBuilder word = new StringBuilder();
        for (int syllables = 1 + random.nextInt(3); syllables > 0; syllables--) {
          word.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())))
              .append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        if (seen.add(word.toString())) {
          words[i++] = word.toString();
        }
      }
      for (int i = 0; i < VOCABULARY; i++) {
        characters[i] = new String(Character.toChars(0x4E00 + i * 7));
      }
      double sum = 0;
      for (int rank = 1; rank <= VOCABULARY; rank++) {
        sum += 1.0 / rank;
        cumulative[rank - 1] = sum;
      }
      for (int i = 0; i < VOCABULARY; i++) {
        cumulative[i] /= sum;
      }
    }

    int rank(SplittableRandom random) {
      int at = Arrays.binarySearch(cumulative, random.nextDouble());
      return Math.min(VOCABULARY - 1, at >= 0 ? at : -at - 1);
    }

    /** Returns a text of some words: Chinese words are one to three characters. */
    String text(boolean chinese, int count, SplittableRandom random, boolean sentences) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < count; i++) {
        if (chinese) {
          for (int c = 1 + random.nextInt(3); c > 0; c--) {
            text.append(characters[rank(random)]);
          }
          if (sentences && random.nextInt(8) == 0) {
            text.append(random.nextInt(3) == 0 ? "。" : "，");
          } else if (!sentences) {
            text.append(' ');
          }
        } else {
          text.append(words[rank(random)]);
          text.append(sentences && random.nextInt(12) == 0 ? ". " : " ");
        }
      }
      return text.toString().strip();
    }
  }
}
