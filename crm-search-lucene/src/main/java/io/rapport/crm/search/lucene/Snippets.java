package io.rapport.crm.search.lucene;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/** Cuts the short excerpt of a hit's body around its first matching term. */
final class Snippets {

  /** The longest snippet, in characters, without the elision marks. */
  static final int LENGTH = 200;

  /** How many characters of context come before the first match. */
  static final int BEFORE = 60;

  private static final String ELLIPSIS = "…";

  private Snippets() {}

  /**
   * Returns the start of the first occurrence in a document's body of any of the terms, from the
   * body's term vector (the analysed terms with their offsets, as the index saw them), or -1.
   *
   * @throws IOException if the term vector cannot be read
   */
  static int firstMatch(Terms vector, Collection<String> terms) throws IOException {
    if (vector == null) {
      return -1;
    }
    TermsEnum each = vector.iterator();
    PostingsEnum occurrences = null;
    int first = -1;
    for (String term : terms) {
      if (each.seekExact(new BytesRef(term))) {
        occurrences = each.postings(occurrences, PostingsEnum.OFFSETS);
        occurrences.nextDoc();
        for (int left = occurrences.freq(); left > 0; left--) {
          occurrences.nextPosition();
          int start = occurrences.startOffset();
          if (start >= 0 && (first < 0 || start < first)) {
            first = start;
          }
        }
      }
    }
    return first;
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
