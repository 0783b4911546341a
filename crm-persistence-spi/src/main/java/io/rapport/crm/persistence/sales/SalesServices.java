package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerMerges;
import io.rapport.crm.persistence.customer.CustomerTimeline;
import io.rapport.crm.persistence.customer.MergeParticipant;
import io.rapport.crm.sales.DealClosing;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.Purchase;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Wires the customer services so that sales records take part: the timeline shows each
 * customer's opportunities and purchases, and merges move them to the survivor (and back on
 * undo). Use these instead of the bare {@link CustomerTimeline#of} and {@link CustomerMerges#of}
 * once sales records are stored; add further sources and participants with their {@code with}
 * methods. {@link #win} wins a stored deal and stores the purchase it made, together.
 */
public final class SalesServices {

  private SalesServices() {}

  /**
   * Returns the customer timeline of a store with interactions, opportunities and purchases.
   *
   * @param store the store
   * @return the timeline service
   * @throws NullPointerException if store is null
   */
  public static CustomerTimeline timeline(CrmStore store) {
    requireNonNull(store, "store");
    return CustomerTimeline.of(store)
        .with(customer -> OpportunityRepository.in(store).timeline(customer))
        .with(customer -> PurchaseRepository.in(store).timeline(customer));
  }

  /**
   * Returns the merge service of a store, moving interactions, activities, opportunities and
   * purchases with their customer.
   *
   * @param store the store
   * @return the merge service
   * @throws NullPointerException if store is null
   */
  public static CustomerMerges merges(CrmStore store) {
    requireNonNull(store, "store");
    return CustomerMerges.of(store).with(opportunitiesFollowMerges())
        .with(purchasesFollowMerges());
  }

  /**
   * Returns the merge participant that moves a customer's opportunities
   * ({@link Opportunity#transferTo}).
   *
   * @return the participant
   */
  public static MergeParticipant opportunitiesFollowMerges() {
    return MergeParticipant.following(OpportunityId.KIND, OpportunityRepository::in,
        (deals, customer, after) -> deals.ofCustomer(customer, after, 1000),
        (deal, customer, stamp) -> deal.transferTo(customer, stamp));
  }

  /**
   * Returns the merge participant that moves a customer's purchases ({@link Purchase#transferTo}).
   *
   * @return the participant
   */
  public static MergeParticipant purchasesFollowMerges() {
    return MergeParticipant.following(PurchaseId.KIND, PurchaseRepository::in,
        (purchases, customer, after) -> purchases.ofCustomer(customer, after, 1000),
        (purchase, customer, stamp) -> purchase.transferTo(customer, stamp));
  }

  /**
   * Wins a stored opportunity and stores the purchase it made, in one transaction
   * ({@link DealClosing#win}): both are written with their events, or neither.
   *
   * @param store the store
   * @param deal the stored open opportunity
   * @param purchase the new purchase's id
   * @param terms the payment terms agreed
   * @param channel where it was sold, such as {@code store} or {@code call-center}
   * @param stamp the event's id, time and actor (the purchase's event takes
   *     {@code stamp.next(1)})
   * @return both as stored, or why nothing was: a {@link ConversionRefusal} with
   *     {@code sales.opportunity_not_found} or {@code sales.pipeline_not_found}, the refusals of
   *     {@link DealClosing#win}, or a version conflict
   * @throws NullPointerException if an argument is null
   */
  public static Either<Rejection, DealClosing.Won> win(CrmStore store, OpportunityId deal,
      PurchaseId purchase, PaymentTerms terms, String channel, EventStamp stamp) {
    requireNonNull(store, "store");
    requireNonNull(deal, "deal");
    requireNonNull(purchase, "purchase");
    requireNonNull(terms, "terms");
    requireNonNull(channel, "channel");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      OpportunityRepository deals = OpportunityRepository.in(tx);
      Option<Versioned<Opportunity>> found = deals.find(deal);
      if (found.isEmpty()) {
        return Either.left(new ConversionRefusal("sales.opportunity_not_found",
            "No opportunity " + deal + " is stored", io.vavr.collection.List.empty()));
      }
      Option<Versioned<Pipeline>> pipeline =
          PipelineRepository.in(tx).find(found.get().value().pipeline());
      if (pipeline.isEmpty()) {
        return Either.left(new ConversionRefusal("sales.pipeline_not_found", "No pipeline "
            + found.get().value().pipeline() + " is stored", io.vavr.collection.List.empty()));
      }
      Either<Rejection, DealClosing.Won> won = DealClosing.win(found.get().value(),
          pipeline.get().value(), purchase, terms, channel, stamp);
      if (won.isLeft()) {
        return won;
      }
      Either<VersionConflict, Version> saved =
          deals.save(won.get().opportunity().state(), found.get().version())
              .flatMap(v -> PurchaseRepository.in(tx).save(won.get().purchase().state(),
                  Version.NEW));
      if (saved.isLeft()) {
        return Either.left(saved.getLeft());
      }
      tx.publish(won.get().opportunity().events());
      tx.publish(won.get().purchase().events());
      return won;
    });
  }
}
