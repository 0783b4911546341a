package io.rapport.crm.persistence;

/**
 * Counts the saves of one aggregate, for optimistic concurrency: a save names the version it read
 * and is refused when the stored version has moved on. {@link #NEW} means "never saved"; the first
 * save makes version 1. Immutable and thread-safe.
 *
 * @param value the number of saves so far, zero or more
 */
public record Version(long value) implements Comparable<Version> {

  /** The version of an aggregate that has not been saved yet (or has been erased). */
  public static final Version NEW = new Version(0);

  /**
   * Checks the value.
   *
   * @throws IllegalArgumentException if the value is negative
   */
  public Version {
    if (value < 0) {
      throw new IllegalArgumentException("A version cannot be negative: " + value);
    }
  }

  /**
   * Returns a version.
   *
   * @param value the number of saves, zero or more
   * @return the version
   */
  public static Version of(long value) {
    return value == 0 ? NEW : new Version(value);
  }

  /** Returns the version a successful save after this one makes. */
  public Version next() {
    return new Version(Math.addExact(value, 1));
  }

  /** Returns whether this is {@link #NEW}. */
  public boolean isNew() {
    return value == 0;
  }

  @Override
  public int compareTo(Version other) {
    return Long.compare(value, other.value);
  }

  /** Returns {@code v} and the number, such as {@code v3}. */
  @Override
  public String toString() {
    return "v" + value;
  }
}
