package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.CustomerRepositoryContract;

/** The JDBC adapter keeps the Customer repository contract on Postgres. */
class PostgresCustomerRepositoryContractTest implements CustomerRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
