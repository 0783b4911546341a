package io.rapport.crm.persistence.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/** Builds the sort keys of the service ports, from aggregate components only. */
final class ServiceIndexKeys {

  /** The number of digits of a rank key: enough for every int, offset to be non-negative. */
  private static final int RANK_DIGITS = 10;

  private ServiceIndexKeys() {}

  /**
   * Encodes a work-queue position: the most urgent priority first, then the oldest ticket first.
   * One digit for the priority ({@code 0} for {@link Priority#URGENT}), then the time's sort key.
   */
  static String queueKey(Priority priority, Instant createdAt) {
    requireNonNull(priority, "priority");
    int urgency = Priority.values().length - 1 - priority.ordinal();
    return urgency + IndexEntry.sortKeyOf(createdAt);
  }

  /**
   * Encodes a rank so that string order is numeric order over every int: the rank minus
   * {@link Integer#MIN_VALUE}, in ten digits.
   */
  static String rankKey(int rank) {
    String digits = Long.toString((long) rank - Integer.MIN_VALUE);
    return "0".repeat(RANK_DIGITS - digits.length()) + digits;
  }

  /** Returns the page of a query that can match nothing, such as an empty range. */
  static <T> Page<T, IndexCursor> emptyPage() {
    return new Page<>(List.empty(), Option.none());
  }
}
