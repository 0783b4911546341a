package io.rapport.crm.persistence.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.loyalty.LoyaltyProgram;
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
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Stores loyalty programs (configuration) and lists them. A program is saved like any aggregate,
 * with optimistic versions, so two people revising a program at once cannot overwrite each other.
 * Obtain one with {@link #in(CrmStore)} or {@link #in(Transaction)}; the listing is a lookup in an
 * index declared on {@link #TYPE}.
 */
public final class LoyaltyProgramRepository
    extends ForwardingRepository<LoyaltyProgramId, LoyaltyProgram> {

  /** The index of every program, in id order. */
  public static final String ALL = "all";

  private static final String ALL_KEY = "all";

  /** The aggregate type of loyalty programs, with the index of the listing. */
  public static final AggregateType<LoyaltyProgramId, LoyaltyProgram> TYPE =
      AggregateType.of("loyalty_program", LoyaltyProgram.class, LoyaltyProgramId.KIND)
          .withIndex(Index.byKey(ALL, (LoyaltyProgram p) -> List.of(ALL_KEY)));

  private LoyaltyProgramRepository(Repository<LoyaltyProgramId, LoyaltyProgram> delegate) {
    super(delegate);
  }

  /**
   * Returns the program repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static LoyaltyProgramRepository in(CrmStore store) {
    return new LoyaltyProgramRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the program repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static LoyaltyProgramRepository in(Transaction tx) {
    return new LoyaltyProgramRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists the programs in id order, one page at a time.
   *
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<LoyaltyProgram>, IndexCursor> all(Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(ALL, ALL_KEY, limit).after(after));
  }

  /**
   * Lists every program in id order, reading page by page: a business runs a handful.
   *
   * @return the programs in id order
   */
  public Seq<Versioned<LoyaltyProgram>> all() {
    List<Versioned<LoyaltyProgram>> all = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<LoyaltyProgram>, IndexCursor> page = all(after, IndexQuery.MAX_LIMIT);
      all = all.prependAll(page.items().reverse());
      after = page.next();
    } while (after.isDefined());
    return all.reverse();
  }
}
