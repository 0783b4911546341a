package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.customer.CustomerMerges;
import io.rapport.crm.persistence.customer.CustomerTimeline;

/**
 * Wires the customer services so that sales records take part: the timeline shows each
 * customer's opportunities and purchases, and merges move them to the survivor (and back on
 * undo). Use these instead of the bare {@link CustomerTimeline#of} and {@link CustomerMerges#of}
 * once sales records are stored; add further sources and participants with their {@code with}
 * methods.
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
    return CustomerMerges.of(store).with(SalesFollowMerges.opportunities())
        .with(SalesFollowMerges.purchases());
  }
}
