package io.rapport.crm.testkit.storage;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;

/** The in-memory reference store keeps the loyalty program repository contract. */
class InMemoryLoyaltyProgramRepositoryContractTest implements LoyaltyProgramRepositoryContract {

  @Override
  public CrmStore newStore() {
    return InMemoryCrmStore.create();
  }
}
