package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.SlaPolicyRepositoryContract;

/** The JDBC adapter keeps the SlaPolicy repository contract on H2. */
class H2SlaPolicyRepositoryContractTest implements SlaPolicyRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
