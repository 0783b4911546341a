package io.rapport.crm.persistence.json;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the instants this codec writes ({@code 2026-11-23T09:00:00Z}, with an optional fraction
 * of up to nine digits) without a DateTimeFormatter, which costs about a microsecond per value.
 * Anything else is left to {@link Instant#parse}.
 */
final class IsoInstants {

  private IsoInstants() {}

  /**
   * Returns the instant, or null if the text is not in the canonical UTC form.
   *
   * @throws java.time.DateTimeException if the form is right but a field is out of range
   */
  static Instant parseUtc(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
        || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      if (text.charAt(19) != '.' || length == 21) {
        return null;
      }
      int fraction = digits(text, 20, length - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = length - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    } else if (text.charAt(19) != 'Z') {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
  }

  /**
   * Formats an instant exactly as {@link Instant#toString()} does for years 0000 to 9999, without
   * a DateTimeFormatter.
   */
  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    long epochDay = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    LocalDate date;
    try {
      date = LocalDate.ofEpochDay(epochDay);
    } catch (java.time.DateTimeException outOfRange) {
      return instant.toString();
    }
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return instant.toString();
    }
    char[] out = new char[30];
    int at = put(out, 0, date.getYear(), 4);
    out[at++] = '-';
    at = put(out, at, date.getMonthValue(), 2);
    out[at++] = '-';
    at = put(out, at, date.getDayOfMonth(), 2);
    out[at++] = 'T';
    at = put(out, at, secondOfDay / 3600, 2);
    out[at++] = ':';
    at = put(out, at, secondOfDay / 60 % 60, 2);
    out[at++] = ':';
    at = put(out, at, secondOfDay % 60, 2);
    int nanos = instant.getNano();
    if (nanos > 0) {
      out[at++] = '.';
      if (nanos % 1_000_000 == 0) {
        at = put(out, at, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        at = put(out, at, nanos / 1000, 6);
      } else {
        at = put(out, at, nanos, 9);
      }
    }
    out[at++] = 'Z';
    return new String(out, 0, at);
  }

  private static int put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }

  /** Returns the decimal value of text[from, to), or -1 if a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
