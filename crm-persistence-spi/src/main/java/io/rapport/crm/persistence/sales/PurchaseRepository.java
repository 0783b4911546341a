package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PurchaseId;
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
import io.rapport.crm.sales.Purchase;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Stores purchases and answers their queries: a customer's purchases newest first, the purchases
 * that closed an opportunity, the purchases made in a period, and every purchase in customer and
 * time order, the read that customer value models (CLV, RFM) stream through page by page. Obtain
 * one with {@link #in(CrmStore)} or {@link #in(Transaction)}; every query is a lookup in an index
 * declared on {@link #TYPE}, derived from the purchase's components alone.
 */
public final class PurchaseRepository extends ForwardingRepository<PurchaseId, Purchase> {

  /** The index of purchases by customer, newest first. */
  public static final String BY_CUSTOMER = "by_customer";
  /** The index of purchases by the opportunity they closed. */
  public static final String BY_OPPORTUNITY = "by_opportunity";
  /** The index of all purchases by purchase time. */
  public static final String BY_TIME = "by_time";
  /** The index of all purchases by customer id, then purchase time. */
  public static final String IN_CUSTOMER_ORDER = "in_customer_order";

  private static final String ALL = "all";

  /** The aggregate type of purchases, with the indexes of every purchase query. */
  public static final AggregateType<PurchaseId, Purchase> TYPE =
      AggregateType.of("purchase", Purchase.class, PurchaseId.KIND)
          .withIndex(Index.sorted(BY_CUSTOMER, (Purchase p) ->
              List.of(IndexEntry.newestFirst(p.customer().value(), p.purchasedAt()))))
          .withIndex(Index.byKey(BY_OPPORTUNITY, (Purchase p) ->
              p.opportunity().map(OpportunityId::value)))
          .withIndex(Index.sorted(BY_TIME, (Purchase p) ->
              List.of(IndexEntry.at(ALL, p.purchasedAt()))))
          .withIndex(Index.sorted(IN_CUSTOMER_ORDER, (Purchase p) -> List.of(new IndexEntry(ALL,
              SalesIndexKeys.customerTimeKey(p.customer().value(), p.purchasedAt())))));

  private PurchaseRepository(Repository<PurchaseId, Purchase> delegate) {
    super(delegate);
  }

  /**
   * Returns the purchase repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static PurchaseRepository in(CrmStore store) {
    return new PurchaseRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the purchase repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static PurchaseRepository in(Transaction tx) {
    return new PurchaseRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists a customer's purchases, newest first; ties in id order.
   *
   * @param customer the customer
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Purchase>, IndexCursor> ofCustomer(CustomerId customer,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_CUSTOMER, requireNonNull(customer, "customer").value(), limit)
        .after(after));
  }

  /**
   * Returns a customer's purchases as a timeline source ({@link Purchase#timelineEntry()}), read
   * page by page from the customer index, which already runs in timeline order.
   *
   * @param customer the customer
   * @return the source
   */
  public io.rapport.crm.customer.TimelineSource timeline(CustomerId customer) {
    requireNonNull(customer, "customer");
    return (cursor, limit) -> ofCustomer(customer, cursor.map(PurchaseRepository::position),
        Math.min(limit, IndexQuery.MAX_LIMIT)).items().map(v -> v.value().timelineEntry());
  }

  /**
   * Translates a timeline position into the customer index: the same instant, and an id placed
   * so that exactly the purchases after the position in timeline order follow it (at one instant
   * the timeline orders sources by their text, and every purchase's text starts alike).
   */
  static IndexCursor position(io.rapport.crm.customer.TimelineCursor cursor) {
    String sortKey = IndexEntry.newestFirstSortKeyOf(cursor.at());
    String other = cursor.source().toString();
    String prefix = PurchaseId.KIND.name() + "/";
    if (other.startsWith(prefix)) {
      return new IndexCursor(sortKey, cursor.source().value());
    }
    return new IndexCursor(sortKey, prefix.compareTo(other) > 0 ? "" : "\uffff");
  }

  /**
   * Lists the purchases that closed an opportunity (usually one), in id order.
   *
   * @param opportunity the opportunity
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Purchase>, IndexCursor> forOpportunity(OpportunityId opportunity,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_OPPORTUNITY, requireNonNull(opportunity, "opportunity").value(),
        limit).after(after));
  }

  /**
   * Lists the purchases made at an instant from {@code from} (included) to {@code until}
   * (excluded), earliest first; ties in id order. Empty when {@code until} is not after
   * {@code from}.
   *
   * @param from the first instant included
   * @param until the first instant excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Purchase>, IndexCursor> purchasedBetween(Instant from, Instant until,
      Option<IndexCursor> after, int limit) {
    IndexQuery query = IndexQuery.of(BY_TIME, ALL, limit)
        .between(Option.of(IndexEntry.sortKeyOf(from)), Option.of(IndexEntry.sortKeyOf(until)))
        .after(after);
    return from.isBefore(until) ? query(query) : SalesIndexKeys.emptyPage();
  }

  /**
   * Lists every purchase in customer order (by customer id value, compared as strings), each
   * customer's purchases earliest first, ties in id order: pass each page's {@code next} as the
   * following call's {@code after} to stream all purchases customer by customer, in time order.
   * Keyset paging never skips or repeats a purchase that existed throughout.
   *
   * @param after where the previous page ended, or empty for the first page
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Purchase>, IndexCursor> inCustomerOrder(Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(IN_CUSTOMER_ORDER, ALL, limit).after(after));
  }
}
