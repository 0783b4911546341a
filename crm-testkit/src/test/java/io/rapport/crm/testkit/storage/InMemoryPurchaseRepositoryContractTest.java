package io.rapport.crm.testkit.storage;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;

/** The in-memory reference store keeps the purchase repository contract. */
class InMemoryPurchaseRepositoryContractTest implements PurchaseRepositoryContract {

  @Override
  public CrmStore newStore() {
    return InMemoryCrmStore.create();
  }
}
