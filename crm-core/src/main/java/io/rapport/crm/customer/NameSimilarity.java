package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares personal and company names the way duplicate detection needs: after folding away what
 * does not tell two names apart (case, width, accents, punctuation, spacing), with a typo-tolerant
 * Jaro-Winkler score, token order ignored for Latin-script names and code point by code point for
 * Chinese, Japanese and Korean names.
 *
 * <p>What {@link #normalise(String)} folds:
 * <ul>
 *   <li>full-width and other compatibility forms (NFKC): {@code "Ｊｏｈｎ"} is {@code "john"},
 *       half-width katakana become full-width;</li>
 *   <li>case, with {@link Locale#ROOT}: {@code "JOHN"} is {@code "john"};</li>
 *   <li>accents on letters outside Chinese, Japanese and Korean script (NFD, combining marks
 *       removed): {@code "Müller"} is {@code "muller"}, {@code "José"} is {@code "jose"}; letters
 *       that do not decompose are spelled out: ß as ss, æ as ae, œ as oe, ø as o, ł as l, đ as d,
 *       þ as th, dotless ı as i. Kana keep their voicing marks: ガ stays ガ;</li>
 *   <li>apostrophes are dropped ({@code "O'Brien"} is {@code "obrien"}); every other punctuation
 *       mark or symbol, including the middle dots of transliterated names ({@code ·}, {@code ・}),
 *       separates words like a space ({@code "Smith, John"} is {@code "smith john"});</li>
 *   <li>runs of white space become one space, and the ends are trimmed.</li>
 * </ul>
 *
 * <p>What {@link #similarity(String, String)} handles: reordered names ({@code "Smith, John"},
 * {@code "John Smith"} and {@code "JOHN SMITH"} all score 1), typos (one changed, missing, extra
 * or swapped letter scores about 0.9 or more in a name of ordinary length), accents and
 * transliteration of umlauts ({@code "Müller"} against {@code "Mueller"} scores about 0.92), and
 * Chinese, Japanese and Korean names written with or without spaces or middle dots
 * ({@code "王 小明"} is {@code "王小明"}). It does not know nicknames ({@code "Bill"} for
 * {@code "William"}), phonetics, or romanisation ({@code "王小明"} and {@code "Wang Xiaoming"}
 * score 0). Thread-safe.
 */
public final class NameSimilarity {

  private static final double PREFIX_SCALE = 0.1;
  private static final int MAX_PREFIX = 4;

  private NameSimilarity() {}

  /**
   * Folds a name into the form names are compared in: NFKC, lower case, Latin accents removed,
   * apostrophes dropped, other punctuation as spaces, white space collapsed and trimmed. Chinese,
   * Japanese and Korean characters are kept as they are. See the class description for details.
   *
   * @param name the name as written, such as {@code " Smith,  JOSÉ "}
   * @return the folded name, such as {@code "smith jose"}; empty if nothing but punctuation
   * @throws NullPointerException if name is null
   */
  public static String normalise(String name) {
    requireNonNull(name, "name");
    if (isPlainAscii(name)) {
      return normaliseAscii(name);
    }
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
          space = append(out, space, cp);
        } else if (cp == '\'' || cp == '`') {
          continue;
        } else {
          space = true;
        }
        continue;
      }
      if (isApostrophe(cp)) {
        continue;
      }
      if (isCjk(cp)) {
        space = append(out, space, cp);
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT
          || type == Character.CONTROL) {
        continue;
      }
      if (!Character.isLetterOrDigit(cp)) {
        space = true;
        continue;
      }
      String spelled = spelledOut(cp);
      if (spelled != null) {
        for (int k = 0; k < spelled.length(); k++) {
          space = append(out, space, spelled.charAt(k));
        }
        continue;
      }
      String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
      for (int k = 0; k < decomposed.length(); ) {
        int part = decomposed.codePointAt(k);
        k += Character.charCount(part);
        if (Character.getType(part) != Character.NON_SPACING_MARK) {
          space = append(out, space, part);
        }
      }
    }
    return out.toString();
  }

  /**
   * Computes the Jaro-Winkler similarity of two strings, code point by code point and exactly as
   * given (normalise first to ignore case and accents). Two code points match when equal and at
   * most {@code max(|a|, |b|) / 2 - 1} positions apart; with {@code m} matches and {@code t} half
   * the number of matched code points out of order, Jaro is
   * {@code (m/|a| + m/|b| + (m - t)/m) / 3}, and Winkler adds {@code l * 0.1 * (1 - jaro)} for a
   * common prefix of {@code l} code points, at most 4. So {@code MARTHA} and {@code MARHTA} score
   * 0.961, {@code DWAYNE} and {@code DUANE} 0.840.
   *
   * @param a one string
   * @param b the other string
   * @return the similarity, from 0 (nothing in common, or exactly one string empty) to 1 (equal)
   * @throws NullPointerException if an argument is null
   */
  public static double jaroWinkler(String a, String b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    return jaroWinkler(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /**
   * Scores how alike two names are, from 0 to 1, after {@link #normalise(String) normalising}
   * both. If either is mainly Chinese, Japanese or Korean (most of its letters are Han, Hiragana,
   * Katakana or Hangul), the names are compared without spaces, code point by code point: names
   * with the same first character (the family name) that differ in one other character score
   * 0.92 for three characters ({@code "王小明"} against {@code "王晓明"}) and 0.88 for two; a
   * different first character, or a different length, lowers the score ({@code "王"} against
   * {@code "王小明"} scores 0.31). Otherwise the names are compared both as written and with their
   * words sorted, and the better Jaro-Winkler score counts, so word order does not matter.
   *
   * @param nameA one name, as written
   * @param nameB the other name, as written
   * @return the similarity: 1 for names that normalise alike, 0 if either normalises to nothing
   * @throws NullPointerException if an argument is null
   */
  public static double similarity(String nameA, String nameB) {
    requireNonNull(nameA, "nameA");
    requireNonNull(nameB, "nameB");
    return similarity(FoldedName.of(nameA), FoldedName.of(nameB));
  }

  static double similarity(FoldedName a, FoldedName b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    if (a.cjk() || b.cjk()) {
      return cjkSimilarity(a.compact(), b.compact());
    }
    if (Arrays.equals(a.sorted(), b.sorted())) {
      return 1.0;
    }
    double direct = jaroWinkler(a.direct(), b.direct());
    if (a.sorted() == a.direct() && b.sorted() == b.direct()) {
      return direct;
    }
    return Math.max(direct, jaroWinkler(a.sorted(), b.sorted()));
  }

  /**
   * Compares two compact (space-free) Chinese, Japanese or Korean names. One character there
   * carries about as much as a syllable or a short word in a Latin name, so raw Jaro-Winkler on
   * two or three code points is harsh: with the same first character (the family name) the
   * distance is shrunk to 0.4 of itself. Every score is then scaled by the ratio of the lengths,
   * so that a family name alone never comes close to a full name.
   */
  static double cjkSimilarity(int[] a, int[] b) {
    if (Arrays.equals(a, b)) {
      return 1.0;
    }
    double jw = jaroWinkler(a, b);
    if (a.length > 0 && b.length > 0 && a[0] == b[0]) {
      jw = 1.0 - 0.4 * (1.0 - jw);
    }
    return jw * Math.min(a.length, b.length) / Math.max(a.length, b.length);
  }

  static double jaroWinkler(int[] a, int[] b) {
    if (Arrays.equals(a, b)) {
      return 1.0;
    }
    if (a.length == 0 || b.length == 0) {
      return 0.0;
    }
    double jaro = jaro(a, b);
    int prefix = 0;
    int limit = Math.min(MAX_PREFIX, Math.min(a.length, b.length));
    while (prefix < limit && a[prefix] == b[prefix]) {
      prefix++;
    }
    return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
  }

  private static double jaro(int[] a, int[] b) {
    int window = Math.max(0, Math.max(a.length, b.length) / 2 - 1);
    boolean[] matchedA = new boolean[a.length];
    boolean[] matchedB = new boolean[b.length];
    int matches = 0;
    for (int i = 0; i < a.length; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!matchedB[j] && a[i] == b[j]) {
          matchedA[i] = true;
          matchedB[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int outOfOrder = 0;
    int j = 0;
    for (int i = 0; i < a.length; i++) {
      if (matchedA[i]) {
        while (!matchedB[j]) {
          j++;
        }
        if (a[i] != b[j]) {
          outOfOrder++;
        }
        j++;
      }
    }
    double m = matches;
    return (m / a.length + m / b.length + (m - outOfOrder / 2.0) / m) / 3.0;
  }

  /** Tells whether a code point is Han, Hiragana, Katakana or Hangul. */
  static boolean isCjk(int cp) {
    if (cp < 0x1100) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
  }

  private static String normaliseAscii(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        space = append(out, space, c + ('a' - 'A'));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        space = append(out, space, c);
      } else if (c != '\'' && c != '`') {
        space = true;
      }
    }
    return out.toString();
  }

  private static boolean append(StringBuilder out, boolean space, int cp) {
    if (space && out.length() > 0) {
      out.append(' ');
    }
    out.appendCodePoint(cp);
    return false;
  }

  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApostrophe(int cp) {
    return cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x02B9 || cp == 0x00B4;
  }

  private static String spelledOut(int cp) {
    switch (cp) {
      case 'ß':
        return "ss";
      case 'æ':
        return "ae";
      case 'œ':
        return "oe";
      case 'ø':
        return "o";
      case 'ł':
        return "l";
      case 'đ':
        return "d";
      case 'þ':
        return "th";
      case 'ı':
        return "i";
      default:
        return null;
    }
  }
}
