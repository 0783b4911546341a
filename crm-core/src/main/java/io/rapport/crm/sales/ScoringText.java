package io.rapport.crm.sales;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Formats numbers and lists for score explanations, and checks the texts scoring data holds. */
final class ScoringText {

  /** A stable code: a rule's code, a channel, a reason. */
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** A lead attribute's name, as leads hold them. */
  private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

  /** The decimals a shown probability or log odds has. */
  private static final int SHOWN_DECIMALS = 4;

  private ScoringText() {}

  /** Tells whether text is a stable code such as {@code web-lead}. */
  static boolean isCode(String text) {
    return text != null && CODE.matcher(text).matches();
  }

  /** Tells whether text is an attribute name such as {@code industry}. */
  static boolean isAttributeName(String text) {
    return text != null && ATTRIBUTE.matcher(text).matches();
  }

  /** Rounds a finite double to four decimals, half up: {@code 0.4286}. */
  static String decimal(double value) {
    return BigDecimal.valueOf(value).setScale(SHOWN_DECIMALS, RoundingMode.HALF_UP).toPlainString();
  }

  /** Rounds a finite double to four decimals with its sign: {@code +0.4055}, {@code -1.2000}. */
  static String signed(double value) {
    String text = decimal(value);
    return text.startsWith("-") ? text : "+" + text;
  }

  /** Writes whole points with their sign: {@code +15}, {@code -5}, {@code +0}. */
  static String signed(int points) {
    return points < 0 ? Integer.toString(points) : "+" + points;
  }

  /** Writes a double without needless zeros: {@code 1}, {@code 0.5}. */
  static String plain(double value) {
    BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
    return (exact.scale() < 0 ? exact.setScale(0) : exact).toPlainString();
  }

  /** Quotes an outside value for a message, shortening very long input. */
  static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }

  /** Writes values as {@code [a, b]}. */
  static String list(Iterable<?> values) {
    StringBuilder text = new StringBuilder("[");
    for (Object value : values) {
      text.append(text.length() > 1 ? ", " : "").append(value);
    }
    return text.append(']').toString();
  }

  /** Throws the violations, if any. */
  static void throwIfAny(Seq<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }
}
