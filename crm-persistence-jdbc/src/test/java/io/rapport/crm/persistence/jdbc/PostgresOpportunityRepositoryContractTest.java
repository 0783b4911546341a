package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.OpportunityRepositoryContract;

/** The JDBC adapter keeps the Opportunity repository contract on Postgres. */
class PostgresOpportunityRepositoryContractTest implements OpportunityRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
