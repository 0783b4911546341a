package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.PipelineRepositoryContract;

/** The JDBC adapter keeps the Pipeline repository contract on Postgres. */
class PostgresPipelineRepositoryContractTest implements PipelineRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
