package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.Page;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Builds the index keys and sort keys of the sales ports, from aggregate components only. */
final class SalesIndexKeys {

  /** Sorts after every date and instant sort key (digits), so undated records come last. */
  static final String UNDATED = "~";

  /** Separates the parts of a composite key; it never occurs in an id, a code or a status. */
  static final String SEPARATOR = "/";

  /**
   * Separates a customer id from a time in a sort key. It sorts below every character an id may
   * hold, so that a customer's keys all come before those of any longer id it is a prefix of.
   */
  static final String CUSTOMER_TIME_SEPARATOR = "!";

  private SalesIndexKeys() {}

  /** Returns a key of two parts, such as {@code E-7/OPEN}. */
  static String key(String first, String second) {
    return first + SEPARATOR + second;
  }

  /**
   * Encodes a date as a sort key: the key of its first instant in UTC, so that string order is
   * date order over the whole range of {@link LocalDate}.
   */
  static String dateKey(LocalDate date) {
    requireNonNull(date, "date");
    return IndexEntry.sortKeyOf(date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Encodes an optional date, empty ones after every date. */
  static String dateKeyOrLast(Option<LocalDate> date) {
    return date.map(SalesIndexKeys::dateKey).getOrElse(UNDATED);
  }

  /** Encodes a customer and a time: all of a customer's keys together, in time order. */
  static String customerTimeKey(String customer, Instant at) {
    return customer + CUSTOMER_TIME_SEPARATOR + IndexEntry.sortKeyOf(at);
  }

  /** Returns the page of a query that can match nothing, such as an empty range. */
  static <T> Page<T, IndexCursor> emptyPage() {
    return new Page<>(List.empty(), Option.none());
  }
}
