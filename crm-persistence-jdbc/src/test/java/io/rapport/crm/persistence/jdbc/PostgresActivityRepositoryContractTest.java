package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.ActivityRepositoryContract;

/** The JDBC adapter keeps the Activity repository contract on Postgres. */
class PostgresActivityRepositoryContractTest implements ActivityRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
