package io.rapport.crm.persistence.customer;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.rapport.crm.work.Activity;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/** Relates a customer's activities to the survivor of a merge, and back on undo. */
final class ActivitiesFollowMerges implements MergeParticipant {

  @Override
  public Either<Rejection, Seq<RecordRef>> repoint(Transaction tx, CustomerId from, CustomerId to,
      Supplier<EventStamp> stamps) {
    ActivityRepository activities = ActivityRepository.in(tx);
    List<ActivityId> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Activity>, IndexCursor> page =
          activities.relatedTo(RecordRef.to(from), after, 1000);
      ids = ids.appendAll(page.items().map(v -> v.value().id()));
      after = page.next();
    } while (after.isDefined());
    return move(activities, ids, RecordRef.to(to), stamps);
  }

  @Override
  public Either<Rejection, Seq<RecordRef>> restore(Transaction tx, Seq<RecordRef> records,
      CustomerId to, Supplier<EventStamp> stamps) {
    return move(ActivityRepository.in(tx), records.filter(r -> r.isA(ActivityId.KIND))
        .map(r -> r.as(ActivityId.KIND).get()).toList(), RecordRef.to(to), stamps);
  }

  private static Either<Rejection, Seq<RecordRef>> move(ActivityRepository activities,
      List<ActivityId> ids, RecordRef target, Supplier<EventStamp> stamps) {
    List<RecordRef> moved = List.empty();
    for (ActivityId id : ids) {
      Either<UpdateFailure, Versioned<Activity>> done =
          activities.update(id, activity -> activity.relink(Option.of(target), stamps.get()));
      if (done.isLeft()) {
        return Either.left(done.getLeft());
      }
      moved = moved.append(RecordRef.to(id));
    }
    return Either.right(moved);
  }
}
