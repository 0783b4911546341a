package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.InteractionRepositoryContract;

/** The JDBC adapter keeps the Interaction repository contract on H2. */
class H2InteractionRepositoryContractTest implements InteractionRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
