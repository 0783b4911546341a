package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Marks a position in a customer's timeline: the position of the last entry of a page, to ask for
 * the entries after it. Immutable and thread-safe.
 *
 * <p>{@code toString()} prints an opaque, URL-safe token that a user interface passes back as it
 * is; {@link #parse(String)} accepts exactly that. Cursors compare in timeline order, newest first.
 *
 * @param at the entry's time
 * @param source the record the entry comes from
 * @param kind the entry's kind
 */
public record TimelineCursor(Instant at, RecordRef source, String kind)
    implements Comparable<TimelineCursor> {

  /** The longest token {@link #parse(String)} reads. */
  private static final int MAX_TOKEN_LENGTH = 400;

  private static final char SEPARATOR = '~';

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the kind is malformed ({@code timeline.kind.malformed})
   */
  public TimelineCursor {
    requireNonNull(at, "at");
    requireNonNull(source, "source");
    requireNonNull(kind, "kind");
    Violation problem = TimelineOrder.kindProblem(kind, "kind");
    if (problem != null) {
      throw new InvalidValueException(List.of(problem));
    }
  }

  /**
   * Parses a token that {@link #toString()} printed.
   *
   * @param token the token
   * @return the cursor
   * @throws NullPointerException if token is null
   * @throws InvalidValueException if it is not such a token ({@code timeline.cursor.malformed})
   */
  public static TimelineCursor parse(String token) {
    requireNonNull(token, "token");
    return InvalidValueException.valueOrThrow(validated(token));
  }

  /**
   * Validates a token from outside, such as a query parameter, into a cursor.
   *
   * @param token the token, possibly null
   * @return the cursor, or the violation {@code timeline.cursor.missing} or
   *     {@code timeline.cursor.malformed}, with the field {@code cursor}
   */
  public static Validation<Seq<Violation>, TimelineCursor> validated(String token) {
    if (token == null) {
      return Violation.invalid("timeline.cursor.missing", "cursor", "A cursor is required");
    }
    String text = token.length() > MAX_TOKEN_LENGTH ? null : decode(token);
    int first = text == null ? -1 : text.indexOf(SEPARATOR);
    int second = first < 0 ? -1 : text.indexOf(SEPARATOR, first + 1);
    int slash = second < 0 ? -1 : text.indexOf('/', first + 1);
    if (second > 0 && slash > first && slash < second) {
      try {
        Instant at = Instant.parse(text.substring(0, first));
        Validation<Seq<Violation>, RecordRef> source = RecordRef.validated(
            text.substring(first + 1, slash), text.substring(slash + 1, second));
        String kind = text.substring(second + 1);
        if (source.isValid() && TimelineOrder.kindProblem(kind, "kind") == null) {
          TimelineCursor cursor = new TimelineCursor(at, source.get(), kind);
          if (cursor.toString().equals(token)) {
            return Validation.valid(cursor);
          }
        }
      } catch (DateTimeException malformed) {
        // reported below
      }
    }
    return Violation.invalid("timeline.cursor.malformed", "cursor",
        "Expected a cursor as a previous page returned it, but got " + Checks.quote(token));
  }

  /** Compares in timeline order: negative if this position comes first (it is newer). */
  @Override
  public int compareTo(TimelineCursor other) {
    return TimelineOrder.compare(at, source, kind, other.at, other.source, other.kind);
  }

  /** Returns the opaque token: URL-safe Base64 of the time, source and kind. */
  @Override
  public String toString() {
    String text = at.toString() + SEPARATOR + source + SEPARATOR + kind;
    byte[] ascii = new byte[text.length()];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) text.charAt(i);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ascii);
  }

  /** Decodes a token into its ASCII text, or returns null if it is not Base64 of ASCII. */
  private static String decode(String token) {
    byte[] ascii;
    try {
      ascii = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    char[] text = new char[ascii.length];
    for (int i = 0; i < ascii.length; i++) {
      if (ascii[i] < 0x20) {
        return null;
      }
      text[i] = (char) ascii[i];
    }
    return new String(text);
  }
}
