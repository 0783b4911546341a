package io.rapport.crm.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyses Chinese, Japanese, Korean and English text in the same field: Unicode word breaking,
 * full-width and half-width forms folded, lower case, CJK runs cut into overlapping pairs of
 * characters (红木家具 gives 红木 木家 家具), English possessives and stop words dropped, Porter
 * stemming ("cleaning" and "cleaned" give "clean").
 *
 * <p>The index side also keeps each CJK character alone, so that a query of a single character
 * (蜡, wax) finds the texts that contain it inside a longer word (打蜡). The query side keeps
 * single characters only where they stand alone, so a query of words matches on pairs, which are
 * far more telling than their characters.
 */
final class ArticleAnalyzer extends Analyzer {

  private static final int CJK = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
      | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

  private final boolean unigrams;

  private ArticleAnalyzer(boolean unigrams) {
    this.unigrams = unigrams;
  }

  /** Returns the analyzer of indexed and query text: CJK pairs and single characters. */
  static ArticleAnalyzer withSingles() {
    return new ArticleAnalyzer(true);
  }

  /** Returns the analyzer that picks suggestion terms: CJK pairs, single characters alone. */
  static ArticleAnalyzer pairsOnly() {
    return new ArticleAnalyzer(false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new CJKWidthFilter(source);
    result = new LowerCaseFilter(result);
    result = new CJKBigramFilter(result, CJK, unigrams);
    result = new EnglishPossessiveFilter(result);
    result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(new CJKWidthFilter(in));
  }
}
