package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.PriceBookRepositoryContract;

/** The JDBC adapter keeps the PriceBook repository contract on H2. */
class H2PriceBookRepositoryContractTest implements PriceBookRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
