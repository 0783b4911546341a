package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.LeadRepositoryContract;

/** The JDBC adapter keeps the Lead repository contract on Postgres. */
class PostgresLeadRepositoryContractTest implements LeadRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
