package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.PipelineRepositoryContract;

/** The JDBC adapter keeps the Pipeline repository contract on H2. */
class H2PipelineRepositoryContractTest implements PipelineRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
