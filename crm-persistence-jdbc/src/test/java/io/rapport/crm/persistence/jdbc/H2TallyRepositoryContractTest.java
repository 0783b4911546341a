package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.TallyRepositoryContract;

/** The JDBC adapter keeps the generic repository contract on H2. */
class H2TallyRepositoryContractTest implements TallyRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
