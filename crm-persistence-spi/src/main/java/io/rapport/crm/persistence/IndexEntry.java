package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Files an aggregate under a key of an {@link Index}, at a place in that key's order given by the
 * sort key. Sort keys compare as strings (by UTF-16 code units, as {@link String#compareTo} does);
 * {@link #sortKeyOf(Instant)} encodes an instant so that string order is time order. Immutable and
 * thread-safe.
 *
 * @param key what a query looks up, 1 to 512 characters
 * @param sortKey the order under the key, up to 128 characters; empty to order by id alone
 */
public record IndexEntry(String key, String sortKey) {

  /** The longest key accepted, in characters. */
  public static final int MAX_KEY_LENGTH = 512;

  /** The longest sort key accepted, in characters. */
  public static final int MAX_SORT_KEY_LENGTH = 128;

  private static final long EPOCH_SECOND_OFFSET = -Instant.MIN.getEpochSecond();

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the key is empty or too long, or the sort key too long
   */
  public IndexEntry {
    requireNonNull(key, "key");
    requireNonNull(sortKey, "sortKey");
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("An index key has 1 to " + MAX_KEY_LENGTH
          + " characters, not " + key.length());
    }
    if (sortKey.length() > MAX_SORT_KEY_LENGTH) {
      throw new IllegalArgumentException("A sort key has at most " + MAX_SORT_KEY_LENGTH
          + " characters, not " + sortKey.length());
    }
  }

  /**
   * Returns an entry ordered by id alone under its key.
   *
   * @param key the key
   * @return the entry
   */
  public static IndexEntry of(String key) {
    return new IndexEntry(key, "");
  }

  /**
   * Returns an entry ordered by time under its key.
   *
   * @param key the key
   * @param at the time
   * @return the entry
   */
  public static IndexEntry at(String key, Instant at) {
    return new IndexEntry(key, sortKeyOf(at));
  }

  /**
   * Returns an entry ordered newest first under its key when read in ascending order, so that
   * ties at the same instant still come in ascending id order.
   *
   * @param key the key
   * @param at the time
   * @return the entry
   */
  public static IndexEntry newestFirst(String key, Instant at) {
    return new IndexEntry(key, newestFirstSortKeyOf(at));
  }

  /**
   * Encodes an instant as a sort key that orders later instants first: the nines' complement of
   * {@link #sortKeyOf(Instant)}, digit by digit.
   *
   * @param at the instant
   * @return its sort key, 26 digits
   * @throws NullPointerException if at is null
   */
  public static String newestFirstSortKeyOf(Instant at) {
    char[] digits = sortKeyOf(at).toCharArray();
    for (int i = 0; i < digits.length; i++) {
      digits[i] = (char) ('9' - digits[i] + '0');
    }
    return new String(digits);
  }

  /**
   * Encodes an instant as a sort key: 17 digits of seconds from {@link Instant#MIN} and 9 of
   * nanoseconds, so that comparing the strings compares the instants.
   *
   * @param at the instant
   * @return its sort key, 26 digits
   * @throws NullPointerException if at is null
   */
  public static String sortKeyOf(Instant at) {
    requireNonNull(at, "at");
    String seconds = Long.toString(at.getEpochSecond() + EPOCH_SECOND_OFFSET);
    String nanos = Integer.toString(at.getNano());
    StringBuilder key = new StringBuilder(26);
    key.append("0".repeat(17 - seconds.length())).append(seconds);
    key.append("0".repeat(9 - nanos.length())).append(nanos);
    return key.toString();
  }
}
