package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Arrays;

/** Serves timeline entries held in memory: sorted once, each page found by binary search. */
final class InMemoryTimelineSource implements TimelineSource {

  private final TimelineEntry[] sorted;

  InMemoryTimelineSource(Seq<TimelineEntry> entries) {
    requireNonNull(entries, "entries");
    TimelineEntry[] copy = new TimelineEntry[entries.size()];
    int i = 0;
    for (TimelineEntry entry : entries) {
      copy[i++] = requireNonNull(entry, "entries element");
    }
    Arrays.sort(copy, TimelineEntry.ORDER);
    for (int j = 1; j < copy.length; j++) {
      if (TimelineEntry.ORDER.compare(copy[j - 1], copy[j]) == 0) {
        throw new InvalidValueException(List.of(Violation.of("timeline.entry.duplicate", "entries",
            "Two entries share the time, source and kind of " + copy[j].cursor().at() + " "
                + copy[j].source() + " " + copy[j].kind())));
      }
    }
    this.sorted = copy;
  }

  @Override
  public Seq<TimelineEntry> after(Option<TimelineCursor> cursor, int limit) {
    requireNonNull(cursor, "cursor");
    if (limit < 0) {
      throw new InvalidValueException(List.of(Violation.of("timeline.limit.out_of_range", "limit",
          "A limit cannot be negative, but got " + limit)));
    }
    int start = cursor.isEmpty() ? 0 : firstAfter(cursor.get());
    int end = (int) Math.min(sorted.length, (long) start + limit);
    return Array.of(Arrays.copyOfRange(sorted, start, end));
  }

  /** Returns the index of the first entry strictly after the cursor. */
  private int firstAfter(TimelineCursor cursor) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle].isAfter(cursor)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
