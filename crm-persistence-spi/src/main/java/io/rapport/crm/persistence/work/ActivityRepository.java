package io.rapport.crm.persistence.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.EmployeeId;
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
import io.rapport.crm.work.Activity;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Stores activities and answers their queries: an employee's open work by due time (undated work
 * last), open activities due before an instant (overdue detection), and the activities related to
 * a record (a customer, an opportunity, a ticket). Obtain one with {@link #in(CrmStore)} or
 * {@link #in(Transaction)}.
 */
public final class ActivityRepository extends ForwardingRepository<ActivityId, Activity> {

  /** The index of open and in-progress activities by assignee, by due time. */
  public static final String OPEN_BY_ASSIGNEE = "open_by_assignee";
  /** The index of open and in-progress activities with a due time, by due time. */
  public static final String OPEN_BY_DUE = "open_by_due";
  /** The index of activities by related record. */
  public static final String BY_RELATED = "by_related";

  private static final String OPEN = "open";
  private static final String UNDATED = "~";

  /** The aggregate type of activities, with the indexes of every activity query. */
  public static final AggregateType<ActivityId, Activity> TYPE =
      AggregateType.of("activity", Activity.class, ActivityId.KIND)
          .withIndex(Index.sorted(OPEN_BY_ASSIGNEE, (Activity a) -> a.status().isActive()
              ? List.of(new IndexEntry(a.assignee().value(),
                  a.due().map(IndexEntry::sortKeyOf).getOrElse(UNDATED)))
              : List.<IndexEntry>empty()))
          .withIndex(Index.sorted(OPEN_BY_DUE, (Activity a) -> a.status().isActive()
              && a.due().isDefined() ? List.of(IndexEntry.at(OPEN, a.due().get()))
              : List.<IndexEntry>empty()))
          .withIndex(Index.byKey(BY_RELATED, (Activity a) -> a.related().map(RecordRef::toString)));

  private ActivityRepository(Repository<ActivityId, Activity> delegate) {
    super(delegate);
  }

  /**
   * Returns the activity repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static ActivityRepository in(CrmStore store) {
    return new ActivityRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the activity repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static ActivityRepository in(Transaction tx) {
    return new ActivityRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists an employee's open and in-progress activities, soonest due first, undated ones last.
   *
   * @param assignee the employee
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Activity>, IndexCursor> openFor(EmployeeId assignee,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(OPEN_BY_ASSIGNEE, assignee.value(), limit).after(after));
  }

  /**
   * Lists the open and in-progress activities due before an instant, most overdue first: the
   * overdue ones when the instant is now. Whether they are overdue in working time is for
   * {@link Activity#overdueBy} with the team's calendar to say.
   *
   * @param before the instant, excluded
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Activity>, IndexCursor> dueBefore(Instant before, Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(OPEN_BY_DUE, OPEN, limit)
        .between(Option.none(), Option.of(IndexEntry.sortKeyOf(requireNonNull(before, "before"))))
        .after(after));
  }

  /**
   * Lists the activities related to a record, in id order.
   *
   * @param record the record
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Activity>, IndexCursor> relatedTo(RecordRef record,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_RELATED, record.toString(), limit).after(after));
  }
}
