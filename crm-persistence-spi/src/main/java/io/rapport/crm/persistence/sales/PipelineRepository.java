package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.sales.Pipeline;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Stores pipelines, the sales configuration (stages, guarded transitions, lost reasons, reopen
 * rules), and lists the active ones. A pipeline is saved like any aggregate, with optimistic
 * versions, so two administrators editing one pipeline never overwrite each other. Obtain one with
 * {@link #in(CrmStore)} or {@link #in(Transaction)}.
 */
public final class PipelineRepository extends ForwardingRepository<PipelineId, Pipeline> {

  /** The index of active pipelines, in id order. */
  public static final String ACTIVE = "active";

  private static final String ACTIVE_KEY = "active";

  /** The aggregate type of pipelines, with the index of active pipelines. */
  public static final AggregateType<PipelineId, Pipeline> TYPE =
      AggregateType.of("pipeline", Pipeline.class, PipelineId.KIND)
          .withIndex(Index.byKey(ACTIVE, (Pipeline p) -> p.active() ? List.of(ACTIVE_KEY)
              : List.<String>empty()));

  private PipelineRepository(Repository<PipelineId, Pipeline> delegate) {
    super(delegate);
  }

  /**
   * Returns the pipeline repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static PipelineRepository in(CrmStore store) {
    return new PipelineRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the pipeline repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static PipelineRepository in(Transaction tx) {
    return new PipelineRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists the active pipelines in id order, one page at a time.
   *
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Pipeline>, IndexCursor> active(Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(ACTIVE, ACTIVE_KEY, limit).after(after));
  }

  /**
   * Lists every active pipeline in id order, reading page by page: a business has a handful, so
   * this is the usual way to offer them.
   *
   * @return the active pipelines
   */
  public Seq<Versioned<Pipeline>> active() {
    List<Versioned<Pipeline>> all = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Pipeline>, IndexCursor> page = active(after, IndexQuery.MAX_LIMIT);
      all = all.prependAll(page.items().reverse());
      after = page.next();
    } while (after.isDefined());
    return all.reverse();
  }
}
