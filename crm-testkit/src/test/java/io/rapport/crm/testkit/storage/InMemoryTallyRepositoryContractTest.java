package io.rapport.crm.testkit.storage;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;

/** The in-memory reference store keeps the repository contract. */
class InMemoryTallyRepositoryContractTest implements TallyRepositoryContract {

  @Override
  public CrmStore newStore() {
    return InMemoryCrmStore.create();
  }
}
