package io.rapport.crm.persistence.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Stores merge journals by the merge's event id and lists a customer's merges, newest first.
 * Obtain one with {@link #in(CrmStore)} or {@link #in(Transaction)}.
 */
public final class MergeJournalRepository extends ForwardingRepository<EventId, MergeJournal> {

  /** The index of merges by each customer taking part, newest first. */
  public static final String BY_CUSTOMER = "by_customer";

  /** The aggregate type of merge journals. */
  public static final AggregateType<EventId, MergeJournal> TYPE =
      AggregateType.of("customer_merge", MergeJournal.class, EventId.KIND)
          .withIndex(Index.sorted(BY_CUSTOMER, (MergeJournal j) -> List.of(
              IndexEntry.newestFirst(j.survivor().value(), j.at()),
              IndexEntry.newestFirst(j.absorbed().value(), j.at()))));

  private MergeJournalRepository(Repository<EventId, MergeJournal> delegate) {
    super(delegate);
  }

  /**
   * Returns the journal repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static MergeJournalRepository in(CrmStore store) {
    return new MergeJournalRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the journal repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static MergeJournalRepository in(Transaction tx) {
    return new MergeJournalRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists the merges a customer took part in, as survivor or absorbed, newest first.
   *
   * @param customer the customer
   * @return up to 1000 journals
   */
  public Seq<Versioned<MergeJournal>> of(CustomerId customer) {
    return query(IndexQuery.of(BY_CUSTOMER, customer.value(), 1000)).items();
  }
}
