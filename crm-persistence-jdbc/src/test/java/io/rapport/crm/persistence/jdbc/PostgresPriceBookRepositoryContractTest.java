package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.PriceBookRepositoryContract;

/** The JDBC adapter keeps the PriceBook repository contract on Postgres. */
class PostgresPriceBookRepositoryContractTest implements PriceBookRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
