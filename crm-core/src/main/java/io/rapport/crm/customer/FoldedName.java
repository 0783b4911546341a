package io.rapport.crm.customer;

import java.util.Arrays;

/**
 * A name folded once for many comparisons: its normal form, its code points as written and with
 * words sorted (Latin script) or without spaces (Chinese, Japanese, Korean), and its anchors.
 *
 * <p>An anchor is a short start of a word that survives one typo: the first four code points of
 * each word (of the whole space-free name in Chinese, Japanese or Korean script), and, when that
 * start has at least three code points, each way of dropping one of them. Two words that differ by
 * one changed, missing, extra or swapped code point within their first four share an anchor, so
 * {@code "katherine"} and {@code "catherine"} share {@code "ath"}, {@code "müller"} and
 * {@code "mueller"} share {@code "mul"}, {@code "王小明"} and {@code "王晓明"} share {@code "王明"}.
 * Two names that match share an anchor, and blocking keys are built from anchors.
 */
final class FoldedName {

  private static final int ANCHOR_LENGTH = 4;
  private static final FoldedName EMPTY = new FoldedName("", false, new int[0], new int[0],
      new int[0], new String[0]);

  private final String text;
  private final boolean cjk;
  private final int[] direct;
  private final int[] sorted;
  private final int[] compact;
  private final String[] anchors;

  private FoldedName(String text, boolean cjk, int[] direct, int[] sorted, int[] compact,
      String[] anchors) {
    this.text = text;
    this.cjk = cjk;
    this.direct = direct;
    this.sorted = sorted;
    this.compact = compact;
    this.anchors = anchors;
  }

  static FoldedName of(String name) {
    String text = NameSimilarity.normalise(name);
    if (text.isEmpty()) {
      return EMPTY;
    }
    int[] direct = new int[text.codePointCount(0, text.length())];
    int letters = 0;
    int cjkLetters = 0;
    int spaces = 0;
    for (int i = 0, k = 0; i < text.length(); k++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      direct[k] = cp;
      if (cp == ' ') {
        spaces++;
      } else if (cp < 0x80) {
        letters += cp >= 'a' ? 1 : 0;
      } else if (NameSimilarity.isCjk(cp)) {
        cjkLetters++;
        letters++;
      } else if (Character.isLetter(cp)) {
        letters++;
      }
    }
    boolean cjk = cjkLetters > 0 && cjkLetters * 2 >= letters;
    // Words are the runs between single spaces: normalise leaves no leading, trailing or double one.
    int[] starts = new int[spaces + 1];
    int[] ends = new int[spaces + 1];
    for (int k = 0, w = 0; k < direct.length; k++) {
      if (direct[k] == ' ') {
        ends[w] = k;
        starts[++w] = k + 1;
      }
    }
    ends[spaces] = direct.length;
    int[] compact = direct;
    if (spaces > 0) {
      compact = new int[direct.length - spaces];
      for (int k = 0, c = 0; k < direct.length; k++) {
        if (direct[k] != ' ') {
          compact[c++] = direct[k];
        }
      }
    }
    int[] sorted = spaces == 0 ? direct : sortedWords(direct, starts, ends);
    String[] anchors = new String[(cjk ? 1 : spaces + 1) * (ANCHOR_LENGTH + 1)];
    int count = 0;
    if (cjk) {
      count = addAnchors(compact, 0, compact.length, anchors, count);
    } else {
      for (int w = 0; w <= spaces; w++) {
        count = addAnchors(direct, starts[w], ends[w], anchors, count);
      }
    }
    Arrays.sort(anchors, 0, count);
    int distinct = 0;
    for (int k = 0; k < count; k++) {
      if (distinct == 0 || !anchors[k].equals(anchors[distinct - 1])) {
        anchors[distinct++] = anchors[k];
      }
    }
    return new FoldedName(text, cjk, direct, sorted, compact, Arrays.copyOf(anchors, distinct));
  }

  /** Returns the words in code point order joined by spaces, or {@code direct} if already so. */
  private static int[] sortedWords(int[] direct, int[] starts, int[] ends) {
    int words = starts.length;
    Integer[] order = new Integer[words];
    for (int w = 0; w < words; w++) {
      order[w] = w;
    }
    Arrays.sort(order, (x, y) -> Arrays.compare(direct, starts[x], ends[x], direct, starts[y], ends[y]));
    boolean inOrder = true;
    for (int w = 0; w < words && inOrder; w++) {
      inOrder = order[w] == w;
    }
    if (inOrder) {
      return direct;
    }
    int[] sorted = new int[direct.length];
    int at = 0;
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        sorted[at++] = ' ';
      }
      int length = ends[order[w]] - starts[order[w]];
      System.arraycopy(direct, starts[order[w]], sorted, at, length);
      at += length;
    }
    return sorted;
  }

  private static int addAnchors(int[] word, int from, int to, String[] anchors, int count) {
    int length = Math.min(ANCHOR_LENGTH, to - from);
    if (length == 0) {
      return count;
    }
    anchors[count++] = new String(word, from, length);
    if (length < 3) {
      return count;
    }
    int[] variant = new int[length - 1];
    for (int skip = 0; skip < length; skip++) {
      for (int k = 0, v = 0; k < length; k++) {
        if (k != skip) {
          variant[v++] = word[from + k];
        }
      }
      anchors[count++] = new String(variant, 0, length - 1);
    }
    return count;
  }

  /** Returns the normal form, as {@link NameSimilarity#normalise(String)} gives it. */
  String text() {
    return text;
  }

  boolean isEmpty() {
    return direct.length == 0;
  }

  /** Tells whether the name is mainly Chinese, Japanese or Korean. */
  boolean cjk() {
    return cjk;
  }

  int[] direct() {
    return direct;
  }

  /** Returns the words in sorted order; the very array of {@link #direct()} if already sorted. */
  int[] sorted() {
    return sorted;
  }

  int[] compact() {
    return compact;
  }

  /** Returns the anchors, sorted and distinct. */
  String[] anchors() {
    return anchors;
  }

  /** Tells whether two names share an anchor. */
  boolean sharesAnchorWith(FoldedName other) {
    String[] mine = anchors;
    String[] theirs = other.anchors;
    int i = 0;
    int j = 0;
    while (i < mine.length && j < theirs.length) {
      int order = mine[i].compareTo(theirs[j]);
      if (order == 0) {
        return true;
      }
      if (order < 0) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }
}
