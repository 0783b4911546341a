package io.rapport.crm.persistence.host;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.customer.CustomerMerges;
import io.rapport.crm.persistence.customer.CustomerTimeline;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyMerges;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.sales.SalesServices;
import io.rapport.crm.persistence.service.TicketRepository;

/**
 * Wires the customer services with every kind of record Rapport stores, so a host needs one
 * call each: the customer timeline shows interactions, opportunities, purchases, tickets and
 * loyalty memberships, and a merge moves all of them to the survivor (and back on undo). Add the
 * host's own records with the services' {@code with} methods.
 */
public final class CrmServices {

  private CrmServices() {}

  /**
   * Returns the customer timeline of a store with interactions, opportunities, purchases,
   * tickets and loyalty memberships (joining and tier changes).
   *
   * @param store the store
   * @return the timeline service
   * @throws NullPointerException if store is null
   */
  public static CustomerTimeline timeline(CrmStore store) {
    requireNonNull(store, "store");
    return CustomerTimeline.of(store)
        .with(customer -> OpportunityRepository.in(store).timeline(customer))
        .with(customer -> PurchaseRepository.in(store).timeline(customer))
        .with(customer -> TicketRepository.in(store).timeline(customer))
        .with(customer -> LoyaltyAccountRepository.in(store).timeline(customer));
  }

  /**
   * Returns the merge service of a store, moving interactions, activities, opportunities,
   * purchases, tickets and loyalty accounts with their customer (a merge of two members of the
   * same loyalty program is refused: see {@link LoyaltyMerges}).
   *
   * @param store the store
   * @return the merge service
   * @throws NullPointerException if store is null
   */
  public static CustomerMerges merges(CrmStore store) {
    requireNonNull(store, "store");
    return CustomerMerges.of(store).with(SalesServices.opportunitiesFollowMerges())
        .with(SalesServices.purchasesFollowMerges()).with(TicketRepository.followMerges())
        .with(LoyaltyMerges.followMerges());
  }
}
