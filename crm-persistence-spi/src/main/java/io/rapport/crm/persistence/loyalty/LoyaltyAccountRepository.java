package io.rapport.crm.persistence.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.loyalty.LoyaltyAccount;
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
import java.time.Instant;

/**
 * Stores loyalty accounts (a customer's membership of a program, with its points ledger and tier)
 * and answers their queries: a customer's accounts (a customer may belong to several programs),
 * the account of a customer in a program, the accounts whose tier falls due for evaluation before a
 * time, the accounts holding points that expire before a time, the members an account referred,
 * and a program's members. Obtain one with {@link #in(CrmStore)} or {@link #in(Transaction)}; it
 * works on any adapter, since every query is a lookup in an index declared on {@link #TYPE},
 * derived from the account's components alone.
 *
 * <p>The loyalty desk keeps at most one account per program and customer and relies on it; this
 * port does not enforce it. Open accounts inside a transaction that first checks
 * {@link #ofProgramAndCustomer} (two concurrent openings then conflict only if they touch a common
 * record), or give an account an id derived from the program and the customer so that a second
 * opening is refused as a version conflict.
 */
public final class LoyaltyAccountRepository
    extends ForwardingRepository<LoyaltyAccountId, LoyaltyAccount> {

  /** The index of accounts by customer, oldest joined first. */
  public static final String BY_CUSTOMER = "by_customer";
  /** The index of accounts by program and customer ({@code program/customer}). */
  public static final String BY_PROGRAM_CUSTOMER = "by_program_customer";
  /** The index of accounts by program, oldest joined first. */
  public static final String BY_PROGRAM = "by_program";
  /** The index of every account by when its tier is next due ({@link LoyaltyAccount#tierDueAt}). */
  public static final String TIER_DUE = "tier_due";
  /** The index of accounts holding expiring points, by {@link LoyaltyAccount#nextExpiry}. */
  public static final String POINTS_EXPIRING = "points_expiring";
  /** The index of referred accounts by the account that referred them, oldest joined first. */
  public static final String BY_REFERRER = "by_referrer";

  private static final String DUE = "due";
  private static final String EXPIRY = "expiry";

  /** The aggregate type of loyalty accounts, with the indexes of every account query. */
  public static final AggregateType<LoyaltyAccountId, LoyaltyAccount> TYPE =
      AggregateType.of("loyalty_account", LoyaltyAccount.class, LoyaltyAccountId.KIND)
          .withIndex(Index.sorted(BY_CUSTOMER, (LoyaltyAccount a) ->
              List.of(IndexEntry.at(a.customer().value(), a.joinedAt()))))
          .withIndex(Index.byKey(BY_PROGRAM_CUSTOMER, (LoyaltyAccount a) ->
              List.of(LoyaltyIndexKeys.memberKey(a.program(), a.customer()))))
          .withIndex(Index.sorted(BY_PROGRAM, (LoyaltyAccount a) ->
              List.of(IndexEntry.at(a.program().value(), a.joinedAt()))))
          .withIndex(Index.sorted(TIER_DUE, (LoyaltyAccount a) ->
              List.of(IndexEntry.at(DUE, a.tierDueAt()))))
          .withIndex(Index.sorted(POINTS_EXPIRING, (LoyaltyAccount a) ->
              a.nextExpiry().map(at -> IndexEntry.at(EXPIRY, at))))
          .withIndex(Index.sorted(BY_REFERRER, (LoyaltyAccount a) ->
              a.referredBy().map(referrer -> IndexEntry.at(referrer.value(), a.joinedAt()))));

  private LoyaltyAccountRepository(Repository<LoyaltyAccountId, LoyaltyAccount> delegate) {
    super(delegate);
  }

  /**
   * Returns the account repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static LoyaltyAccountRepository in(CrmStore store) {
    return new LoyaltyAccountRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the account repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static LoyaltyAccountRepository in(Transaction tx) {
    return new LoyaltyAccountRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists a customer's accounts in every program, the oldest joined first; ties in id order.
   *
   * @param customer the customer
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<LoyaltyAccount>, IndexCursor> ofCustomer(CustomerId customer,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_CUSTOMER, requireNonNull(customer, "customer").value(), limit)
        .after(after));
  }

  /**
   * Finds a customer's account in a program. The desk keeps at most one; should a host have
   * stored more (this port does not prevent it), the one with the lowest id is returned.
   *
   * @param program the program
   * @param customer the customer
   * @return the account, or empty if the customer is not a member
   */
  public Option<Versioned<LoyaltyAccount>> ofProgramAndCustomer(LoyaltyProgramId program,
      CustomerId customer) {
    return query(IndexQuery.of(BY_PROGRAM_CUSTOMER, LoyaltyIndexKeys.memberKey(program, customer),
        1)).items().headOption();
  }

  /**
   * Lists a program's members, the oldest joined first; ties in id order.
   *
   * @param program the program
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<LoyaltyAccount>, IndexCursor> ofProgram(LoyaltyProgramId program,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_PROGRAM, requireNonNull(program, "program").value(), limit)
        .after(after));
  }

  /**
   * Lists the accounts whose tier needs attention before a time ({@link LoyaltyAccount#tierDueAt}
   * before {@code until}: a pending downgrade takes effect, or the next evaluation falls), soonest
   * first; ties in id order. An account drops out once it is re-evaluated and saved with a later
   * status. Pass the evaluation time plus one nanosecond to include accounts due exactly then.
   *
   * @param until the first due time excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<LoyaltyAccount>, IndexCursor> tierDueBefore(Instant until,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(TIER_DUE, DUE, limit)
        .between(Option.none(), Option.of(IndexEntry.sortKeyOf(requireNonNull(until, "until"))))
        .after(after));
  }

  /**
   * Lists the accounts holding points that expire before a time ({@link LoyaltyAccount#nextExpiry}
   * before {@code until}: the earliest expiry among lots that still hold points), soonest first;
   * ties in id order. An account drops out once its expired points are taken
   * ({@code PointsLedger.expire}) and it is saved again. A lot expiring at {@code T} is unusable
   * at {@code T}, so an expiry job running at {@code now} passes {@code now} plus one nanosecond.
   *
   * @param until the first expiry time excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<LoyaltyAccount>, IndexCursor> pointsExpiringBefore(Instant until,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(POINTS_EXPIRING, EXPIRY, limit)
        .between(Option.none(), Option.of(IndexEntry.sortKeyOf(requireNonNull(until, "until"))))
        .after(after));
  }

  /**
   * Lists the accounts an account referred, the oldest joined first; ties in id order.
   *
   * @param referrer the referring account
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<LoyaltyAccount>, IndexCursor> referredBy(LoyaltyAccountId referrer,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_REFERRER, requireNonNull(referrer, "referrer").value(), limit)
        .after(after));
  }

  /**
   * Returns the customer timeline source of a customer's memberships: joining and tier changes
   * ({@link LoyaltyAccount#timelineEntries()}), in timeline order.
   *
   * @param customer the customer
   * @return the source
   * @throws NullPointerException if customer is null
   */
  public io.rapport.crm.customer.TimelineSource timeline(CustomerId customer) {
    requireNonNull(customer, "customer");
    return io.rapport.crm.persistence.customer.CustomerTimeline.ofAllRecords(
        after -> ofCustomer(customer, after, IndexQuery.MAX_LIMIT),
        LoyaltyAccount::timelineEntries);
  }
}
