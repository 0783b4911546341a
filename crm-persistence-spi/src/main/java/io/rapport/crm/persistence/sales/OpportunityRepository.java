package io.rapport.crm.persistence.sales;

import static io.rapport.crm.persistence.sales.SalesIndexKeys.dateKey;
import static io.rapport.crm.persistence.sales.SalesIndexKeys.dateKeyOrLast;
import static io.rapport.crm.persistence.sales.SalesIndexKeys.key;
import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.TeamId;
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
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import io.rapport.crm.sales.StageCode;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Stores opportunities and answers their queries: an owner's or a team's deals of one status (open
 * ones by expected close date, undated last; closed ones newest closed first), the deals in a
 * stage of a pipeline, a customer's deals newest first, open deals expected to close in a date
 * range (forecasts), and deals won or lost in a period (win rates). Obtain one with
 * {@link #in(CrmStore)} or {@link #in(Transaction)}; it works on any adapter, since every query is
 * a lookup in an index declared on {@link #TYPE}, derived from the opportunity's components alone.
 */
public final class OpportunityRepository extends ForwardingRepository<OpportunityId, Opportunity> {

  /** The index of opportunities by owner and status. */
  public static final String BY_OWNER = "by_owner";
  /** The index of opportunities by team and status. */
  public static final String BY_TEAM = "by_team";
  /** The index of opportunities by pipeline and stage, by expected close date. */
  public static final String BY_STAGE = "by_stage";
  /** The index of opportunities by customer, newest first. */
  public static final String BY_CUSTOMER = "by_customer";
  /** The index of open opportunities with an expected close date, by that date. */
  public static final String OPEN_BY_CLOSE_DATE = "open_by_close_date";
  /** The index of won and lost opportunities, by the time they closed. */
  public static final String CLOSED_BY_TIME = "closed_by_time";

  private static final String OPEN = "open";
  private static final String CLOSED = "closed";

  /** The aggregate type of opportunities, with the indexes of every opportunity query. */
  public static final AggregateType<OpportunityId, Opportunity> TYPE =
      AggregateType.of("opportunity", Opportunity.class, OpportunityId.KIND)
          .withIndex(Index.sorted(BY_OWNER, (Opportunity o) ->
              List.of(new IndexEntry(key(o.owner().value(), o.status().name()), workOrder(o)))))
          .withIndex(Index.sorted(BY_TEAM, (Opportunity o) -> o.team().map(team ->
              new IndexEntry(key(team.value(), o.status().name()), workOrder(o)))))
          .withIndex(Index.sorted(BY_STAGE, (Opportunity o) -> List.of(new IndexEntry(
              key(o.pipeline().value(), o.stage().value()), dateKeyOrLast(o.expectedClose())))))
          .withIndex(Index.sorted(BY_CUSTOMER, (Opportunity o) ->
              List.of(IndexEntry.newestFirst(o.customer().value(), o.createdAt()))))
          .withIndex(Index.sorted(OPEN_BY_CLOSE_DATE, (Opportunity o) ->
              o.status() == OpportunityStatus.OPEN && o.expectedClose().isDefined()
                  ? List.of(new IndexEntry(OPEN, dateKey(o.expectedClose().get())))
                  : List.<IndexEntry>empty()))
          .withIndex(Index.sorted(CLOSED_BY_TIME, (Opportunity o) ->
              o.status() != OpportunityStatus.OPEN && o.closedAt().isDefined()
                  ? List.of(IndexEntry.at(CLOSED, o.closedAt().get()))
                  : List.<IndexEntry>empty()));

  private OpportunityRepository(Repository<OpportunityId, Opportunity> delegate) {
    super(delegate);
  }

  /**
   * Returns the opportunity repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static OpportunityRepository in(CrmStore store) {
    return new OpportunityRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the opportunity repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static OpportunityRepository in(Transaction tx) {
    return new OpportunityRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Orders an owner's or team's deals: open ones by expected close date (undated last), closed
   * ones newest closed first.
   */
  private static String workOrder(Opportunity o) {
    if (o.status() != OpportunityStatus.OPEN && o.closedAt().isDefined()) {
      return IndexEntry.newestFirstSortKeyOf(o.closedAt().get());
    }
    return dateKeyOrLast(o.expectedClose());
  }

  /**
   * Lists an owner's open opportunities, soonest expected close first, undated ones last: the
   * owner's pipeline work list. Same as {@code ownedBy(owner, OpportunityStatus.OPEN, …)}.
   *
   * @param owner the owner
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Opportunity>, IndexCursor> ownedBy(EmployeeId owner,
      Option<IndexCursor> after, int limit) {
    return ownedBy(owner, OpportunityStatus.OPEN, after, limit);
  }

  /**
   * Lists an owner's opportunities of one status: open ones soonest expected close first (undated
   * last), won or lost ones most recently closed first; ties in id order.
   *
   * @param owner the owner
   * @param status the status
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Opportunity>, IndexCursor> ownedBy(EmployeeId owner,
      OpportunityStatus status, Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_OWNER, key(requireNonNull(owner, "owner").value(),
        requireNonNull(status, "status").name()), limit).after(after));
  }

  /**
   * Lists a team's open opportunities, soonest expected close first, undated ones last. Same as
   * {@code ofTeam(team, OpportunityStatus.OPEN, …)}.
   *
   * @param team the team
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Opportunity>, IndexCursor> ofTeam(TeamId team, Option<IndexCursor> after,
      int limit) {
    return ofTeam(team, OpportunityStatus.OPEN, after, limit);
  }

  /**
   * Lists a team's opportunities of one status, in the order of {@link #ownedBy(EmployeeId,
   * OpportunityStatus, Option, int)}.
   *
   * @param team the team
   * @param status the status
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Opportunity>, IndexCursor> ofTeam(TeamId team, OpportunityStatus status,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_TEAM, key(requireNonNull(team, "team").value(),
        requireNonNull(status, "status").name()), limit).after(after));
  }

  /**
   * Lists the opportunities in a stage of a pipeline, soonest expected close first, undated ones
   * last; ties in id order. A closed stage lists the deals closed there.
   *
   * @param pipeline the pipeline
   * @param stage the stage
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Opportunity>, IndexCursor> inStage(PipelineId pipeline, StageCode stage,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_STAGE, key(requireNonNull(pipeline, "pipeline").value(),
        requireNonNull(stage, "stage").value()), limit)
        .after(after));
  }

  /**
   * Lists a customer's opportunities of every status, newest created first; ties in id order.
   *
   * @param customer the customer
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Opportunity>, IndexCursor> ofCustomer(CustomerId customer,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_CUSTOMER, requireNonNull(customer, "customer").value(),
        limit).after(after));
  }

  /**
   * Returns a customer's opportunities as a timeline source: each deal's opening and, once closed,
   * its close ({@link Opportunity#timelineEntries()}). Each page request reads the customer's
   * deals through {@link #ofCustomer} and serves the entries in timeline order; a customer has
   * tens of deals, not thousands, so this stays cheap.
   *
   * @param customer the customer
   * @return the source
   */
  public io.rapport.crm.customer.TimelineSource timeline(CustomerId customer) {
    requireNonNull(customer, "customer");
    return io.rapport.crm.persistence.customer.CustomerTimeline.ofAllRecords(
        after -> ofCustomer(customer, after, IndexQuery.MAX_LIMIT), Opportunity::timelineEntries);
  }


  /**
   * Lists the open opportunities expected to close on a date from {@code from} (included) to
   * {@code until} (excluded), soonest first; ties in id order. Undated deals are never listed.
   * Empty when {@code until} is not after {@code from}.
   *
   * @param from the first date included
   * @param until the first date excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Opportunity>, IndexCursor> closingBetween(LocalDate from, LocalDate until,
      Option<IndexCursor> after, int limit) {
    IndexQuery query = IndexQuery.of(OPEN_BY_CLOSE_DATE, OPEN, limit)
        .between(Option.of(dateKey(from)), Option.of(dateKey(until))).after(after);
    return from.isBefore(until) ? query(query) : SalesIndexKeys.emptyPage();
  }

  /**
   * Lists the opportunities won or lost at an instant from {@code from} (included) to
   * {@code until} (excluded), earliest closed first; ties in id order. A deal reopened since
   * leaves the list. Empty when {@code until} is not after {@code from}.
   *
   * @param from the first instant included
   * @param until the first instant excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Opportunity>, IndexCursor> closedBetween(Instant from, Instant until,
      Option<IndexCursor> after, int limit) {
    IndexQuery query = IndexQuery.of(CLOSED_BY_TIME, CLOSED, limit)
        .between(Option.of(IndexEntry.sortKeyOf(from)), Option.of(IndexEntry.sortKeyOf(until)))
        .after(after);
    return from.isBefore(until) ? query(query) : SalesIndexKeys.emptyPage();
  }
}
