package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.PriorityQueue;

/**
 * Pages through a customer's 360° timeline: interactions, opportunities, tickets, purchases,
 * loyalty events and survey answers, merged newest first from one {@link TimelineSource} each.
 * Pure and storage-agnostic; every page reads at most one page's worth from each source, never a
 * source in full.
 */
public final class Timeline {

  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  private Timeline() {}

  /**
   * Returns the page of entries after a position: the first {@code limit} entries of all sources
   * merged in timeline order ({@link TimelineEntry#ORDER}), and the cursor of the next page.
   *
   * <p>Each source is asked once for at most {@code limit} entries after the position. Only when a
   * single source filled the page by itself is it asked again, for one entry, to tell whether the
   * page is the last. Paging from the first page to the last yields every entry exactly once, in
   * order.
   *
   * @param sources the sources, possibly none
   * @param after the position, or empty for the newest entries
   * @param limit the most entries on the page, 1 to {@value #MAX_LIMIT}
   * @return the page; its {@code next} is empty when no entries follow
   * @throws NullPointerException if an argument or a source is null
   * @throws InvalidValueException if the limit is out of range ({@code timeline.limit.out_of_range})
   * @throws IllegalStateException if a source breaks its contract: more entries than asked, or
   *     entries out of order or not after the position
   */
  public static TimelinePage page(Seq<TimelineSource> sources, Option<TimelineCursor> after,
      int limit) {
    requireNonNull(sources, "sources");
    requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException(List.of(Violation.of("timeline.limit.out_of_range", "limit",
          "A page has 1 to " + MAX_LIMIT + " entries, but got " + limit)));
    }
    TimelineSource[] asked = new TimelineSource[sources.size()];
    java.util.List<Seq<TimelineEntry>> answers = answers(sources, after, limit, asked);
    PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, asked.length));
    for (int i = 0; i < asked.length; i++) {
      if (!answers.get(i).isEmpty()) {
        heads.add(new Head(Array.ofAll(answers.get(i)), i));
      }
    }
    TimelineEntry[] page = new TimelineEntry[limit];
    int taken = 0;
    while (taken < limit && !heads.isEmpty()) {
      Head head = heads.poll();
      page[taken++] = head.entry();
      if (head.advance()) {
        heads.add(head);
      }
    }
    Seq<TimelineEntry> entries = Array.of(page).take(taken);
    boolean more = !heads.isEmpty();
    if (!more && taken == limit) {
      // Every answer was used up. Only a source that answered a full page may hold more.
      for (int i = 0; i < asked.length && !more; i++) {
        if (answers.get(i).size() == limit) {
          more = !asked[i].after(Option.of(page[taken - 1].cursor()), 1).isEmpty();
        }
      }
    }
    return new TimelinePage(entries, more ? Option.of(page[taken - 1].cursor()) : Option.none());
  }

  private static java.util.List<Seq<TimelineEntry>> answers(Seq<TimelineSource> sources,
      Option<TimelineCursor> after, int limit, TimelineSource[] asked) {
    java.util.List<Seq<TimelineEntry>> answers = new java.util.ArrayList<>(asked.length);
    int i = 0;
    for (TimelineSource source : sources) {
      asked[i] = requireNonNull(source, "sources element");
      Seq<TimelineEntry> answer = requireNonNull(source.after(after, limit), "answer of a source");
      checkAnswer(answer, after, limit, i);
      answers.add(answer);
      i++;
    }
    return answers;
  }

  private static void checkAnswer(Seq<TimelineEntry> answer, Option<TimelineCursor> after,
      int limit, int index) {
    if (answer.size() > limit) {
      throw new IllegalStateException("Timeline source " + index + " answered " + answer.size()
          + " entries when asked for at most " + limit);
    }
    TimelineEntry previous = null;
    for (TimelineEntry entry : answer) {
      requireNonNull(entry, "entry of a source");
      boolean inOrder = previous == null
          ? after.isEmpty() || entry.isAfter(after.get())
          : TimelineEntry.ORDER.compare(previous, entry) < 0;
      if (!inOrder) {
        throw new IllegalStateException("Timeline source " + index + " answered an entry out of "
            + "order or not after the cursor: " + entry);
      }
      previous = entry;
    }
  }

  /** The next unmerged entry of one source's answer. */
  private static final class Head implements Comparable<Head> {
    private final Array<TimelineEntry> entries;
    private final int source;
    private int index;

    Head(Array<TimelineEntry> entries, int source) {
      this.entries = entries;
      this.source = source;
    }

    TimelineEntry entry() {
      return entries.get(index);
    }

    boolean advance() {
      return ++index < entries.size();
    }

    @Override
    public int compareTo(Head other) {
      int byEntry = TimelineEntry.ORDER.compare(entry(), other.entry());
      return byEntry != 0 ? byEntry : Integer.compare(source, other.source);
    }
  }
}
