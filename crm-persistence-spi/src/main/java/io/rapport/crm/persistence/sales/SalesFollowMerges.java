package io.rapport.crm.persistence.sales;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.MergeParticipant;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.Purchase;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * Moves a customer's opportunities and purchases to the survivor when two customers merge, and
 * back when the merge is undone ({@link Opportunity#transferTo}, {@link Purchase#transferTo}).
 * Obtain them from {@link SalesServices#merges}.
 */
final class SalesFollowMerges {

  private SalesFollowMerges() {}

  /** Returns the participant moving opportunities. */
  static MergeParticipant opportunities() {
    return new MergeParticipant() {
      @Override
      public Either<Rejection, Seq<RecordRef>> repoint(Transaction tx, CustomerId from,
          CustomerId to, Supplier<EventStamp> stamps) {
        OpportunityRepository deals = OpportunityRepository.in(tx);
        List<OpportunityId> ids = List.empty();
        Option<IndexCursor> after = Option.none();
        do {
          Page<Versioned<Opportunity>, IndexCursor> page = deals.ofCustomer(from, after, 1000);
          ids = ids.appendAll(page.items().map(v -> v.value().id()));
          after = page.next();
        } while (after.isDefined());
        return moveDeals(deals, ids, to, stamps);
      }

      @Override
      public Either<Rejection, Seq<RecordRef>> restore(Transaction tx, Seq<RecordRef> records,
          CustomerId to, Supplier<EventStamp> stamps) {
        return moveDeals(OpportunityRepository.in(tx), records.filter(r -> r.isA(
            OpportunityId.KIND)).map(r -> r.as(OpportunityId.KIND).get()).toList(), to, stamps);
      }
    };
  }

  /** Returns the participant moving purchases. */
  static MergeParticipant purchases() {
    return new MergeParticipant() {
      @Override
      public Either<Rejection, Seq<RecordRef>> repoint(Transaction tx, CustomerId from,
          CustomerId to, Supplier<EventStamp> stamps) {
        PurchaseRepository purchases = PurchaseRepository.in(tx);
        List<PurchaseId> ids = List.empty();
        Option<IndexCursor> after = Option.none();
        do {
          Page<Versioned<Purchase>, IndexCursor> page = purchases.ofCustomer(from, after, 1000);
          ids = ids.appendAll(page.items().map(v -> v.value().id()));
          after = page.next();
        } while (after.isDefined());
        return movePurchases(purchases, ids, to, stamps);
      }

      @Override
      public Either<Rejection, Seq<RecordRef>> restore(Transaction tx, Seq<RecordRef> records,
          CustomerId to, Supplier<EventStamp> stamps) {
        return movePurchases(PurchaseRepository.in(tx), records.filter(r -> r.isA(
            PurchaseId.KIND)).map(r -> r.as(PurchaseId.KIND).get()).toList(), to, stamps);
      }
    };
  }

  private static Either<Rejection, Seq<RecordRef>> moveDeals(OpportunityRepository deals,
      List<OpportunityId> ids, CustomerId to, Supplier<EventStamp> stamps) {
    List<RecordRef> moved = List.empty();
    for (OpportunityId id : ids) {
      Either<UpdateFailure, Versioned<Opportunity>> done =
          deals.update(id, deal -> deal.transferTo(to, stamps.get()));
      if (done.isLeft()) {
        return Either.left(done.getLeft());
      }
      moved = moved.append(RecordRef.to(id));
    }
    return Either.right(moved);
  }

  private static Either<Rejection, Seq<RecordRef>> movePurchases(PurchaseRepository purchases,
      List<PurchaseId> ids, CustomerId to, Supplier<EventStamp> stamps) {
    List<RecordRef> moved = List.empty();
    for (PurchaseId id : ids) {
      Either<UpdateFailure, Versioned<Purchase>> done =
          purchases.update(id, purchase -> purchase.transferTo(to, stamps.get()));
      if (done.isLeft()) {
        return Either.left(done.getLeft());
      }
      moved = moved.append(RecordRef.to(id));
    }
    return Either.right(moved);
  }
}
