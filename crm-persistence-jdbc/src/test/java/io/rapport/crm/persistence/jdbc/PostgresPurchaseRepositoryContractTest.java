package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.PurchaseRepositoryContract;

/** The JDBC adapter keeps the Purchase repository contract on Postgres. */
class PostgresPurchaseRepositoryContractTest implements PurchaseRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
