package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Holds one page of a customer's timeline and where the next page starts. Immutable and
 * thread-safe.
 *
 * @param entries the entries, newest first
 * @param next the cursor to pass for the next page; empty on the last page
 */
public record TimelinePage(Seq<TimelineEntry> entries, Option<TimelineCursor> next) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an entry is null
   */
  public TimelinePage {
    requireNonNull(entries, "entries");
    requireNonNull(next, "next");
    entries.forEach(entry -> requireNonNull(entry, "entries element"));
  }

  /** Tells whether this is the last page: no entries follow. */
  public boolean isLast() {
    return next.isEmpty();
  }
}
