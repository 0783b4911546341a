package io.rapport.crm.persistence.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.TimelineCursor;
import io.rapport.crm.customer.TimelineSource;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * Stores interactions and answers their queries: a customer's interactions newest first (the
 * source of the 360° timeline) and the interactions linked to a record (an opportunity, a ticket).
 * Obtain one with {@link #in(CrmStore)} or {@link #in(Transaction)}.
 */
public final class InteractionRepository extends ForwardingRepository<InteractionId, Interaction> {

  /** The index of interactions by customer, newest first. */
  public static final String BY_CUSTOMER = "by_customer";
  /** The index of interactions by linked record. */
  public static final String BY_LINK = "by_link";

  /** The aggregate type of interactions, with the indexes of every interaction query. */
  public static final AggregateType<InteractionId, Interaction> TYPE =
      AggregateType.of("interaction", Interaction.class, InteractionId.KIND)
          .withIndex(Index.sorted(BY_CUSTOMER, (Interaction i) ->
              List.of(IndexEntry.newestFirst(i.customer().value(), i.occurredAt()))))
          .withIndex(Index.byKey(BY_LINK, (Interaction i) -> i.links().map(RecordRef::toString)));

  private static final String SOURCE_PREFIX = InteractionId.KIND.name() + "/";

  private InteractionRepository(Repository<InteractionId, Interaction> delegate) {
    super(delegate);
  }

  /**
   * Returns the interaction repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static InteractionRepository in(CrmStore store) {
    return new InteractionRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the interaction repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static InteractionRepository in(Transaction tx) {
    return new InteractionRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists a customer's interactions, newest first (ties in id order).
   *
   * @param customer the customer
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Interaction>, IndexCursor> ofCustomer(CustomerId customer,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_CUSTOMER, customer.value(), limit).after(after));
  }

  /**
   * Lists the interactions linked to a record, in id order.
   *
   * @param record the record, such as an opportunity or a ticket
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Interaction>, IndexCursor> linkedTo(RecordRef record,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_LINK, record.toString(), limit).after(after));
  }

  /**
   * Returns a customer's interactions as a timeline source, read page by page from the index.
   *
   * @param customer the customer
   * @return the source
   */
  public TimelineSource timeline(CustomerId customer) {
    requireNonNull(customer, "customer");
    return (cursor, limit) -> {
      Page<Versioned<Interaction>, IndexCursor> page = ofCustomer(customer,
          cursor.map(InteractionRepository::position), Math.min(limit, IndexQuery.MAX_LIMIT));
      return page.items().map(v -> v.value().timelineEntry());
    };
  }

  /**
   * Translates a timeline position into this index: the same instant, and an id placed so that
   * exactly the interactions after the position in timeline order follow it.
   */
  static IndexCursor position(TimelineCursor cursor) {
    String sortKey = IndexEntry.newestFirstSortKeyOf(cursor.at());
    String other = cursor.source().toString();
    if (other.startsWith(SOURCE_PREFIX)) {
      return new IndexCursor(sortKey, cursor.source().value());
    }
    return new IndexCursor(sortKey, SOURCE_PREFIX.compareTo(other) > 0 ? "" : "\uffff");
  }
}
