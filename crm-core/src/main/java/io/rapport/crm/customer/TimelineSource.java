package io.rapport.crm.customer;

import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Supplies the timeline entries of one kind of record for one customer: their interactions, their
 * opportunities, their tickets, their purchases… A host implements it over its own storage,
 * typically with an indexed query ordered as {@link TimelineEntry#ORDER} and limited; {@link #of}
 * serves entries held in memory. {@link Timeline#page} merges several sources.
 *
 * <p>A source must answer entries in timeline order, strictly after the cursor, and fewer than the
 * limit only when no more follow. No two of its entries may share the same time, source and kind.
 */
@FunctionalInterface
public interface TimelineSource {

  /**
   * Returns up to {@code limit} entries strictly after a position, in timeline order.
   *
   * @param cursor the position, or empty for the newest entries
   * @param limit the most entries to return, at least 1
   * @return the entries, fewer than {@code limit} only if no more follow
   */
  Seq<TimelineEntry> after(Option<TimelineCursor> cursor, int limit);

  /**
   * Returns a source serving entries held in memory: sorted once, then each page found by binary
   * search, for tests and small hosts.
   *
   * @param entries the entries, in any order
   * @return the source
   * @throws NullPointerException if entries or an entry is null
   * @throws InvalidValueException if two entries share the same time, source and kind
   *     ({@code timeline.entry.duplicate})
   */
  static TimelineSource of(Seq<TimelineEntry> entries) {
    return new InMemoryTimelineSource(entries);
  }
}
