package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.SlaPolicyRepositoryContract;

/** The JDBC adapter keeps the SlaPolicy repository contract on Postgres. */
class PostgresSlaPolicyRepositoryContractTest implements SlaPolicyRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
