package io.rapport.crm.persistence.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Timeline;
import io.rapport.crm.customer.TimelineCursor;
import io.rapport.crm.customer.TimelinePage;
import io.rapport.crm.customer.TimelineSource;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.persistence.CrmStore;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * Reads a customer's 360° timeline from a store: their interactions, merged with every other
 * source the host registers (opportunities, tickets, purchases, loyalty events, survey answers as
 * those aggregates arrive), newest first, one page at a time. Each source is read only as far as
 * the page needs. Immutable and thread-safe.
 */
public final class CustomerTimeline {

  private final CrmStore store;
  private final Seq<Function<CustomerId, TimelineSource>> others;

  private CustomerTimeline(CrmStore store, Seq<Function<CustomerId, TimelineSource>> others) {
    this.store = store;
    this.others = others;
  }

  /**
   * Returns the timeline of a store's interactions.
   *
   * @param store the store
   * @return the timeline
   */
  public static CustomerTimeline of(CrmStore store) {
    return new CustomerTimeline(requireNonNull(store, "store"), List.empty());
  }

  /**
   * Returns this timeline with one more source of entries per customer.
   *
   * @param source gives the source of a customer's entries of one kind
   * @return the timeline
   */
  public CustomerTimeline with(Function<CustomerId, TimelineSource> source) {
    return new CustomerTimeline(store, others.append(requireNonNull(source, "source")));
  }

  /**
   * Reads one page of a customer's timeline.
   *
   * @param customer the customer
   * @param after where the previous page ended, or empty for the newest entries
   * @param limit the page size, 1 to 10 000
   * @return the page, with the cursor of the next one
   */
  public TimelinePage page(CustomerId customer, Option<TimelineCursor> after, int limit) {
    requireNonNull(customer, "customer");
    Seq<TimelineSource> sources = others.map(source -> source.apply(customer))
        .prepend(InteractionRepository.in(store).timeline(customer));
    return Timeline.page(sources, after, limit);
  }

  /**
   * Returns a timeline source over a customer's records of one kind, each giving any number of
   * entries: every page request reads all the customer's records page by page and serves their
   * entries in timeline order. Fit for kinds a customer has tens or hundreds of (deals, tickets),
   * not thousands.
   *
   * @param pages a page of the customer's records after a cursor
   * @param entries the timeline entries of one record
   * @param <A> the record type
   * @return the source
   * @throws NullPointerException if an argument is null
   */
  public static <A> TimelineSource ofAllRecords(
      Function<Option<io.rapport.crm.persistence.IndexCursor>,
          io.rapport.crm.persistence.Page<io.rapport.crm.persistence.Versioned<A>,
              io.rapport.crm.persistence.IndexCursor>> pages,
      Function<A, Seq<io.rapport.crm.customer.TimelineEntry>> entries) {
    requireNonNull(pages, "pages");
    requireNonNull(entries, "entries");
    return (cursor, limit) -> {
      io.vavr.collection.Vector<io.rapport.crm.customer.TimelineEntry> all =
          io.vavr.collection.Vector.empty();
      Option<io.rapport.crm.persistence.IndexCursor> after = Option.none();
      do {
        io.rapport.crm.persistence.Page<io.rapport.crm.persistence.Versioned<A>,
            io.rapport.crm.persistence.IndexCursor> page = pages.apply(after);
        for (io.rapport.crm.persistence.Versioned<A> record : page.items()) {
          all = all.appendAll(entries.apply(record.value()));
        }
        after = page.next();
      } while (after.isDefined());
      return TimelineSource.of(all).after(cursor, limit);
    };
  }
}
