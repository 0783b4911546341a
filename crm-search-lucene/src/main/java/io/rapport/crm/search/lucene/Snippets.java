package io.rapport.crm.search.lucene;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Cuts the short excerpt of a hit's body around its first matching term. */
final class Snippets {

  /** The longest snippet, in characters, without the elision marks. */
  static final int LENGTH = 200;

  /** How many characters of context come before the first match. */
  static final int BEFORE = 60;

  /** How far into a body a match is looked for, in characters; beyond it, the start is shown. */
  static final int SCAN = 20_000;

  private static final String ELLIPSIS = "…";

  private Snippets() {}

  /**
   * Returns the excerpt of a body around the first token whose analysed form is one of the
   * terms, or the beginning of the body when none is found near enough.
   *
   * @throws IOException if the analysis fails
   */
  static String around(String body, Set<String> terms, Analyzer analyzer, String field)
      throws IOException {
    String scanned = body.length() > SCAN ? body.substring(0, SCAN) : body;
    int at = terms.isEmpty() ? -1 : firstMatch(scanned, terms, analyzer, field);
    return excerpt(body, Math.max(0, at));
  }

  private static int firstMatch(String text, Set<String> terms, Analyzer analyzer, String field)
      throws IOException {
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      int found = -1;
      while (found < 0 && tokens.incrementToken()) {
        if (terms.contains(term.toString())) {
          found = offset.startOffset();
        }
      }
      while (tokens.incrementToken()) {
        // drain, as the token stream contract asks, before end()
      }
      tokens.end();
      return found;
    }
  }

  /**
   * Returns about {@value #LENGTH} characters of the body from shortly before a position, on one
   * line, cut at white space where the text has any, with "…" where text was left out.
   */
  static String excerpt(String body, int at) {
    int start = Math.max(0, at - BEFORE);
    if (start > 0) {
      int space = firstSpace(body, start, at);
      start = space >= 0 ? space + 1 : start;
    }
    int end = Math.min(body.length(), start + LENGTH);
    if (end < body.length()) {
      int space = lastSpace(body, end, Math.max(at, end - 30));
      end = space >= 0 ? space : end;
    }
    if (end < body.length() && Character.isLowSurrogate(body.charAt(end))) {
      end--;
    }
    if (start > 0 && Character.isLowSurrogate(body.charAt(start))) {
      start++;
    }
    String text = body.substring(start, end).replaceAll("\\s+", " ").strip();
    return (start > 0 ? ELLIPSIS : "") + text + (end < body.length() ? ELLIPSIS : "");
  }

  /** Returns the first white space in {@code [from, to)}, or -1. */
  private static int firstSpace(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the last white space in {@code (floor, from]}, or -1. */
  private static int lastSpace(String text, int from, int floor) {
    for (int i = from; i > floor; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
