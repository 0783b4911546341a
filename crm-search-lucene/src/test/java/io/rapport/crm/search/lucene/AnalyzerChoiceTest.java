package io.rapport.crm.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.persistence.knowledge.SearchQuery;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * Measures the relevance of the chosen analysis (CJK character pairs) against the
 * dictionary-based smartcn segmenter on the same cases, and keeps the choice honest: the chosen
 * analysis must rank at least as well. Prints both scores.
 */
class AnalyzerChoiceTest {

  /** The mean reciprocal rank and the share of queries answered first. */
  record Relevance(double meanReciprocalRank, double firstShare, List<String> misses) {}

  static Relevance measure(Supplier<LuceneArticleSearch> index,
      List<Tuple2<String, String>> queries) {
    try (LuceneArticleSearch search = index.get()) {
      search.rebuild(RelevanceCases.library());
      double reciprocal = 0;
      int first = 0;
      List<String> misses = List.empty();
      for (Tuple2<String, String> query : queries) {
        List<String> ids = search.search(SearchQuery.of(query._1).withLimit(10)).ids()
            .map(ArticleId::value).toList();
        int rank = ids.indexOf(query._2) + 1;
        reciprocal += rank == 0 ? 0 : 1.0 / rank;
        first += rank == 1 ? 1 : 0;
        if (rank != 1) {
          misses = misses.append(query._1 + " -> " + (rank == 0 ? "missing" : "#" + rank));
        }
      }
      return new Relevance(reciprocal / queries.size(), (double) first / queries.size(), misses);
    }
  }

  static LuceneArticleSearch pairs() {
    return LuceneArticleSearch.create();
  }

  static LuceneArticleSearch smartcn() {
    return new LuceneArticleSearch(new SmartChineseAnalyzer(), new SmartChineseAnalyzer(),
        new SmartChineseAnalyzer());
  }

  @Test
  void characterPairsRankChineseAtLeastAsWellAsSmartcn() {
    Relevance chosen = measure(AnalyzerChoiceTest::pairs, RelevanceCases.chineseQueries());
    Relevance dictionary = measure(AnalyzerChoiceTest::smartcn, RelevanceCases.chineseQueries());
    System.out.printf("Chinese cases: pairs MRR %.3f first %.3f misses %s%n",
        chosen.meanReciprocalRank(), chosen.firstShare(), chosen.misses());
    System.out.printf("Chinese cases: smartcn MRR %.3f first %.3f misses %s%n",
        dictionary.meanReciprocalRank(), dictionary.firstShare(), dictionary.misses());
    assertThat(chosen.meanReciprocalRank())
        .isGreaterThanOrEqualTo(dictionary.meanReciprocalRank());
    assertThat(chosen.firstShare()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void characterPairsRankEnglishAsAnEnglishAnalyzerWould() {
    Relevance chosen = measure(AnalyzerChoiceTest::pairs, RelevanceCases.englishQueries());
    System.out.printf("English cases: pairs MRR %.3f first %.3f misses %s%n",
        chosen.meanReciprocalRank(), chosen.firstShare(), chosen.misses());
    assertThat(chosen.firstShare()).isEqualTo(1.0);
  }
}
