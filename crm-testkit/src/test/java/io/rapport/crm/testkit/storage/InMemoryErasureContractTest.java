package io.rapport.crm.testkit.storage;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;

/** The in-memory reference store keeps the erasure contract: its documents are all it holds. */
class InMemoryErasureContractTest implements ErasureContract {

  @Override
  public CrmStore newStore() {
    return InMemoryCrmStore.create();
  }
}
