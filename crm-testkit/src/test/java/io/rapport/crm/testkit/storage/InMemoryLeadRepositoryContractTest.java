package io.rapport.crm.testkit.storage;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;

/** The in-memory reference store keeps the lead repository contract. */
class InMemoryLeadRepositoryContractTest implements LeadRepositoryContract {

  @Override
  public CrmStore newStore() {
    return InMemoryCrmStore.create();
  }
}
