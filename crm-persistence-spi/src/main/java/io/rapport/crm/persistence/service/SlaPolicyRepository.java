package io.rapport.crm.persistence.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.SlaPolicyId;
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
import io.rapport.crm.service.SlaPolicy;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Stores SLA policies (configuration) and lists them in rank order, the order in which they are
 * tried against a ticket. A policy is saved like any aggregate, with optimistic versions. Obtain
 * one with {@link #in(CrmStore)} or {@link #in(Transaction)}; the rank order is a lookup in an
 * index declared on {@link #TYPE}.
 */
public final class SlaPolicyRepository extends ForwardingRepository<SlaPolicyId, SlaPolicy> {

  /** The index of every policy, by rank. */
  public static final String BY_RANK = "by_rank";

  private static final String ALL = "all";

  /** The aggregate type of SLA policies, with the index of the rank order. */
  public static final AggregateType<SlaPolicyId, SlaPolicy> TYPE =
      AggregateType.of("sla_policy", SlaPolicy.class, SlaPolicyId.KIND)
          .withIndex(Index.sorted(BY_RANK, (SlaPolicy p) ->
              List.of(new IndexEntry(ALL, ServiceIndexKeys.rankKey(p.rank())))));

  private SlaPolicyRepository(Repository<SlaPolicyId, SlaPolicy> delegate) {
    super(delegate);
  }

  /**
   * Returns the SLA policy repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static SlaPolicyRepository in(CrmStore store) {
    return new SlaPolicyRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the SLA policy repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static SlaPolicyRepository in(Transaction tx) {
    return new SlaPolicyRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists the policies by rank, the lowest first, one page at a time; policies of equal rank in
   * id order.
   *
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<SlaPolicy>, IndexCursor> byRank(Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_RANK, ALL, limit).after(after));
  }

  /**
   * Lists every policy by rank, the lowest first (equal ranks in id order), reading page by page:
   * a business has a handful, and the first that matches a ticket applies.
   *
   * @return the policies in rank order
   */
  public Seq<Versioned<SlaPolicy>> byRank() {
    List<Versioned<SlaPolicy>> all = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<SlaPolicy>, IndexCursor> page = byRank(after, IndexQuery.MAX_LIMIT);
      all = all.prependAll(page.items().reverse());
      after = page.next();
    } while (after.isDefined());
    return all.reverse();
  }
}
